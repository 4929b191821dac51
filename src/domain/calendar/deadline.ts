/**
 * Deadlines and case clocks (办件时限), pure.
 *
 * Convention (docs/calendar.md):
 * - The day of acceptance is day 0; a limit of n working days ends at the close of the n-th
 *   working day after it (行政许可法 Art. 82, Art. 42).
 * - An extension adds working days (Art. 42: one extension, normally 10 working days).
 * - A pause (special procedures Art. 45, correction periods, public notice) is a span of dates,
 *   both ends inclusive; it pushes the deadline by the working days it covers after day 0. Overlapping
 *   pauses count once. A pause that starts after the deadline it would push does not count: the case
 *   was already overdue.
 * - An open pause (to = null) is counted up to `asOf` inclusive.
 * - A pause that ends the day before it starts (to = from − 1) is empty: the clock was stopped and
 *   started again on the same day. It is a recorded fact of the case but covers no day and moves
 *   nothing; a pause ending earlier than that is an error.
 */
import { dayToIso, type IsoDate } from "./isoDate.ts";
import type { WorkingCalendar } from "./workingCalendar.ts";

/**
 * A span during which the clock stops; `to` is the last paused date, null while still paused, and the
 * day before `from` when the pause ended on the day it began (an empty pause).
 */
export interface Pause {
  from: IsoDate;
  to: IsoDate | null;
}

/** What a deadline is computed from. */
export interface DeadlineInput {
  /** Day 0: the (effective) date of acceptance. */
  startDate: IsoDate;
  /** The time limit in working days (承诺时限 or 法定时限). */
  limitDays: number;
  pauses?: readonly Pause[];
  /** Working days added by approved extensions (延期). */
  extensionDays?: number;
  /** Today's local date; required when a pause is still open. */
  asOf?: IsoDate;
}

/** A computed deadline. */
export interface Deadline {
  /** Last working day of the limit; the limit ends at its close. */
  deadline: IsoDate;
  /** True when the deadline lies in a year without an official arrangement (待国务院公布). */
  provisional: boolean;
  /** Working days by which pauses pushed the deadline. */
  pausedWorkingDays: number;
  /** True when a pause is still open: the deadline moves each working day until it ends. */
  paused: boolean;
}

function checkDays(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
}

/** Day-number pauses [from, to, from, to, …], clipped to start after day 0, sorted and merged. */
function mergedPauses(cal: WorkingCalendar, start: number, input: DeadlineInput): number[] {
  const pauses = input.pauses ?? [];
  const spans: number[] = [];
  for (const p of pauses) {
    const rawFrom = cal.dayOf(p.from);
    let to: number;
    if (p.to === null) {
      if (input.asOf === undefined) throw new RangeError("an open pause needs asOf (today's date)");
      to = cal.dayOf(input.asOf);
    } else {
      to = cal.dayOf(p.to);
      if (to < rawFrom - 1) throw new RangeError(`pause ends before it starts: ${p.from} … ${p.to}`);
    }
    const from = Math.max(rawFrom, start + 1);
    if (to >= from) spans.push(from, to);
  }
  if (spans.length <= 2) return spans;
  const order = Array.from({ length: spans.length / 2 }, (_, i) => i).sort(
    (a, b) => spans[2 * a] - spans[2 * b],
  );
  const out: number[] = [];
  for (const i of order) {
    const f = spans[2 * i];
    const t = spans[2 * i + 1];
    const n = out.length;
    if (n > 0 && f <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], t);
    else out.push(f, t);
  }
  return out;
}

/**
 * Computes a case's deadline from day 0, its limit, extensions and pauses
 * (行政许可法 Art. 42 time limit and extension, Art. 45 special procedures not counted, Art. 82 working days).
 */
export function computeDeadline(cal: WorkingCalendar, input: DeadlineInput): Deadline {
  const extension = input.extensionDays ?? 0;
  checkDays("limitDays", input.limitDays);
  checkDays("extensionDays", extension);
  const start = cal.dayOf(input.startDate);
  let total = input.limitDays + extension;
  let d = cal.addWorkingDaysN(start, total);
  let pausedWorkingDays = 0;
  const paused = input.pauses?.some((p) => p.to === null) ?? false;
  if (input.pauses !== undefined && input.pauses.length > 0) {
    const spans = mergedPauses(cal, start, input);
    for (let i = 0; i < spans.length; i += 2) {
      if (spans[i] > d) break;
      const covered = cal.workingDaysInN(spans[i], spans[i + 1]);
      pausedWorkingDays += covered;
      total += covered;
      d = cal.addWorkingDaysN(start, total);
    }
  }
  return { deadline: dayToIso(d), provisional: cal.isProvisionalN(d), pausedWorkingDays, paused };
}

/** A case clock as stored with the case. */
export interface CaseClock extends DeadlineInput {}

/** When a clock turns yellow (预警): at most `workingDays` left, or at most `fraction` of the limit left. */
export interface WarningThresholds {
  workingDays: number;
  fraction: number;
}

/** Default warning: ≤ 1 working day or ≤ 20% of the limit left. */
export const DEFAULT_THRESHOLDS: WarningThresholds = { workingDays: 1, fraction: 0.2 };

/** The state of a clock on a given day. */
export type ClockColor = "normal" | "yellow" | "red" | "paused";

/** Clock state with the figures behind it. */
export interface ClockState {
  state: ClockColor;
  deadline: IsoDate;
  /** Working days after today up to the deadline (0 on the deadline day); negative = working days overdue. */
  remainingWorkingDays: number;
  provisional: boolean;
}

/**
 * The state of a case clock on `today` (local date): `paused` while a pause covers today,
 * `red` once today is past the deadline, `yellow` near it, else `normal`
 * (不拖: 行政许可法 Art. 42, supervision warnings 电子监察预警).
 */
export function clockState(
  cal: WorkingCalendar,
  clock: CaseClock,
  today: IsoDate,
  thresholds: WarningThresholds = DEFAULT_THRESHOLDS,
): ClockState {
  const t = cal.dayOf(today);
  const result = computeDeadline(cal, { ...clock, asOf: clock.asOf ?? today });
  const d = cal.dayOf(result.deadline);
  const remaining = cal.workingDaysBetweenN(t, d);
  const base = {
    deadline: result.deadline,
    remainingWorkingDays: remaining,
    provisional: result.provisional,
  };
  const pausedToday = (clock.pauses ?? []).some(
    (p) => cal.dayOf(p.from) <= t && (p.to === null || t <= cal.dayOf(p.to)),
  );
  if (pausedToday) return { state: "paused", ...base };
  if (t > d) return { state: "red", ...base };
  const limit = clock.limitDays + (clock.extensionDays ?? 0);
  const yellow = remaining <= thresholds.workingDays || remaining <= thresholds.fraction * limit;
  return { state: yellow ? "yellow" : "normal", ...base };
}
