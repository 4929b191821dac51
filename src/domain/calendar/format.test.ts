import { describe, expect, it } from "vitest";
import { addResultJson, formatAddLine, formatDays } from "./format.ts";
import { officialCalendar } from "./officialData.ts";

const cal = officialCalendar();

describe("CLI lines", () => {
  it("days: one line per date, provisional past 2026 (the law's 元旦 a rest day)", () => {
    expect(formatDays(cal, "2026-09-30", "2026-10-01")).toEqual(["2026-09-30 workday", "2026-10-01 restday"]);
    expect(formatDays(cal, "2026-12-31", "2027-01-04")).toEqual([
      "2026-12-31 workday",
      "2027-01-01 restday provisional",
      "2027-01-02 restday provisional",
      "2027-01-03 restday provisional",
      "2027-01-04 workday provisional",
    ]);
    expect(() => formatDays(cal, "2026-10-02", "2026-10-01")).toThrow(RangeError);
  });
  it("add", () => {
    expect(formatAddLine(cal, "2026-09-30", 1)).toBe("2026-10-08");
    expect(formatAddLine(cal, "2026-12-30", 2)).toBe("2027-01-04 provisional");
    expect(addResultJson(cal, "2026-12-30", 2)).toEqual({
      from: "2026-12-30",
      days: 2,
      date: "2027-01-04",
      provisional: true,
    });
  });
});
