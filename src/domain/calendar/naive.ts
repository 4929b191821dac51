/**
 * Reference implementation of the working-day arithmetic, one day at a time. Slow on purpose:
 * it is the oracle for the property tests and the baseline of bench/calendar.bench.ts.
 */
import type { DeadlineInput } from "./deadline.ts";
import { dayToIso, type IsoDate, isoToDay } from "./isoDate.ts";

/** Whether a day number is a working day, per some calendar. */
export type IsWorkingDayN = (day: number) => boolean;

/** The n-th working day after `start` (n = 0 → start), counting day by day (行政许可法 Art. 82). */
export function naiveAddWorkingDays(isWorking: IsWorkingDayN, start: number, n: number): number {
  let d = start;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorking(d)) left--;
  }
  return d;
}

/** Working days in (a, b], counting day by day; negative when b < a. */
export function naiveWorkingDaysBetween(isWorking: IsWorkingDayN, a: number, b: number): number {
  let n = 0;
  for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (isWorking(d)) n++;
  return b >= a ? n : 0 - n;
}

/**
 * Deadline by walking the calendar: each working day after day 0 counts unless a pause covers it;
 * pauses are closed spans, open ones end at asOf (行政许可法 Art. 42, 45, 82).
 */
export function naiveDeadline(isWorking: IsWorkingDayN, input: DeadlineInput): IsoDate {
  const spans = (input.pauses ?? []).map((p) => [isoToDay(p.from), isoToDay(p.to ?? input.asOf ?? p.from)]);
  let d = isoToDay(input.startDate);
  for (let left = input.limitDays + (input.extensionDays ?? 0); left > 0; ) {
    d++;
    if (!isWorking(d)) continue;
    if (spans.some(([f, t]) => f <= d && d <= t)) continue;
    left--;
  }
  return dayToIso(d);
}
