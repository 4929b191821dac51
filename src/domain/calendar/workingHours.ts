import { localDateTime } from "./intake";
import { isoToDay } from "./isoDate";
import type { WorkingCalendar } from "./workingCalendar";

/**
 * Office hours of the county's government service centre on working days, in local minutes since
 * midnight (Asia/Shanghai): 08:30–12:00 and 14:30–17:30, as published for every item (办理时间).
 * Only time inside these windows on working days counts towards the 怀远速度 measure.
 */
export const OFFICE_HOURS: readonly { from: number; to: number }[] = [
  { from: 8 * 60 + 30, to: 12 * 60 },
  { from: 14 * 60 + 30, to: 17 * 60 + 30 },
];

const TIME_ZONE = "Asia/Shanghai";

/** Local minutes since the calendar epoch (the zone has no daylight-saving time). */
function localMinutes(instant: Date): { day: number; abs: number; date: string } {
  const l = localDateTime(instant, TIME_ZONE);
  const day = isoToDay(l.date);
  return { day, abs: day * 1440 + l.minutes, date: l.date };
}

/**
 * Working minutes between two instants: the overlap of [from, to] with the office hours of every
 * working day of `cal` in between (0 when `to` is not after `from`).
 */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = localMinutes(from);
  const b = localMinutes(to);
  let total = 0;
  for (let day = a.day; day <= b.day; day++) {
    if (!cal.isWorkingDayN(day)) continue;
    for (const w of OFFICE_HOURS) {
      const start = Math.max(day * 1440 + w.from, a.abs);
      const end = Math.min(day * 1440 + w.to, b.abs);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** True when both instants fall on the same local (Asia/Shanghai) date. */
export function sameLocalDay(a: Date, b: Date): boolean {
  return localMinutes(a).date === localMinutes(b).date;
}
