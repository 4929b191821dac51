/**
 * Local calendar dates as ISO strings ('YYYY-MM-DD') and as day numbers (days since 1970-01-01).
 * Pure integer arithmetic (H. Hinnant's civil-date algorithms): no Date objects, no time zones,
 * so a deadline computation allocates nothing but its result.
 */

/** A local calendar date, 'YYYY-MM-DD' (proleptic Gregorian). */
export type IsoDate = string;

const ZERO = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Days from 1970-01-01 to the given civil date (no validation). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month, day] of a day number. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** Number of days in a month of a year (Gregorian leap rule). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses 'YYYY-MM-DD' into a day number, or returns NaN if the text is not a real date.
 * Dates in law and in the holiday notices are local dates (行政许可法 Art. 82 counts days, not instants).
 */
export function tryIsoToDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = digit(s, 0);
  const y1 = digit(s, 1);
  const y2 = digit(s, 2);
  const y3 = digit(s, 3);
  const m0 = digit(s, 5);
  const m1 = digit(s, 6);
  const d0 = digit(s, 8);
  const d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

/** Parses 'YYYY-MM-DD' into a day number; throws RangeError on anything else. */
export function isoToDay(s: string): number {
  const n = tryIsoToDay(s);
  if (Number.isNaN(n))
    throw new RangeError(`invalid date (日期格式错误): ${JSON.stringify(s)}, expected YYYY-MM-DD`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a day number as 'YYYY-MM-DD' (years 1000–9999). */
export function dayToIso(z: number): IsoDate {
  const [y, m, d] = civilFromDays(z);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(z: number): number {
  return (((z + 4) % 7) + 7) % 7;
}

/** Whether a day number falls on Saturday or Sunday (the weekday rule, 国务院关于职工工作时间的规定 Art. 7). */
export function isWeekend(z: number): boolean {
  const w = weekdayOf(z);
  return w === 0 || w === 6;
}

/** The calendar year of a day number. */
export function yearOfDay(z: number): number {
  return civilFromDays(z)[0];
}

/** The calendar year of an ISO date, read from its first four digits (the date is not validated). */
export function yearOfIso(s: IsoDate): number {
  return digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
}
