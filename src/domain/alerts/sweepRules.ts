/**
 * The time-based supervision rules the periodic sweep evaluates (电子监察): pure functions of the
 * subject's state, "today" and the thresholds of its organization.
 */
import type { IsoDate } from "../calendar/isoDate";
import type { WorkingCalendar } from "../calendar/workingCalendar";
import type { SupervisionThresholds } from "./thresholds";

/** 不敷: an open (unclaimed) review task waiting more than N working days since it opened. */
export function isTaskIdle(
  t: { status: string; openedOn: IsoDate | null },
  today: IsoDate,
  th: SupervisionThresholds,
  cal: WorkingCalendar,
): boolean {
  return (
    t.status === "open" &&
    t.openedOn !== null &&
    cal.workingDaysBetween(t.openedOn, today) > th.taskIdleWorkingDays
  );
}

/** 不推: a referral not done with no progress for more than N working days. */
export function isReferralIdle(
  r: { status: string; lastProgressOn: IsoDate },
  today: IsoDate,
  th: SupervisionThresholds,
  cal: WorkingCalendar,
): boolean {
  return r.status !== "done" && cal.workingDaysBetween(r.lastProgressOn, today) > th.referralIdleWorkingDays;
}

/** 不推 (首问负责): a question unanswered after N working days of office hours (`minutesPerDay` each). */
export function isInquiryUnanswered(
  q: { status: string; workingMinutesWaiting: number },
  th: SupervisionThresholds,
  minutesPerDay: number,
): boolean {
  return q.status !== "answered" && q.workingMinutesWaiting >= th.inquiryWorkingDays * minutesPerDay;
}

/** One decision of the month: the case, the day decided and the case's deadline (its last day). */
export type MonthDecision = { caseId: string; eventId: string; decidedOn: IsoDate; deadline: IsoDate | null };

export type LastDayShare = {
  decisions: number;
  onLastDay: number;
  /** Percent, rounded to one decimal. */
  percent: number;
  /** The decision events made on the last day. */
  eventIds: string[];
  exceeded: boolean;
};

/**
 * 不拖: the share of an organization's decisions in a month made on the case's last day (the deadline).
 * Exceeded when at least the minimum number of decisions were made and the share is above the threshold.
 */
export function lastDayShare(decisions: readonly MonthDecision[], th: SupervisionThresholds): LastDayShare {
  const last = decisions.filter((d) => d.deadline !== null && d.decidedOn === d.deadline);
  const percent = decisions.length ? Math.round((last.length / decisions.length) * 1000) / 10 : 0;
  return {
    decisions: decisions.length,
    onLastDay: last.length,
    percent,
    eventIds: last.map((d) => d.eventId),
    exceeded: decisions.length >= th.lastDayMinDecisions && percent > th.lastDaySharePercent,
  };
}
