import { clockState, computeDeadline, type WarningThresholds } from "../calendar/deadline";
import type { WorkingCalendar } from "../calendar/workingCalendar";
import type { CaseState } from "./caseState";
import { type CaseStatus, CLOCKED } from "./caseStatus";

/** The states of a case's clock (the queues filter by them). */
export const CLOCK_STATES = ["normal", "yellow", "red", "paused", "not_started", "stopped"] as const;
export type CaseClockState = (typeof CLOCK_STATES)[number];

/** The clock as shown wherever a case appears: state, deadline, remaining days, provisional. */
export type ClockView = {
  state: CaseClockState;
  deadline: string | null;
  remainingWorkingDays: number | null;
  provisional: boolean;
  limitDays: number;
  extensionDays: number;
  pausedWorkingDays: number;
};

/**
 * The deadline of a case: acceptance date + promised limit in working days, pushed by the working
 * days of every pause, plus the extension (行政许可法 Art. 42, 45, 82).
 */
export function caseDeadline(cal: WorkingCalendar, s: CaseState, today: string) {
  if (!s.acceptedOn) return null;
  return computeDeadline(cal, {
    startDate: s.acceptedOn,
    limitDays: s.limitDays,
    pauses: s.pauses.map((p) => ({ from: p.from, to: p.to })),
    extensionDays: s.extensionDays,
    asOf: today,
  });
}

/** The clock of a case on `today`; before acceptance it has not started, after the decision it stops. */
export function caseClock(
  cal: WorkingCalendar,
  s: CaseState,
  today: string,
  thresholds?: WarningThresholds,
): ClockView {
  const base = { limitDays: s.limitDays, extensionDays: s.extensionDays };
  const d = caseDeadline(cal, s, today);
  if (!d)
    return {
      ...base,
      state: "not_started",
      deadline: null,
      remainingWorkingDays: null,
      provisional: false,
      pausedWorkingDays: 0,
    };
  if (!CLOCKED.includes(s.status as CaseStatus)) {
    return {
      ...base,
      state: "stopped",
      deadline: d.deadline,
      remainingWorkingDays: null,
      provisional: d.provisional,
      pausedWorkingDays: d.pausedWorkingDays,
    };
  }
  const c = clockState(
    cal,
    {
      startDate: s.acceptedOn as string,
      limitDays: s.limitDays,
      pauses: s.pauses.map((p) => ({ from: p.from, to: p.to })),
      extensionDays: s.extensionDays,
      asOf: today,
    },
    today,
    thresholds,
  );
  return {
    ...base,
    state: c.state,
    deadline: c.deadline,
    remainingWorkingDays: c.remainingWorkingDays,
    provisional: c.provisional,
    pausedWorkingDays: d.pausedWorkingDays,
  };
}
