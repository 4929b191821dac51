import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatArrangement, parseArrangement, parseArrangementJson } from "./arrangementFormat.ts";
import { computeDeadline } from "./deadline.ts";
import { officialCalendarData } from "./officialData.ts";
import { createWorkingCalendar } from "./workingCalendar.ts";

const example = readFileSync(new URL("../../../seed/calendar/example-2027.txt", import.meta.url), "utf8");

describe("parseArrangement", () => {
  it("parses the example file, which then makes 2027 official", () => {
    const r = parseArrangement(example);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.arrangement.year).toBe(2027);
    expect(r.arrangement.rest[0]).toEqual({ from: "2027-01-01", to: "2027-01-03", name: "元旦" });
    expect(r.arrangement.work.map((w) => w.date)).toContain("2027-02-20");
    const cal = createWorkingCalendar([...officialCalendarData.years, r.arrangement]);
    expect(cal.lastOfficialYear).toBe(2027);
    expect(cal.isProvisional("2027-06-01")).toBe(false);
    expect(cal.isProvisional("2028-01-03")).toBe(true);
    expect(cal.isWorkingDay("2027-02-08")).toBe(false);
    expect(cal.isWorkingDay("2027-02-20")).toBe(true);
    expect(computeDeadline(cal, { startDate: "2027-02-05", limitDays: 1 }).deadline).toBe("2027-02-14");
  });

  it("round-trips every official year through the text form", () => {
    for (const y of officialCalendarData.years) {
      const r = parseArrangement(formatArrangement(y));
      expect(r.ok).toBe(true);
      if (r.ok)
        expect({ ...r.arrangement, amendments: y.amendments }).toEqual({ ...y, amendments: y.amendments });
    }
  });

  it("reports every error with its line number, in Chinese and English", () => {
    const text = [
      "year: 2027", // 1
      "2027-02-30 休 春节", // 2 invalid date
      "2027-05-05~2027-05-01 休 劳动节", // 3 reversed
      "2027-03-03 班 调休", // 4 Wednesday cannot become a working day
      "2027-01-01~2027-01-03 休 元旦", // 5
      "2027-01-02 班 元旦", // 6 duplicate (and a Saturday, fine)
      "2028-01-01 休 元旦", // 7 outside year
      "2027-01-01~2027-03-01 休 太长", // 8 too long
      "hello", // 9
      "colour: red", // 10
      "2026-12-31 休 元旦", // 11 previous December: allowed
    ].join("\n");
    const r = parseArrangement(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "date_invalid"],
      [3, "range_reversed"],
      [4, "work_not_weekend"],
      [6, "date_duplicate"],
      [7, "date_outside_year"],
      [8, "range_too_long"],
      [9, "line_invalid"],
      [10, "header_unknown"],
    ]);
    for (const e of r.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[a-z]/);
    }
  });

  it("needs a year and at least one rest day", () => {
    const r = parseArrangement("2027-01-04 班 元旦\n");
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual([
      "year_missing",
      "work_not_weekend",
      "no_rest_days",
    ]);
  });

  it("accepts the JSON equivalent with the same rules", () => {
    const ok = parseArrangementJson({
      year: 2027,
      rest: [{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }],
      work: [{ date: "2027-02-20", name: "春节" }],
    });
    expect(ok.ok).toBe(true);
    const bad = parseArrangementJson({ year: "x", rest: [{ from: "2027-13-01", name: "?" }], work: {} });
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.path])).toEqual([
      ["json_invalid", "work"],
      ["year_invalid", "year"],
      ["date_invalid", "rest[0]"],
    ]);
    expect(parseArrangementJson([]).ok).toBe(false);
  });
});
