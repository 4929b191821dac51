import { describe, expect, it } from "vitest";
import { formatDateTime, officeToday } from "./labels";

describe("office time in the browser", () => {
  it("shows instants in Asia/Shanghai whatever the browser's zone", () => {
    expect(formatDateTime("2026-11-26T01:30:00Z")).toBe("2026-11-26 09:30");
    expect(formatDateTime("2026-11-26T16:30:00Z")).toBe("2026-11-27 00:30");
    expect(formatDateTime(null)).toBe("—");
  });

  it("defaults date fields to the office's today: 07:00 in Shanghai is still the previous day in UTC", () => {
    expect(officeToday(new Date("2026-11-26T23:00:00Z"))).toBe("2026-11-27");
    expect(officeToday(new Date("2026-11-27T15:59:00Z"))).toBe("2026-11-27");
  });
});
