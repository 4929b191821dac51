/**
 * The statutory holidays (法定节假日) of 全国年节及纪念日放假办法, Art. 2, in the version in force for a
 * year. A year without an imported State Council arrangement is provisional: these days are rest
 * days, and only the swaps (调休) and bridging days the yearly notice adds are unknown.
 *
 * Versions (each amendment took effect on 1 January):
 * - 1999 (国务院令第270号, 1999-09-18), in force 2000–2007: 元旦 1, 春节 3 (初一–初三), 劳动节 3 (5月1–3日),
 *   国庆节 3 (10月1–3日); no 清明/端午/中秋.
 * - 2007 (国务院令第513号, 2007-12-14), in force 2008–2013: 元旦 1, 春节 3 (除夕–初二), 清明节 1,
 *   劳动节 1 (5月1日), 端午节 1, 中秋节 1, 国庆节 3.
 * - 2013 (国务院令第644号, 2013-12-11), in force 2014–2024: as 2007 but 春节 初一–初三.
 * - 2024 (国务院令第795号, 2024-11-10), in force from 2025: 春节 4 (除夕–初三), 劳动节 2 (5月1–2日).
 */

import { dayToIso, type IsoDate, isoToDay } from "./isoDate.ts";
import { chineseFestivals } from "./lunar.ts";

/** One statutory holiday date. */
export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
}

/** A version of 全国年节及纪念日放假办法 and the first year it governs. */
export interface HolidayLawVersion {
  from: number;
  citation: string;
  /** 春节: days from 除夕 (−1) or 初一 (0), and how many. */
  springFrom: -1 | 0;
  springDays: number;
  labourDays: number;
  /** 清明节, 端午节 and 中秋节 are holidays. */
  lunarFestivals: boolean;
}

/** The versions of Art. 2, oldest first. */
export const HOLIDAY_LAW_VERSIONS: readonly HolidayLawVersion[] = [
  {
    from: 2000,
    citation: "全国年节及纪念日放假办法（1999年修订，国务院令第270号）",
    springFrom: 0,
    springDays: 3,
    labourDays: 3,
    lunarFestivals: false,
  },
  {
    from: 2008,
    citation: "全国年节及纪念日放假办法（2007年修订，国务院令第513号）",
    springFrom: -1,
    springDays: 3,
    labourDays: 1,
    lunarFestivals: true,
  },
  {
    from: 2014,
    citation: "全国年节及纪念日放假办法（2013年修订，国务院令第644号）",
    springFrom: 0,
    springDays: 3,
    labourDays: 1,
    lunarFestivals: true,
  },
  {
    from: 2025,
    citation: "全国年节及纪念日放假办法（2024年修订，国务院令第795号）",
    springFrom: -1,
    springDays: 4,
    labourDays: 2,
    lunarFestivals: true,
  },
];

/** The version of the law in force in `year` (2000 or later). */
export function holidayLawFor(year: number): HolidayLawVersion {
  let found: HolidayLawVersion | undefined;
  for (const v of HOLIDAY_LAW_VERSIONS) if (v.from <= year) found = v;
  if (!found) throw new RangeError(`no holiday law version known for ${year}`);
  return found;
}

const cache = new Map<number, StatutoryHoliday[]>();

/**
 * The statutory holidays of `year` under 全国年节及纪念日放假办法 Art. 2 as in force that year, sorted by
 * date; 春节, 清明节, 端午节 and 中秋节 from the Chinese calendar (lunar.ts). When two fall on one date
 * (中秋 within 国庆 1–3), the names are joined.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const law = holidayLawFor(year);
  const f = chineseFestivals(year);
  const byDay = new Map<number, string>();
  const add = (day: number, name: string) => {
    const prev = byDay.get(day);
    byDay.set(day, prev && prev !== name ? `${prev}、${name}` : name);
  };
  add(isoToDay(`${year}-01-01`), "元旦");
  const spring = isoToDay(f.springFestival) + law.springFrom;
  for (let i = 0; i < law.springDays; i++) add(spring + i, "春节");
  if (law.lunarFestivals) add(isoToDay(f.qingming), "清明节");
  const may = isoToDay(`${year}-05-01`);
  for (let i = 0; i < law.labourDays; i++) add(may + i, "劳动节");
  if (law.lunarFestivals) {
    add(isoToDay(f.dragonBoat), "端午节");
    add(isoToDay(f.midAutumn), "中秋节");
  }
  const oct = isoToDay(`${year}-10-01`);
  for (let i = 0; i < 3; i++) add(oct + i, "国庆节");
  const out = [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({ date: dayToIso(day), name }));
  cache.set(year, out);
  return out;
}
