/**
 * The live figures the public sees (阳光下工作): 办结率, 按时办结率 and 满意率 over the last 12 months, by
 * month and by department — the supervisor's definitions (src/domain/supervision/figures.ts) over the
 * same facts (src/app/supervision/facts.ts), for every office of the deployment. Counts only: no case,
 * no person, no name of staff leaves here.
 */
import { organizations } from "../../db/schema";
import {
  addMonths,
  type CaseFigures,
  caseFigures,
  casesOfOrg,
  monthsOf,
} from "../../domain/supervision/figures";
import type { TPublicFigureSet, TPublicFigures } from "../../shared/api/publicPortal";
import type { AppContext } from "../context";
import { currentMonth, type FigureScope, gatherFacts } from "../supervision/facts";

const pick = (f: CaseFigures): TPublicFigureSet => ({
  accepted: f.accepted,
  completed: f.completed,
  completionRate: f.completionRate,
  onTimeRate: f.onTimeRate,
  satisfactionRate: f.satisfactionRate,
});

/** Every office of the deployment, as the facts' scope (the public sees them all). */
async function publicScope(ctx: AppContext): Promise<FigureScope> {
  const rows = await ctx.database.db
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      kind: organizations.kind,
    })
    .from(organizations)
    .orderBy(organizations.path);
  const orgs = rows.map((o) => ({ ...o, depth: o.path.split("/").filter(Boolean).length - 1 }));
  const top = orgs[0] ?? { id: "", name: "" };
  return {
    rootPath: "/",
    root: { id: top.id, name: top.name },
    orgs,
    chosen: { id: top.id, name: top.name, ids: new Set(orgs.map((o) => o.id)) },
  };
}

/** The published figures of the 12 months ending `to` (default this month): overall, by month, by office. */
export async function getPublicFigures(ctx: AppContext, q: { to?: string }): Promise<TPublicFigures> {
  const to = q.to ?? currentMonth(ctx.clock.now());
  const from = addMonths(to, -11);
  const scope = await publicScope(ctx);
  const f = await gatherFacts(ctx, scope, from);
  const p = { from, to };
  const order = new Map(scope.orgs.map((o, i) => [o.id, i]));
  const names = new Map(scope.orgs.map((o) => [o.id, o.name]));
  const offices = new Set(f.cases.flatMap((c) => c.handlers.map((h) => h.orgId)));
  const byDepartment = [...offices]
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map((orgId) => {
      const list = casesOfOrg(f.cases, new Set([orgId]));
      const ids = new Set(list.map((c) => c.id));
      const figures = caseFigures(
        list,
        f.ratings.filter((r) => ids.has(r.caseId)),
        p,
      );
      return { orgName: names.get(orgId) ?? "", ...pick(figures) };
    })
    .filter((d) => d.accepted || d.completed || d.satisfactionRate.denominator);
  return {
    fromMonth: from,
    toMonth: to,
    overall: pick(caseFigures(f.cases, f.ratings, p)),
    byMonth: monthsOf(p).map((month) => ({
      month,
      ...pick(caseFigures(f.cases, f.ratings, { from: month, to: month })),
    })),
    byDepartment,
  };
}
