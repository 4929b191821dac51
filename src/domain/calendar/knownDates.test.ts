import { describe, expect, it } from "vitest";
import { officialCalendar } from "./officialData.ts";

const cal = officialCalendar();
const rest = (dates: string[]) => dates.map((d) => [d, cal.isWorkingDay(d) ? "work" : "rest"]);

describe("known details of the State Council notices", () => {
  it("2007: 五一 and 国庆 weeks, makeup Saturdays/Sundays", () => {
    expect(rest(["2007-05-01", "2007-05-04", "2007-05-07", "2007-10-05"])).toEqual(
      ["2007-05-01", "2007-05-04", "2007-05-07", "2007-10-05"].map((d) => [d, "rest"]),
    );
    expect(cal.isWorkingDay("2007-04-28")).toBe(true);
    expect(cal.isWorkingDay("2007-04-29")).toBe(true);
    expect(cal.isWorkingDay("2007-09-29")).toBe(true);
  });

  it("2008 New Year, arranged by the 2008 notice: 2007-12-29 (Sat) works, 12-30 … 2008-01-01 rest", () => {
    expect(cal.isWorkingDay("2007-12-29")).toBe(true);
    expect(cal.isWorkingDay("2007-12-31")).toBe(false);
    expect(cal.isWorkingDay("2008-01-01")).toBe(false);
    expect(cal.classify("2007-12-31")).toMatchObject({ reason: "holiday", name: "元旦" });
  });

  it("2008: first 清明/端午/中秋 holidays, 劳动节 only three days", () => {
    expect(cal.isWorkingDay("2008-04-04")).toBe(false);
    expect(cal.isWorkingDay("2008-06-09")).toBe(false);
    expect(cal.isWorkingDay("2008-09-15")).toBe(false);
    expect(cal.isWorkingDay("2008-05-02")).toBe(false);
    expect(cal.isWorkingDay("2008-05-04")).toBe(true);
    expect(cal.isWorkingDay("2008-05-05")).toBe(true);
    expect(cal.isWorkingDay("2008-05-06")).toBe(true);
  });

  it("2015: Victory Day 09-03/04 off, Sunday 09-06 works", () => {
    expect(cal.classify("2015-09-03")).toMatchObject({ working: false, reason: "holiday" });
    expect(cal.isWorkingDay("2015-09-04")).toBe(false);
    expect(cal.classify("2015-09-06")).toMatchObject({ working: true, reason: "makeup" });
  });

  it("2020: Spring Festival extended to 02-02 (国办发明电〔2020〕1号); the planned 02-01 makeup day cancelled", () => {
    for (const d of ["2020-01-24", "2020-01-30", "2020-01-31", "2020-02-01", "2020-02-02"]) {
      expect([d, cal.isWorkingDay(d)]).toEqual([d, false]);
    }
    expect(cal.isWorkingDay("2020-01-19")).toBe(true);
    expect(cal.isWorkingDay("2020-02-03")).toBe(true);
  });

  it("December dates changed by the next year's notice", () => {
    expect(cal.isWorkingDay("2011-12-31")).toBe(true);
    expect(cal.isWorkingDay("2013-12-29")).toBe(false);
    expect(cal.isWorkingDay("2018-12-29")).toBe(true);
    expect(cal.isWorkingDay("2018-12-31")).toBe(false);
    expect(cal.isWorkingDay("2022-12-31")).toBe(false);
    expect(cal.isWorkingDay("2023-01-02")).toBe(false);
    expect(cal.isWorkingDay("2023-01-03")).toBe(true);
    expect(cal.isWorkingDay("2023-12-31")).toBe(false);
    expect(cal.isWorkingDay("2024-01-02")).toBe(true);
  });

  it("2019 Labour Day adjusted in March 2019: 05-01 … 05-04 off, 04-28 and 05-05 work", () => {
    expect(cal.isWorkingDay("2019-05-03")).toBe(false);
    expect(cal.isWorkingDay("2019-05-04")).toBe(false);
    expect(cal.isWorkingDay("2019-04-28")).toBe(true);
    expect(cal.isWorkingDay("2019-05-05")).toBe(true);
  });

  it("2026 (国办发明电〔2025〕7号): nine-day Spring Festival, 02-14 and 02-28 work, 国庆 makeup 09-20 and 10-10", () => {
    expect(cal.workingDaysInN(cal.dayOf("2026-02-15"), cal.dayOf("2026-02-23"))).toBe(0);
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect([d, cal.isWorkingDay(d)]).toEqual([d, true]);
    }
    expect(cal.addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
  });

  it("2027 is provisional: weekday rule and the law's holidays, flagged", () => {
    expect(cal.classify("2027-01-01")).toEqual({
      date: "2027-01-01",
      working: false,
      reason: "holiday",
      name: "元旦",
      provisional: true,
    });
    expect(cal.classify("2027-01-04")).toEqual({
      date: "2027-01-04",
      working: true,
      reason: "weekday",
      provisional: true,
    });
    expect(cal.classify("2027-01-02").working).toBe(false);
  });
});
