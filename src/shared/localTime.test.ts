import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, officeClock, officeDayStart } from "./localTime";

describe("times shown in Asia/Shanghai", () => {
  it("shows a UTC instant in China time, across midnight", () => {
    expect(formatDateTime("2026-11-26T01:30:00Z")).toBe("2026-11-26 09:30");
    expect(formatDateTime(new Date("2026-11-26T17:05:00Z"))).toBe("2026-11-27 01:05");
    expect(formatDate("2026-11-26T16:00:00Z")).toBe("2026-11-27");
    expect(formatDate("2026-11-26T15:59:00Z")).toBe("2026-11-26");
  });

  it("says — for nothing and keeps what it cannot read", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
    expect(formatDateTime("soon")).toBe("soon");
  });

  it("a chart drawing in UTC reads the office's clock: officeClock agrees with Asia/Shanghai all year", () => {
    // Every 7 h 13 min over three years: any day, any hour, any season.
    for (
      let at = Date.parse("2025-01-01T00:00:00Z");
      at < Date.parse("2028-01-01T00:00:00Z");
      at += 26_000_000
    ) {
      const shifted = new Date(officeClock(at)).toISOString();
      expect(`${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`).toBe(formatDateTime(new Date(at)));
    }
    expect(officeDayStart("2026-11-26")).toBe(Date.parse("2026-11-25T16:00:00Z"));
    expect(formatDateTime(new Date(officeDayStart("2026-07-01")))).toBe("2026-07-01 00:00");
  });
});
