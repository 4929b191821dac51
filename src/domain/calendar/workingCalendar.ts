/**
 * The working-day calendar (工作日历): official State Council arrangements; for years without one
 * (provisional, 待国务院公布) the weekday rule plus the statutory holidays of 全国年节及纪念日放假办法
 * (statutory.ts: only the swaps 调休 are unknown); and an organization's local overrides.
 *
 * Convention (行政许可法 Art. 82 counts time limits in working days):
 * - `workingDaysBetween(a, b)` counts the working days in the half-open span (a, b]: the day of
 *   acceptance is day 0 and is never counted.
 * - `addWorkingDays(a, n)` is the n-th working day after a (n ≥ 1); n = 0 returns a unchanged.
 *   A limit of n working days ends at the close of that day.
 *
 * Everything is precomputed into a cumulative index over day numbers, so add and between are O(1).
 */
import { dayToIso, type IsoDate, isoToDay, isWeekend, tryIsoToDay } from "./isoDate.ts";
import { statutoryHolidays } from "./statutory.ts";
import type { DayInfo, DayReason, LocalOverride, OfficialCalendarData, YearArrangement } from "./types.ts";

/** First and last year the index covers. */
export const INDEX_FIRST_YEAR = 2000;
export const INDEX_LAST_YEAR = 2100;

const R_WEEKDAY = 0;
const R_WEEKEND = 1;
const R_HOLIDAY = 2;
const R_MAKEUP = 3;
const R_CLOSED = 4;
const R_OPEN = 5;
const REASONS: DayReason[] = ["weekday", "weekend", "holiday", "makeup", "closed", "open"];

/** A working-day calendar for one organization. */
export interface WorkingCalendar {
  /** First year with an official arrangement (dates before it are out of range). */
  readonly firstOfficialYear: number;
  /** Last year with an official arrangement; later years are provisional. */
  readonly lastOfficialYear: number;
  /** First and last supported day numbers. */
  readonly minDay: number;
  readonly maxDay: number;
  isWorkingDay(date: IsoDate): boolean;
  isProvisional(date: IsoDate): boolean;
  isProvisionalN(day: number): boolean;
  classify(date: IsoDate): DayInfo;
  nextWorkingDay(date: IsoDate): IsoDate;
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** Day-number versions for hot paths (see isoDate.ts). */
  isWorkingDayN(day: number): boolean;
  addWorkingDaysN(day: number, n: number): number;
  workingDaysBetweenN(a: number, b: number): number;
  /** Working days in the closed span [from, to] (0 when to < from). */
  workingDaysInN(from: number, to: number): number;
  /** Validates an ISO date and returns its day number; throws RangeError outside the supported range. */
  dayOf(date: IsoDate): number;
}

/** Checks that the arrangement years are contiguous and returns them sorted. */
function sortedYears(years: readonly YearArrangement[]): YearArrangement[] {
  const out = [...years].sort((a, b) => a.year - b.year);
  if (out.length === 0) throw new RangeError("calendar data has no year (日历数据为空)");
  for (let i = 1; i < out.length; i++) {
    if (out[i].year !== out[i - 1].year + 1) {
      throw new RangeError(
        `calendar data must cover consecutive years (年度安排须连续): ${out[i - 1].year} is followed by ${out[i].year}`,
      );
    }
  }
  return out;
}

/**
 * Builds the calendar of one organization from the official arrangements (国务院办公厅节假日安排通知),
 * optional extra imported years, and the organization's local overrides. Later layers win:
 * weekday rule < official arrangement, or for a later (provisional) year the statutory holidays of
 * 全国年节及纪念日放假办法 Art. 2 < local override. Serves 行政许可法 Art. 82.
 */
export function createWorkingCalendar(
  official: OfficialCalendarData | readonly YearArrangement[],
  overrides: readonly LocalOverride[] = [],
): WorkingCalendar {
  const years = sortedYears(Array.isArray(official) ? official : (official as OfficialCalendarData).years);
  const firstOfficialYear = years[0].year;
  const lastOfficialYear = years[years.length - 1].year;
  if (firstOfficialYear < INDEX_FIRST_YEAR + 1 || lastOfficialYear > INDEX_LAST_YEAR) {
    throw new RangeError(`calendar years must lie within ${INDEX_FIRST_YEAR + 1}–${INDEX_LAST_YEAR}`);
  }
  const base = isoToDay(`${INDEX_FIRST_YEAR}-01-01`);
  const end = isoToDay(`${INDEX_LAST_YEAR}-12-31`);
  const size = end - base + 1;
  const minDay = isoToDay(`${firstOfficialYear}-01-01`);
  const reason = new Uint8Array(size);
  const names = new Map<number, string>();
  for (let i = 0; i < size; i++) reason[i] = isWeekend(base + i) ? R_WEEKEND : R_WEEKDAY;

  const put = (day: number, r: number, name: string) => {
    const i = day - base;
    if (i < 0 || i >= size) throw new RangeError(`date outside ${INDEX_FIRST_YEAR}–${INDEX_LAST_YEAR}`);
    reason[i] = r;
    names.set(day, name);
  };
  for (const y of years) {
    for (const r of y.rest) {
      const to = isoToDay(r.to);
      for (let d = isoToDay(r.from); d <= to; d++) put(d, R_HOLIDAY, r.name);
    }
    for (const w of y.work) put(isoToDay(w.date), R_MAKEUP, w.name);
  }
  // Provisional years: the law's holidays are known, the notice's swaps (调休) are not.
  for (let y = lastOfficialYear + 1; y <= INDEX_LAST_YEAR; y++) {
    for (const h of statutoryHolidays(y)) put(isoToDay(h.date), R_HOLIDAY, h.name);
  }
  for (const o of overrides) put(isoToDay(o.date), o.kind === "closed" ? R_CLOSED : R_OPEN, o.reason);

  // prefix[i] = working days in [base, base + i]; nth[k] = index of the (k+1)-th working day.
  const prefix = new Int32Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const r = reason[i];
    if (r === R_WEEKDAY || r === R_MAKEUP || r === R_OPEN) count++;
    prefix[i] = count;
  }
  const nth = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) {
    if (prefix[i] !== (i === 0 ? 0 : prefix[i - 1])) nth[k++] = i;
  }
  const provisionalFrom = isoToDay(`${lastOfficialYear + 1}-01-01`);

  const check = (day: number): number => {
    if (day < minDay || day > end || Number.isNaN(day)) {
      throw new RangeError(
        `date outside the supported range (超出日历范围) ${firstOfficialYear}-01-01 … ${INDEX_LAST_YEAR}-12-31`,
      );
    }
    return day - base;
  };
  const dayOf = (date: IsoDate): number => {
    const day = tryIsoToDay(date);
    if (Number.isNaN(day)) return isoToDay(date);
    check(day);
    return day;
  };
  const isWorkingDayN = (day: number): boolean => {
    const i = check(day);
    return prefix[i] !== (i === 0 ? 0 : prefix[i - 1]);
  };
  const addWorkingDaysN = (day: number, n: number): number => {
    const i = check(day);
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    if (n === 0) return day;
    const k = prefix[i] + n - 1;
    if (k >= nth.length) throw new RangeError(`result beyond ${INDEX_LAST_YEAR}-12-31 (超出日历范围)`);
    return base + nth[k];
  };
  const workingDaysBetweenN = (a: number, b: number): number => prefix[check(b)] - prefix[check(a)];
  const workingDaysInN = (from: number, to: number): number => {
    if (to < from) return 0;
    const i = check(from);
    return prefix[check(to)] - (i === 0 ? 0 : prefix[i - 1]);
  };

  return {
    firstOfficialYear,
    lastOfficialYear,
    minDay,
    maxDay: end,
    dayOf,
    isWorkingDayN,
    addWorkingDaysN,
    workingDaysBetweenN,
    workingDaysInN,
    isWorkingDay: (date) => isWorkingDayN(dayOf(date)),
    isProvisional: (date) => dayOf(date) >= provisionalFrom,
    isProvisionalN: (day) => check(day) + base >= provisionalFrom,
    classify(date) {
      const day = dayOf(date);
      const r = reason[day - base];
      const name = names.get(day);
      const info: DayInfo = {
        date: dayToIso(day),
        working: isWorkingDayN(day),
        reason: REASONS[r],
        provisional: day >= provisionalFrom,
      };
      if (name !== undefined) info.name = name;
      return info;
    },
    nextWorkingDay: (date) => dayToIso(addWorkingDaysN(dayOf(date), 1)),
    addWorkingDays: (date, n) => dayToIso(addWorkingDaysN(dayOf(date), n)),
    workingDaysBetween: (a, b) => workingDaysBetweenN(dayOf(a), dayOf(b)),
  };
}
