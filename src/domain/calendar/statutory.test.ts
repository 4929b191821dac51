import { describe, expect, it } from "vitest";
import crosscheck from "../../../seed/calendar/crosscheck/festivals-lunar-javascript-1.7.7.json" with {
  type: "json",
};
import { computeDeadline } from "./deadline.ts";
import { dayToIso } from "./isoDate.ts";
import { chineseFestivals, lunarMonthsOf } from "./lunar.ts";
import { officialCalendar, officialCalendarData } from "./officialData.ts";
import { holidayLawFor, statutoryHolidays } from "./statutory.ts";
import { createWorkingCalendar } from "./workingCalendar.ts";

const cal = officialCalendar();

describe("the Chinese calendar (GB/T 33661-2017), computed", () => {
  it("gives the known future dates: 春节 2027-02-06 and 2028-01-26, 清明 2027-04-05, 中秋 2027-09-15", () => {
    expect(chineseFestivals(2027)).toMatchObject({
      eve: "2027-02-05",
      springFestival: "2027-02-06",
      qingming: "2027-04-05",
      midAutumn: "2027-09-15",
    });
    expect(chineseFestivals(2028).springFestival).toBe("2028-01-26");
  });

  it("agrees with an independent implementation (lunar-javascript) on every festival 2000–2100", () => {
    const years = crosscheck.years as Record<string, ReturnType<typeof chineseFestivals>>;
    const diffs: string[] = [];
    for (let y = 2000; y <= 2100; y++) {
      const mine = chineseFestivals(y);
      for (const [k, v] of Object.entries(mine)) {
        const theirs = years[String(y)][k as keyof typeof mine];
        if (v !== theirs) diffs.push(`${y} ${k}: ${v} ≠ ${theirs}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it("numbers leap months: 闰六月 2025, and 2033's 闰十一月 puts 春节 2034 on 02-19", () => {
    const leap2025 = lunarMonthsOf(2025).find((m) => m.leap);
    expect(leap2025 && { month: leap2025.month, start: dayToIso(leap2025.start) }).toEqual({
      month: 6,
      start: "2025-07-25",
    });
    expect(lunarMonthsOf(2034).find((m) => m.leap)?.month).toBe(11);
    expect(chineseFestivals(2034).springFestival).toBe("2034-02-19");
  });
});

describe("statutory holidays (全国年节及纪念日放假办法 Art. 2)", () => {
  it("follows the version in force: 1999, 2007, 2013, 2024 amendments", () => {
    expect(holidayLawFor(2007).labourDays).toBe(3);
    expect(holidayLawFor(2013).springFrom).toBe(-1);
    expect(holidayLawFor(2014).springFrom).toBe(0);
    expect(holidayLawFor(2025)).toMatchObject({ springFrom: -1, springDays: 4, labourDays: 2 });
    expect(statutoryHolidays(2027)).toEqual([
      { date: "2027-01-01", name: "元旦" },
      { date: "2027-02-05", name: "春节" },
      { date: "2027-02-06", name: "春节" },
      { date: "2027-02-07", name: "春节" },
      { date: "2027-02-08", name: "春节" },
      { date: "2027-04-05", name: "清明节" },
      { date: "2027-05-01", name: "劳动节" },
      { date: "2027-05-02", name: "劳动节" },
      { date: "2027-06-09", name: "端午节" },
      { date: "2027-09-15", name: "中秋节" },
      { date: "2027-10-01", name: "国庆节" },
      { date: "2027-10-02", name: "国庆节" },
      { date: "2027-10-03", name: "国庆节" },
    ]);
  });

  it("every statutory holiday 2007–2026 is a rest day in the shipped State Council arrangements", () => {
    const notRest: string[] = [];
    let count = 0;
    for (const y of officialCalendarData.years) {
      for (const h of statutoryHolidays(y.year)) {
        count++;
        if (cal.isWorkingDay(h.date)) notRest.push(`${h.date} ${h.name}`);
      }
    }
    expect(notRest).toEqual([]);
    expect(count).toBeGreaterThan(20 * 11 - 5);
  });

  it("the versions matter: 除夕 was a working day in 2014 (2013 amendment) and a rest day in 2013 and 2025", () => {
    expect(cal.isWorkingDay("2014-01-30")).toBe(true);
    expect(statutoryHolidays(2014).map((h) => h.date)).not.toContain("2014-01-30");
    expect(statutoryHolidays(2013).map((h) => h.date)).toContain("2013-02-09");
    expect(statutoryHolidays(2025).map((h) => h.date)).toContain("2025-01-28");
  });
});

describe("a provisional year keeps the law's holidays", () => {
  it("marks them as rest days, still provisional; the swaps stay unknown", () => {
    expect(cal.classify("2027-02-06")).toEqual({
      date: "2027-02-06",
      working: false,
      reason: "holiday",
      name: "春节",
      provisional: true,
    });
    expect(cal.classify("2027-02-05")).toMatchObject({
      working: false,
      reason: "holiday",
      provisional: true,
    });
    expect(cal.classify("2027-02-09")).toMatchObject({ working: true, reason: "weekday", provisional: true });
    expect(cal.isWorkingDay("2027-01-01")).toBe(false);
    expect(cal.isWorkingDay("2027-05-03")).toBe(true);
    expect(cal.isWorkingDay("2027-10-01")).toBe(false);
    expect(cal.isWorkingDay("2027-10-04")).toBe(true);
    // A deadline across the 2027 Spring Festival skips 02-05 and 02-08 (the 6th and 7th are a weekend).
    expect(computeDeadline(cal, { startDate: "2027-02-03", limitDays: 3 })).toMatchObject({
      deadline: "2027-02-10",
      provisional: true,
    });
  });

  it("an imported year replaces the law's default: its arrangement alone decides", () => {
    const with2027 = createWorkingCalendar([
      ...officialCalendarData.years,
      {
        year: 2027,
        title: "t",
        docNo: null,
        urls: [],
        rest: [{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }],
        work: [],
      },
    ]);
    expect(with2027.classify("2027-02-08")).toMatchObject({ working: true, provisional: false });
    expect(with2027.classify("2028-01-26")).toMatchObject({
      working: false,
      reason: "holiday",
      name: "春节",
      provisional: true,
    });
  });
});
