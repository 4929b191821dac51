/**
 * The thresholds of the supervision rules (电子监察), per organization: the defaults here, an
 * organization's own values (supervision_settings) override them for its cases and those below it.
 */
import type { IsoDate } from "../calendar/isoDate";
import type { WorkingCalendar } from "../calendar/workingCalendar";
import { ALERT_RULES, alertRuleInfo } from "./rules";

export type SupervisionThresholds = {
  /** 一次性告知: a correction must be requested within N working days of receipt (行政许可法 Art. 32: 5). */
  correctionWithinWorkingDays: number;
  /** 不刁: a case with this many correction notices or more raises an alert. */
  correctionRounds: number;
  /** 不敷: a denial whose reasons are shorter than this many characters raises an alert. */
  denialReasonMinChars: number;
  /** 不拖: an extension whose reason is shorter than this many characters raises an alert. */
  extensionReasonMinChars: number;
  /** 不扯: a case returned between departments more than N times raises an alert. */
  pingPongReturns: number;
  /** 不敷: an open review task unclaimed for more than N working days. */
  taskIdleWorkingDays: number;
  /** 不推: a referral without progress for more than N working days. */
  referralIdleWorkingDays: number;
  /** 不推: an inquiry unanswered after N working days of office hours. */
  inquiryWorkingDays: number;
  /** 不拖: the share (percent) of a month's decisions made on the cases' last day above which the org is alerted. */
  lastDaySharePercent: number;
  /** …judged only from this many decisions in the month (fewer say nothing). */
  lastDayMinDecisions: number;
  /** Working days to respond to an alert of each rule (acknowledge or close), overriding the rule's default. */
  respondWorkingDays: Record<string, number>;
};

export type ThresholdKey = Exclude<keyof SupervisionThresholds, "respondWorkingDays">;

export const DEFAULT_THRESHOLDS: Readonly<SupervisionThresholds> = Object.freeze({
  correctionWithinWorkingDays: 5,
  correctionRounds: 3,
  denialReasonMinChars: 15,
  extensionReasonMinChars: 10,
  pingPongReturns: 1,
  taskIdleWorkingDays: 1,
  referralIdleWorkingDays: 3,
  inquiryWorkingDays: 1,
  lastDaySharePercent: 30,
  lastDayMinDecisions: 10,
  respondWorkingDays: {},
});

/** The limits of each threshold (the request schema and the settings panel use them). */
export const THRESHOLD_LIMITS: Record<ThresholdKey, { min: number; max: number }> = {
  correctionWithinWorkingDays: { min: 1, max: 20 },
  correctionRounds: { min: 2, max: 10 },
  denialReasonMinChars: { min: 0, max: 200 },
  extensionReasonMinChars: { min: 0, max: 200 },
  pingPongReturns: { min: 0, max: 20 },
  taskIdleWorkingDays: { min: 0, max: 60 },
  referralIdleWorkingDays: { min: 1, max: 60 },
  inquiryWorkingDays: { min: 1, max: 20 },
  lastDaySharePercent: { min: 1, max: 100 },
  lastDayMinDecisions: { min: 1, max: 10_000 },
};
export const THRESHOLD_KEYS = Object.keys(THRESHOLD_LIMITS) as ThresholdKey[];
/** Response deadlines lie within 1–30 working days. */
export const RESPOND_LIMITS = { min: 1, max: 30 };

/** An organization's stored values over the defaults (a value missing or of the wrong type keeps the default). */
export function withDefaults(
  stored: Partial<SupervisionThresholds> | null | undefined,
): SupervisionThresholds {
  const out: SupervisionThresholds = { ...DEFAULT_THRESHOLDS, respondWorkingDays: {} };
  if (!stored) return out;
  for (const k of THRESHOLD_KEYS) {
    const v = stored[k];
    if (typeof v === "number" && Number.isInteger(v)) out[k] = v;
  }
  for (const [rule, days] of Object.entries(stored.respondWorkingDays ?? {}))
    if (typeof days === "number" && Number.isInteger(days) && ALERT_RULES.some((r) => r.code === rule))
      out.respondWorkingDays[rule] = days;
  return out;
}

/** Working days to respond to an alert of `rule`: the organization's value, else the rule's default. */
export function respondDays(th: SupervisionThresholds, rule: string): number {
  return th.respondWorkingDays[rule] ?? alertRuleInfo(rule).respondDays;
}

/** The date by which an alert raised on `today` must be acknowledged or closed. */
export function respondBy(
  th: SupervisionThresholds,
  rule: string,
  today: IsoDate,
  cal: WorkingCalendar,
): IsoDate {
  return cal.addWorkingDays(today, respondDays(th, rule));
}

/** Not acknowledged nor closed by its response date: overdue on the desk. */
export function isResponseOverdue(
  a: { respondBy: IsoDate | null; acknowledgedAt: Date | null; resolvedAt: Date | null },
  today: IsoDate,
): boolean {
  return a.respondBy !== null && !a.acknowledgedAt && !a.resolvedAt && a.respondBy < today;
}
