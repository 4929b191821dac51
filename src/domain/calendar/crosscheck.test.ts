import { describe, expect, it } from "vitest";
import documented from "../../../seed/calendar/crosscheck/discrepancies.json" with { type: "json" };
import second from "../../../seed/calendar/crosscheck/holiday-calendar-1.3.3.json" with { type: "json" };
import { formatArrangement, parseArrangement } from "./arrangementFormat.ts";
import { dayToIso, isoToDay, isWeekend } from "./isoDate.ts";
import { officialCalendar, officialCalendarData } from "./officialData.ts";
import type { YearArrangement } from "./types.ts";
import { createWorkingCalendar } from "./workingCalendar.ts";

const FIRST = isoToDay("2007-01-01");
const LAST = isoToDay("2026-12-31");

describe("every date 2007-01-01 … 2026-12-31", () => {
  const cal = officialCalendar();

  it("agrees with a second source (holiday-calendar 1.3.3) except on the documented, checked dates", () => {
    const rest = new Set(second.rest);
    const work = new Set(second.work);
    const diffs: { date: string; ours: string; holidayCalendar: string }[] = [];
    for (let d = FIRST; d <= LAST; d++) {
      const iso = dayToIso(d);
      const theirs = work.has(iso) ? "work" : rest.has(iso) ? "rest" : isWeekend(d) ? "rest" : "work";
      const ours = cal.isWorkingDay(iso) ? "work" : "rest";
      if (ours !== theirs) diffs.push({ date: iso, ours, holidayCalendar: theirs });
    }
    expect(diffs).toEqual(
      documented.items.map(({ date, ours, holidayCalendar }) => ({ date, ours, holidayCalendar })),
    );
    expect(LAST - FIRST + 1).toBe(7305);
  });

  it("is the same when the data is re-read through the text import format (a second route)", () => {
    const reread: YearArrangement[] = officialCalendarData.years.map((y) => {
      const r = parseArrangement(formatArrangement(y));
      if (!r.ok) throw new Error(`${y.year}: ${JSON.stringify(r.errors)}`);
      return r.arrangement;
    });
    const cal2 = createWorkingCalendar(reread);
    let checked = 0;
    for (let d = FIRST; d <= LAST; d++) {
      expect(cal2.isWorkingDayN(d)).toBe(cal.isWorkingDayN(d));
      checked++;
    }
    expect(checked).toBe(7305);
  });

  it("has no official date provisional and 2027 provisional", () => {
    expect(cal.lastOfficialYear).toBe(2026);
    for (let d = FIRST; d <= LAST; d += 1) expect(cal.isProvisionalN(d)).toBe(false);
    expect(cal.isProvisional("2027-01-01")).toBe(true);
  });

  it("counts the working days of each year (widely published: 2023 → 249, 2024 → 251, 2025 → 248)", () => {
    const expected: Record<number, number> = {
      2007: 249,
      2008: 251,
      2009: 250,
      2010: 250,
      2011: 250,
      2012: 249,
      2013: 250,
      2014: 250,
      2015: 249,
      2016: 250,
      2017: 249,
      2018: 250,
      2019: 250,
      2020: 249,
      2021: 250,
      2022: 249,
      2023: 249,
      2024: 251,
      2025: 248,
      2026: 248,
    };
    for (let y = 2007; y <= 2026; y++) {
      expect([y, cal.workingDaysInN(isoToDay(`${y}-01-01`), isoToDay(`${y}-12-31`))]).toEqual([
        y,
        expected[y],
      ]);
    }
  });
});
