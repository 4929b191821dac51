/**
 * Plain-text and JSON lines for the CLI (`yizhan calendar days`, `yizhan calendar add`).
 * A provisional result always says so (待国务院公布): nothing is pretended silently.
 */
import { dayToIso, type IsoDate } from "./isoDate.ts";
import type { DayInfo } from "./types.ts";
import type { WorkingCalendar } from "./workingCalendar.ts";

/** 'YYYY-MM-DD workday' / 'YYYY-MM-DD restday', with ' provisional' for a year without an official arrangement. */
export function formatDayLine(info: DayInfo): string {
  return `${info.date} ${info.working ? "workday" : "restday"}${info.provisional ? " provisional" : ""}`;
}

/**
 * Classifies every date from `from` to `to` inclusive (行政许可法 Art. 82 working days), for
 * `yizhan calendar days`. Throws RangeError when to < from or the span exceeds `maxDays`.
 */
export function classifyRange(cal: WorkingCalendar, from: IsoDate, to: IsoDate, maxDays = 40_000): DayInfo[] {
  const a = cal.dayOf(from);
  const b = cal.dayOf(to);
  if (b < a) throw new RangeError(`--to (${to}) is before --from (${from})`);
  if (b - a + 1 > maxDays) throw new RangeError(`too many days (${b - a + 1} > ${maxDays})`);
  const out: DayInfo[] = [];
  for (let d = a; d <= b; d++) out.push(cal.classify(dayToIso(d)));
  return out;
}

/** The lines printed by `yizhan calendar days`. */
export function formatDays(cal: WorkingCalendar, from: IsoDate, to: IsoDate): string[] {
  return classifyRange(cal, from, to).map(formatDayLine);
}

/** The line printed by `yizhan calendar add`: the resulting date, ' provisional' appended when it is. */
export function formatAddLine(cal: WorkingCalendar, from: IsoDate, days: number): string {
  const date = cal.addWorkingDays(from, days);
  return `${date}${cal.isProvisional(date) ? " provisional" : ""}`;
}

/** The JSON value of `yizhan calendar add --json`. */
export function addResultJson(
  cal: WorkingCalendar,
  from: IsoDate,
  days: number,
): { from: IsoDate; days: number; date: IsoDate; provisional: boolean } {
  const date = cal.addWorkingDays(from, days);
  return { from, days, date, provisional: cal.isProvisional(date) };
}
