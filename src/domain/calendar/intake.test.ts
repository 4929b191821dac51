import { describe, expect, it } from "vitest";
import { effectiveReceiptDate, localDateTime, parseClockTime } from "./intake.ts";
import { officialCalendar } from "./officialData.ts";

const cal = officialCalendar();

describe("effectiveReceiptDate", () => {
  it("before closing on a working day → that day (Beijing time)", () => {
    // 2026-03-02 09:29 UTC = 17:29 in Asia/Shanghai
    expect(effectiveReceiptDate(cal, "2026-03-02T09:29:00Z")).toEqual({
      date: "2026-03-02",
      provisional: false,
    });
  });
  it("at or after 17:30 → next working day", () => {
    expect(effectiveReceiptDate(cal, "2026-03-02T09:30:00Z").date).toBe("2026-03-03");
    expect(effectiveReceiptDate(cal, "2026-03-06T12:00:00Z").date).toBe("2026-03-09");
  });
  it("UTC date differs from the local date", () => {
    // 2026-03-01 17:00 UTC is Monday 01:00 in Beijing → counts Monday
    expect(effectiveReceiptDate(cal, "2026-03-01T17:00:00Z").date).toBe("2026-03-02");
  });
  it("a holiday or weekend → next working day; makeup Saturday is a working day", () => {
    expect(effectiveReceiptDate(cal, "2026-10-01T02:00:00Z").date).toBe("2026-10-08");
    expect(effectiveReceiptDate(cal, "2026-10-10T02:00:00Z").date).toBe("2026-10-10");
  });
  it("closing time and time zone are configurable", () => {
    expect(effectiveReceiptDate(cal, "2026-03-02T09:10:00Z", { officeCloses: "17:00" }).date).toBe(
      "2026-03-03",
    );
    expect(effectiveReceiptDate(cal, "2026-03-02T09:10:00Z", { timeZone: "UTC" }).date).toBe("2026-03-02");
  });
  it("late on the last working day of 2026 → provisional 2027 date (after the law's 元旦)", () => {
    expect(effectiveReceiptDate(cal, new Date("2026-12-31T10:00:00Z"))).toEqual({
      date: "2027-01-04",
      provisional: true,
    });
  });
  it("helpers", () => {
    expect(localDateTime(Date.UTC(2026, 0, 1, 16, 5))).toEqual({ date: "2026-01-02", minutes: 5 });
    expect(parseClockTime("08:05")).toBe(485);
    expect(() => parseClockTime("24:00")).toThrow(RangeError);
    expect(() => effectiveReceiptDate(cal, "not a date")).toThrow(RangeError);
  });
});
