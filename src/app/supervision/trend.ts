/**
 * The 12-month trend of the whole tree counted in PostgreSQL from the fact rows (ADR 0017e): one
 * index-only range of `case_facts_org_span_idx` grouped by month, and the ratings grouped by month,
 * instead of reading a year of cases into JavaScript. The same definitions as caseFigures
 * (src/domain/supervision/figures.ts); an office's trend (handled by its staff) is counted there.
 */
import { and, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { caseFacts, evaluations } from "../../db/schema";
import { isSatisfied, LEVELS } from "../../domain/evaluations/evaluation";
import { addMonths, type CaseFigures, monthsOf, type Period, ratio } from "../../domain/supervision/figures";
import type { AppContext } from "../context";
import { spanOn } from "./caseFacts";
import type { FigureScope } from "./facts";

type MonthRow = {
  m: string;
  accepted: number;
  accepted_completed: number;
  completed: number;
  on_time: number;
  on_spot: number;
  visits: number;
};

/** caseFigures of each month of `p` over the whole tree's cases and ratings. */
export async function treeTrend(
  ctx: AppContext,
  scope: FigureScope,
  p: Period,
): Promise<({ month: string } & CaseFigures)[]> {
  const db = ctx.database.db;
  const treeIds = scope.orgs.map((o) => o.id);
  const start = `${p.from}-01`;
  const end = `${addMonths(p.to, 1)}-01`;
  const tree = inArray(caseFacts.orgId, treeIds);
  const completedOn = sql`(${caseFacts.completedAt} at time zone 'Asia/Shanghai')::date`;
  const rows = await queryRows<MonthRow>(
    db,
    sql`select to_char(${caseFacts.acceptedOn}, 'YYYY-MM') as m, count(*)::int as accepted,
          (count(*) filter (where ${caseFacts.status} = 'completed'))::int as accepted_completed,
          0 as completed, 0 as on_time, 0 as on_spot, 0 as visits
        from ${caseFacts} where ${tree} and ${spanOn} >= ${start}::date
          and ${caseFacts.acceptedOn} >= ${start}::date and ${caseFacts.acceptedOn} < ${end}::date
        group by 1
        union all
        select to_char(${completedOn}, 'YYYY-MM'), 0, 0, count(*)::int,
          (count(*) filter (where ${caseFacts.deadline} is null or ${completedOn} <= ${caseFacts.deadline}))::int,
          (count(*) filter (where ${caseFacts.finishedOnSpot}))::int, coalesce(sum(${caseFacts.visits}), 0)::int
        from ${caseFacts} where ${tree} and ${spanOn} >= ${start}::date and ${caseFacts.status} = 'completed'
          and ${completedOn} >= ${start}::date and ${completedOn} < ${end}::date
        group by 1`,
  );
  const satisfiedLevels = LEVELS.filter((l) => isSatisfied(l));
  const rated = await db
    .select({
      m: evaluations.month,
      n: sql<number>`count(*)::int`,
      satisfied: sql<number>`(count(*) filter (where ${inArray(evaluations.level, satisfiedLevels)}))::int`,
    })
    .from(evaluations)
    .where(
      and(
        inArray(evaluations.orgId, treeIds),
        gte(evaluations.month, p.from),
        lte(evaluations.month, p.to),
        ne(evaluations.appealStatus, "upheld"),
      ),
    )
    .groupBy(evaluations.month);
  return monthsOf(p).map((month) => {
    const a = rows.find((r) => r.m === month && r.accepted > 0);
    const c = rows.find((r) => r.m === month && r.completed > 0);
    const r = rated.find((x) => x.m === month);
    const completed = c?.completed ?? 0;
    return {
      month,
      accepted: a?.accepted ?? 0,
      completed,
      completionRate: ratio(a?.accepted_completed ?? 0, a?.accepted ?? 0),
      onTimeRate: ratio(c?.on_time ?? 0, completed),
      onSpotRate: ratio(c?.on_spot ?? 0, completed),
      visitsPerCase: {
        visits: c?.visits ?? 0,
        cases: completed,
        value: completed ? Math.round(((c?.visits ?? 0) / completed) * 100) / 100 : null,
      },
      satisfactionRate: ratio(r?.satisfied ?? 0, r?.n ?? 0),
    };
  });
}
