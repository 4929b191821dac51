/**
 * The Chinese calendar (农历) and the solar terms (二十四节气), computed — no tables — following
 * GB/T 33661-2017《农历的编算和颁行》:
 *
 * - a day runs from midnight to midnight Beijing time (UTC+8);
 * - a month begins on the day of the new moon (朔);
 * - the month that contains the winter solstice (冬至) is the 11th;
 * - when 13 months run from one 11th month to the next, the first of them without a principal term
 *   (中气: solar longitude a multiple of 30°) is the leap month (闰月) and repeats the previous number.
 *
 * Astronomy: new moons from Meeus, Astronomical Algorithms (2nd ed.) ch. 49, with the planetary
 * corrections (error well under a minute for 1900–2100); the Sun's apparent longitude from Meeus
 * ch. 25 (about 0.01°, i.e. some 15 minutes of time); ΔT from Espenak & Meeus (2006). Checked
 * against an independent implementation for every year 1962–2100 (docs/calendar.md).
 *
 * Pure: no I/O, no clock; dates are day numbers (days since 1970-01-01) or ISO dates.
 */
import { daysFromCivil, dayToIso, type IsoDate } from "./isoDate.ts";

const RAD = Math.PI / 180;
/** Julian day of 1970-01-01 00:00 UT. */
const UNIX_EPOCH_JD = 2440587.5;
/** Beijing time (UTC+8), in days. */
const BEIJING_OFFSET = 8 / 24;

const sin = (deg: number) => Math.sin(deg * RAD);
const norm360 = (deg: number) => ((deg % 360) + 360) % 360;

/** ΔT = TT − UT in seconds (Espenak & Meeus 2006 polynomials), for 1961–2150. */
export function deltaT(year: number): number {
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - (t * t * t) / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

/** Julian ephemeris day (TT) → the Beijing-time day number it falls on. */
function beijingDayOfJde(jde: number): number {
  const year = 2000 + (jde - 2451545) / 365.25;
  const jdUt = jde - deltaT(year) / 86400;
  return Math.floor(jdUt - UNIX_EPOCH_JD + BEIJING_OFFSET);
}

/** The instant (JDE, TT) of the true new moon of lunation k (k = 0: 2000-01-06), Meeus ch. 49. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const O = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;
  jde +=
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(O) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  const planetary: [number, number][] = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * T2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];
  for (const [c, a] of planetary) jde += c * sin(a);
  return jde;
}

/** The Sun's apparent geocentric longitude in degrees at JDE (Meeus ch. 25, low accuracy: ~0.01°). */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sin(M) +
    (0.019993 - 0.000101 * T) * sin(2 * M) +
    0.000289 * sin(3 * M);
  const omega = 125.04 - 1934.136 * T;
  return norm360(L0 + C - 0.00569 - 0.00478 * sin(omega));
}

/** The instant (JDE) the Sun reaches `longitude` degrees, searched from `guess` (within ±20 days). */
function sunAtLongitude(longitude: number, guess: number): number {
  let jde = guess;
  for (let i = 0; i < 50; i++) {
    const diff = ((((longitude - sunLongitude(jde)) % 360) + 540) % 360) - 180;
    jde += diff * (365.2422 / 360);
    if (Math.abs(diff) < 1e-7) break;
  }
  return jde;
}

/** JDE of 0h TT of a civil date (good enough as a starting guess). */
function jdeOfCivil(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) + UNIX_EPOCH_JD;
}

/**
 * The Beijing date (day number) of the solar term that falls within Gregorian `year` at the Sun's
 * apparent longitude `longitude` (0 春分, 15 清明, 90 夏至, 180 秋分, 270 冬至, 285 小寒 in January …).
 */
export function solarTermDay(year: number, longitude: number): number {
  // Mean position: 春分 (0°) about March 20; one degree about 1.0146 days.
  const daysFromEquinox = (norm360(longitude) * 365.2422) / 360;
  let guess = jdeOfCivil(year, 3, 20) + daysFromEquinox;
  // Longitudes past 冬至 wrap into the next year; bring them back into `year`.
  if (guess >= jdeOfCivil(year + 1, 1, 1)) guess -= 365.2422;
  return beijingDayOfJde(sunAtLongitude(longitude, guess));
}

/** Day number of 清明 (the Sun at 15°) in `year` — the statutory 清明节 (全国年节及纪念日放假办法). */
export function qingmingDay(year: number): number {
  return solarTermDay(year, 15);
}

/** The Beijing date (day number) of the new moon of lunation k. */
function newMoonDay(k: number): number {
  return beijingDayOfJde(newMoonJde(k));
}

/** One lunar month: the day it starts, its number (1–12) and whether it is a leap month (闰月). */
export interface LunarMonth {
  start: number;
  month: number;
  leap: boolean;
}

const monthsCache = new Map<number, LunarMonth[]>();

/**
 * The lunar months from the 11th month that contains the winter solstice of `year − 1` up to (not
 * including) the 11th month that contains the winter solstice of `year`, numbered by the rules of
 * GB/T 33661-2017. Months 1–10 of the lunar year that starts in Gregorian `year` are among them.
 */
export function lunarMonthsOf(year: number): LunarMonth[] {
  const hit = monthsCache.get(year);
  if (hit) return hit;
  const ws1 = solarTermDay(year - 1, 270);
  const ws2 = solarTermDay(year, 270);
  // The last new moon on or before ws1 starts the 11th month.
  let k = Math.floor((ws1 - daysFromCivil(2000, 1, 6)) / 29.530588861) + 1;
  while (newMoonDay(k) > ws1) k--;
  const starts: number[] = [];
  for (let i = 0; i < 16; i++) starts.push(newMoonDay(k + i));
  let count = 0;
  while (starts[count + 1] <= ws2) count++;
  // count = index of the month containing ws2 = number of months in between (12 or 13).
  let leapIndex = -1;
  if (count === 13) {
    // Principal terms (中气) from ws1 to ws2: 270°, 300°, …, every 30°.
    const terms: number[] = [];
    let guess = jdeOfCivil(year - 1, 12, 21);
    for (let i = 0; i <= 12; i++) {
      const jde = sunAtLongitude(norm360(270 + 30 * i), guess);
      terms.push(beijingDayOfJde(jde));
      guess = jde + 30.44;
    }
    for (let i = 1; i < 13; i++) {
      const hasTerm = terms.some((t) => t >= starts[i] && t < starts[i + 1]);
      if (!hasTerm) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  let number = 11;
  for (let i = 0; i < count; i++) {
    if (i === 0) months.push({ start: starts[0], month: 11, leap: false });
    else if (i === leapIndex) months.push({ start: starts[i], month: number, leap: true });
    else {
      number = (number % 12) + 1;
      months.push({ start: starts[i], month: number, leap: false });
    }
  }
  monthsCache.set(year, months);
  return months;
}

/** The day number of a lunar date (month 1–12, not leap; day 1–30) of the lunar year starting in `year`. */
export function lunarDay(year: number, month: number, day: number): number {
  const months = lunarMonthsOf(year);
  // Skip the 11th and 12th months of the previous lunar year at the head of the list.
  const first = months.findIndex((m) => m.month === 1 && !m.leap);
  const m = months.slice(first).find((x) => x.month === month && !x.leap);
  if (!m) throw new RangeError(`no lunar month ${month} in ${year}`);
  return m.start + day - 1;
}

/** 春节 (正月初一) of `year`, as a day number. */
export function springFestivalDay(year: number): number {
  return lunarDay(year, 1, 1);
}

/** The Chinese festivals the law names, as ISO dates: 除夕, 春节 (初一), 清明, 端午 (五月初五), 中秋 (八月十五). */
export function chineseFestivals(year: number): {
  eve: IsoDate;
  springFestival: IsoDate;
  qingming: IsoDate;
  dragonBoat: IsoDate;
  midAutumn: IsoDate;
} {
  const spring = springFestivalDay(year);
  return {
    eve: dayToIso(spring - 1),
    springFestival: dayToIso(spring),
    qingming: dayToIso(qingmingDay(year)),
    dragonBoat: dayToIso(lunarDay(year, 5, 5)),
    midAutumn: dayToIso(lunarDay(year, 8, 15)),
  };
}
