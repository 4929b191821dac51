/**
 * The supervisor's dashboard (getSupervisionDashboard) and its drill-down (listSupervisionCases): the
 * figures of src/domain/supervision/figures.ts over the facts of the supervisor's tree, overall, per
 * office and per person, with 12 months of trend; every figure lists the cases behind it.
 */
import type { z } from "zod";
import { ALERT_RULES, alertRuleInfo } from "../../domain/alerts/rules";
import { invalid } from "../../domain/errors";
import {
  addMonths,
  alertCounts,
  alertsOf,
  type CaseFact,
  caseFigures,
  caseInFigure,
  casesOfOrg,
  casesOfPerson,
  clockStateCounts,
  FIGURE_NAMES,
  isOnTime,
  monthsOf,
  type Period,
} from "../../domain/supervision/figures";
import type {
  ZSupervisionCasesQuery,
  ZSupervisionDashboardQuery,
} from "../../shared/api/requests/supervisionFigures";
import type { TSupervisionCaseList, TSupervisionDashboard } from "../../shared/api/supervisionFigures";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { currentMonth, type Facts, type FigureScope, figureScope, gatherFacts } from "./facts";
import { treeTrend } from "./trend";

/** The period asked for: `to` defaults to this month, `from` to `to`; 422 when `from` is after `to`. */
function periodOf(ctx: AppContext, q: { from?: string; to?: string }): Period {
  const to = q.to ?? currentMonth(ctx.clock.now());
  const from = q.from ?? to;
  if (from > to)
    throw invalid("from", "after_to", { "zh-CN": "起始月份晚于结束月份", "en-US": "`from` is after `to`" });
  return { from, to };
}

/** The facts restricted to the office chosen (all of them for the whole tree). */
function chosenFacts(scope: FigureScope, f: Facts): Facts {
  if (scope.chosen.id === scope.root.id) return f;
  const mine = casesOfOrg(f.cases, scope.chosen.ids);
  const ids = new Set(mine.map((c) => c.id));
  return {
    ...f,
    cases: mine,
    ratings: f.ratings.filter((r) => ids.has(r.caseId)),
    alerts: alertsOf(f.alerts, ids, { orgIds: scope.chosen.ids }),
    attendance: f.attendance.filter((a) => {
      const s = f.staff.get(a.userId);
      return s !== undefined && scope.chosen.ids.has(s.orgId);
    }),
  };
}

const ratingsOf = (f: Facts, list: CaseFact[]) => {
  const ids = new Set(list.map((c) => c.id));
  return f.ratings.filter((r) => ids.has(r.caseId));
};

/**
 * The dashboard of the supervisor's tree (or one office of it) for a month range: the figures overall,
 * per office and per person, the 12 months ending `to`, open cases by clock, alerts by rule, training.
 * Supervisors only (403 otherwise).
 */
export async function getSupervisionDashboard(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof ZSupervisionDashboardQuery>,
): Promise<TSupervisionDashboard> {
  const scope = await figureScope(ctx, actor, q.orgId);
  const p = periodOf(ctx, q);
  const trendFrom = addMonths(p.to, -11);
  // The whole tree's trend is counted in the database (treeTrend); an office's from its cases' facts.
  const whole = scope.chosen.id === scope.root.id;
  const all = await gatherFacts(ctx, scope, whole ? p.from : [p.from, trendFrom].sort()[0]);
  const f = chosenFacts(scope, all);
  const trend = whole
    ? await treeTrend(ctx, scope, { from: trendFrom, to: p.to })
    : monthsOf({ from: trendFrom, to: p.to }).map((month) => ({
        month,
        ...caseFigures(f.cases, f.ratings, { from: month, to: month }),
      }));

  const orgName = new Map(scope.orgs.map((o) => [o.id, o.name]));
  const orgOrder = new Map(scope.orgs.map((o, i) => [o.id, i]));
  const officeIds = new Set<string>();
  const people = new Map<string, string>();
  for (const c of f.cases)
    for (const h of c.handlers) {
      if (scope.chosen.ids.has(h.orgId)) officeIds.add(h.orgId);
      if (scope.chosen.ids.has(h.orgId)) people.set(h.userId, h.orgId);
    }

  const byDepartment = [...officeIds]
    .sort((a, b) => (orgOrder.get(a) ?? 0) - (orgOrder.get(b) ?? 0))
    .map((orgId) => {
      const list = casesOfOrg(f.cases, new Set([orgId]));
      return { orgId, orgName: orgName.get(orgId) ?? "", ...caseFigures(list, ratingsOf(f, list), p) };
    })
    .filter((d) => d.accepted || d.completed || d.satisfactionRate.denominator);
  const byPerson = [...people.entries()]
    .map(([userId, orgId]) => {
      const list = casesOfPerson(f.cases, userId);
      return {
        userId,
        name: f.names.get(userId) ?? "",
        orgName: orgName.get(f.staff.get(userId)?.orgId ?? orgId) ?? null,
        ...caseFigures(list, ratingsOf(f, list), p),
      };
    })
    .filter((d) => d.accepted || d.completed || d.satisfactionRate.denominator)
    .sort((a, b) => b.completed - a.completed || a.name.localeCompare(b.name, "zh-CN"));

  const a = alertCounts(f.alerts, p);
  const order = new Map(ALERT_RULES.map((r, i) => [r.code, i]));
  return {
    fromMonth: p.from,
    toMonth: p.to,
    org: { id: scope.chosen.id, name: scope.chosen.name },
    orgs: scope.orgs.map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    overall: caseFigures(f.cases, f.ratings, p),
    byDepartment,
    byPerson,
    trend,
    clockStates: clockStateCounts(f.cases),
    alerts: { raised: a.raised, closed: a.closed },
    alertsByRule: [...a.byRule.entries()]
      .sort(([x], [y]) => (order.get(x) ?? 999) - (order.get(y) ?? 999) || x.localeCompare(y))
      .map(([rule, n]) => {
        const info = alertRuleInfo(rule);
        return { rule, ruleName: { "zh-CN": info.zh, "en-US": info.en }, category: info.category, ...n };
      }),
    trainingAttended: f.attendance.filter(
      (x) => x.heldOn.slice(0, 7) >= p.from && x.heldOn.slice(0, 7) <= p.to,
    ).length,
  };
}

/**
 * The cases behind one figure (drill-down): the figure's cases for the period, of the office and the
 * person asked for; `counted` marks those in the numerator. Supervisors only.
 */
export async function listSupervisionCases(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof ZSupervisionCasesQuery>,
): Promise<TSupervisionCaseList> {
  const scope = await figureScope(ctx, actor, q.orgId);
  const p = periodOf(ctx, q);
  const f = chosenFacts(scope, await gatherFacts(ctx, scope, p.from, { numbers: true }));
  const list = q.userId ? casesOfPerson(f.cases, q.userId) : f.cases;
  const inPeriod = (m: string) => m >= p.from && m <= p.to;
  const rated = new Map<string, boolean>();
  for (const r of f.ratings)
    if (inPeriod(r.month)) rated.set(r.caseId, (rated.get(r.caseId) ?? true) && r.satisfied);
  const alerted = new Set(
    f.alerts
      .filter((a) => a.caseId && inPeriod(a.raisedMonth) && (!q.rule || a.rule === q.rule))
      .map((a) => a.caseId as string),
  );
  const rows = list.flatMap((c) => {
    let m: { member: boolean; counted: boolean };
    if (q.figure === "alerts") m = { member: alerted.has(c.id), counted: alerted.has(c.id) };
    else if (q.figure === "satisfactionRate")
      m = { member: rated.has(c.id), counted: rated.get(c.id) === true };
    else if (q.figure === "clockState") {
      const hit = c.clockState !== null && (!q.clockState || c.clockState === q.clockState);
      m = { member: hit, counted: hit };
    } else m = caseInFigure(q.figure, c, p);
    if (!m.member) return [];
    return [
      {
        id: c.id,
        number: c.number,
        itemName: c.itemName,
        status: c.status,
        acceptedOn: c.acceptedOn,
        completedOn: c.completedOn,
        deadline: c.deadline,
        onTime: c.completedOn ? isOnTime(c) : null,
        finishedOnSpot: c.finishedOnSpot,
        visits: c.visits,
        clockState: c.clockState,
        counted: m.counted,
      },
    ];
  });
  rows.sort((a, b) => Number(b.counted) - Number(a.counted) || b.number.localeCompare(a.number));
  return {
    figure: q.figure,
    figureName: FIGURE_NAMES[q.figure],
    total: rows.length,
    counted: rows.filter((r) => r.counted).length,
    items: rows.slice(0, 500),
  };
}
