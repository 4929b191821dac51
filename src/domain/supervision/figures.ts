/**
 * The supervisor's figures (办结率, 按时办结率, 满意率, 当场办结率, 跑动次数 …): one definition, used by the
 * dashboard and by the monthly scorecards alike. Pure: the app layer gathers one `CaseFact` per case
 * (and ratings, alerts, attendance) and these functions count them. Definitions: docs/supervision.md.
 */

/** The figures a supervisor may drill into (each names the cases behind it). */
export const FIGURE_CODES = [
  "accepted",
  "completed",
  "completionRate",
  "onTimeRate",
  "onSpotRate",
  "visitsPerCase",
  "satisfactionRate",
  "clockState",
  "alerts",
] as const;
export type FigureCode = (typeof FIGURE_CODES)[number];

/** Clock states counted for open accepted cases (the clock of src/domain/cases/clock.ts). */
export const CLOCK_STATES = ["normal", "yellow", "red", "paused"] as const;
export type ClockStateShown = (typeof CLOCK_STATES)[number];

/** Names of the figures (zh-CN first), for screens and exports. */
export const FIGURE_NAMES: Record<FigureCode, { "zh-CN": string; "en-US": string }> = {
  accepted: { "zh-CN": "受理量", "en-US": "Accepted" },
  completed: { "zh-CN": "办结量", "en-US": "Completed" },
  completionRate: { "zh-CN": "办结率", "en-US": "Completion rate" },
  onTimeRate: { "zh-CN": "按时办结率", "en-US": "On-time rate" },
  onSpotRate: { "zh-CN": "当场办结率", "en-US": "On-the-spot rate" },
  visitsPerCase: { "zh-CN": "跑动次数（件均）", "en-US": "Visits per case" },
  satisfactionRate: { "zh-CN": "满意率", "en-US": "Satisfaction rate" },
  clockState: { "zh-CN": "在办件时限状态", "en-US": "Open cases by clock state" },
  alerts: { "zh-CN": "监察预警", "en-US": "Alerts" },
};

/** Who handled a case, and in which office (the window, a reviewing section, the approver's bureau). */
export type Handler = { userId: string; orgId: string };

/** One case as the figures see it. Months are local months (YYYY-MM) of the organization's time zone. */
export type CaseFact = {
  id: string;
  number: string;
  itemName: string;
  status: string;
  /** Local date of acceptance (the clock's start), null when never accepted. */
  acceptedOn: string | null;
  /** Local date of completion (办结: the result issued or the denial served), null while not completed. */
  completedOn: string | null;
  /** The deadline with pauses and extension applied. */
  deadline: string | null;
  finishedOnSpot: boolean;
  /** Visits to the window (跑动次数): see {@link visitsOf}. */
  visits: number;
  /** The clock today for an open accepted case; null otherwise. */
  clockState: ClockStateShown | null;
  handlers: Handler[];
};

/** A rating (好差评) of a case; upheld appeals are left out before it gets here. */
export type RatingFact = { caseId: string; month: string; satisfied: boolean };

/** An alert (监察预警) with the months it was raised and closed. */
export type AlertFact = {
  id: string;
  rule: string;
  caseId: string | null;
  taskHandlers: string[];
  orgId: string | null;
  raisedMonth: string;
  closedMonth: string | null;
};

/** A month range, both ends included (YYYY-MM). */
export type Period = { from: string; to: string };

/** A share: numerator over denominator; `value` null when the denominator is 0 (nothing to rate). */
export type Ratio = { numerator: number; denominator: number; value: number | null };

/** The month (YYYY-MM) of a local date (YYYY-MM-DD). */
export const monthOf = (date: string | null): string | null => (date ? date.slice(0, 7) : null);

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

/** Every month of a period, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = p.from; m <= p.to && out.length < 240; m = addMonths(m, 1)) out.push(m);
  return out;
}

const inPeriod = (month: string | null, p: Period) => month !== null && month >= p.from && month <= p.to;

/** A ratio rounded to four decimals (0.8333), null without a denominator. */
export function ratio(numerator: number, denominator: number): Ratio {
  return {
    numerator,
    denominator,
    value: denominator ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
  };
}

/** Event types that bring the applicant to the window when the window records them. */
export const VISIT_EVENTS: ReadonlySet<string> = new Set([
  "case.submitted",
  "case.resubmitted",
  "material.deferred_delivered",
]);

/** Events whose actor handled the case (count the case to that person and office). */
export const HANDLING_EVENTS: ReadonlySet<string> = new Set([
  "case.accepted",
  "case.correction_requested",
  "case.refused",
  "case.referred",
  "case.decided",
  "case.issued",
  "case.completed",
]);

/** Roles of the staff who handle cases (a handling event by anyone else counts to nobody). */
export const HANDLING_ROLES: ReadonlySet<string> = new Set(["clerk", "reviewer", "approver"]);

/**
 * 跑动次数 of one case: each filing, resubmission after a correction (补正) and delivery of a deferred
 * material (容缺后补) that the window recorded (actor role `clerk`: the applicant stood at the counter).
 * The same steps done online by the applicant count 0. Collecting the result is not an event today
 * and counts 0 (results are served electronically or by post; an on-the-spot case is one visit).
 */
export function visitsOf(events: readonly { type: string; actorRole: string | null }[]): number {
  return events.filter((e) => VISIT_EVENTS.has(e.type) && e.actorRole === "clerk").length;
}

/** Completed on or before its deadline; a case without a deadline (即办件 before its clock) is on time. */
export function isOnTime(f: Pick<CaseFact, "completedOn" | "deadline">): boolean {
  return f.completedOn !== null && (f.deadline === null || f.completedOn <= f.deadline);
}

/** Whether a case belongs to a figure's denominator for the period, and whether it counts in its numerator. */
export function caseInFigure(
  figure: FigureCode,
  f: CaseFact,
  p: Period,
  ratedCases?: ReadonlySet<string>,
): { member: boolean; counted: boolean } {
  const completedIn = f.status === "completed" && inPeriod(monthOf(f.completedOn), p);
  switch (figure) {
    case "accepted":
      return { member: inPeriod(monthOf(f.acceptedOn), p), counted: inPeriod(monthOf(f.acceptedOn), p) };
    case "completionRate": {
      const member = inPeriod(monthOf(f.acceptedOn), p);
      return { member, counted: member && f.status === "completed" };
    }
    case "completed":
    case "visitsPerCase":
      return { member: completedIn, counted: completedIn };
    case "onTimeRate":
      return { member: completedIn, counted: completedIn && isOnTime(f) };
    case "onSpotRate":
      return { member: completedIn, counted: completedIn && f.finishedOnSpot };
    case "satisfactionRate": {
      const rated = ratedCases?.has(f.id) ?? false;
      return { member: rated, counted: rated };
    }
    case "clockState":
      return { member: f.clockState !== null, counted: f.clockState !== null };
    case "alerts":
      return { member: false, counted: false };
  }
}

/** The case figures of a period over a set of cases and ratings. */
export type CaseFigures = {
  accepted: number;
  completed: number;
  completionRate: Ratio;
  onTimeRate: Ratio;
  onSpotRate: Ratio;
  /** Visits over completed cases: total visits / completed cases (value rounded to 2 decimals). */
  visitsPerCase: { visits: number; cases: number; value: number | null };
  satisfactionRate: Ratio;
};

/** Counts the figures of `period` over `facts` and `ratings` (definitions in docs/supervision.md). */
export function caseFigures(
  facts: readonly CaseFact[],
  ratings: readonly RatingFact[],
  p: Period,
): CaseFigures {
  let accepted = 0;
  let acceptedCompleted = 0;
  let completed = 0;
  let onTime = 0;
  let onSpot = 0;
  let visits = 0;
  for (const f of facts) {
    if (caseInFigure("accepted", f, p).member) {
      accepted++;
      if (f.status === "completed") acceptedCompleted++;
    }
    if (caseInFigure("completed", f, p).member) {
      completed++;
      if (isOnTime(f)) onTime++;
      if (f.finishedOnSpot) onSpot++;
      visits += f.visits;
    }
  }
  const rated = ratings.filter((r) => inPeriod(r.month, p));
  return {
    accepted,
    completed,
    completionRate: ratio(acceptedCompleted, accepted),
    onTimeRate: ratio(onTime, completed),
    onSpotRate: ratio(onSpot, completed),
    visitsPerCase: {
      visits,
      cases: completed,
      value: completed ? Math.round((visits / completed) * 100) / 100 : null,
    },
    satisfactionRate: ratio(rated.filter((r) => r.satisfied).length, rated.length),
  };
}

/** Cases by clock state (open accepted cases, today). */
export function clockStateCounts(facts: readonly CaseFact[]): Record<ClockStateShown, number> {
  const out = { normal: 0, yellow: 0, red: 0, paused: 0 };
  for (const f of facts) if (f.clockState) out[f.clockState]++;
  return out;
}

/** Alerts raised in the period, and alerts closed in the period, per rule and in all. */
export function alertCounts(alerts: readonly AlertFact[], p: Period) {
  const byRule = new Map<string, { raised: number; closed: number }>();
  let raised = 0;
  let closed = 0;
  for (const a of alerts) {
    const r = byRule.get(a.rule) ?? { raised: 0, closed: 0 };
    if (inPeriod(a.raisedMonth, p)) {
      r.raised++;
      raised++;
    }
    if (inPeriod(a.closedMonth, p)) {
      r.closed++;
      closed++;
    }
    if (r.raised || r.closed) byRule.set(a.rule, r);
  }
  return { raised, closed, byRule };
}

/** The cases a person handled (accepted, reviewed, decided, issued …), any month. */
export function casesOfPerson(facts: readonly CaseFact[], userId: string): CaseFact[] {
  return facts.filter((f) => f.handlers.some((h) => h.userId === userId));
}

/** The cases an office handled: one of its staff acted on the case there, any month. */
export function casesOfOrg(facts: readonly CaseFact[], orgIds: ReadonlySet<string>): CaseFact[] {
  return facts.filter((f) => f.handlers.some((h) => orgIds.has(h.orgId)));
}

/** Alerts about a set of cases, or of tasks the person handled, or owned by one of the offices. */
export function alertsOf(
  alerts: readonly AlertFact[],
  caseIds: ReadonlySet<string>,
  who: { userId?: string; orgIds?: ReadonlySet<string> },
): AlertFact[] {
  return alerts.filter(
    (a) =>
      (a.caseId !== null && caseIds.has(a.caseId)) ||
      (who.userId !== undefined && a.taskHandlers.includes(who.userId)) ||
      (who.orgIds !== undefined && a.orgId !== null && a.caseId === null && who.orgIds.has(a.orgId)),
  );
}

/** The figures of one monthly scorecard (检查考核), computed from the data only. */
export type ScorecardFigures = {
  casesHandled: number;
  onTimeRate: Ratio;
  onSpotRate: Ratio;
  visitsPerCase: number | null;
  satisfactionRate: Ratio;
  alertsRaised: number;
  alertsClosed: number;
  trainingAttended: number;
  /** Policy change notices owed at the month's end and not acknowledged by then (政策变更阅知). */
  noticesUnacknowledged: number | null;
};

/** The scorecard of one person or section for one month. */
export function scorecardFigures(
  facts: readonly CaseFact[],
  ratings: readonly RatingFact[],
  alerts: readonly AlertFact[],
  trainingAttended: number,
  month: string,
  noticesUnacknowledged: number | null = null,
): ScorecardFigures {
  const p = { from: month, to: month };
  const f = caseFigures(facts, ratings, p);
  const a = alertCounts(alerts, p);
  return {
    casesHandled: f.completed,
    onTimeRate: f.onTimeRate,
    onSpotRate: f.onSpotRate,
    visitsPerCase: f.visitsPerCase.value,
    satisfactionRate: f.satisfactionRate,
    alertsRaised: a.raised,
    alertsClosed: a.closed,
    trainingAttended,
    noticesUnacknowledged,
  };
}

/** Whom a scorecard rates: a member of staff or a section (科室, window). */
export const SCORECARD_SUBJECTS = ["person", "section"] as const;
export type ScorecardSubject = (typeof SCORECARD_SUBJECTS)[number];
