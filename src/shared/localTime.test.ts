import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./localTime";

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
});
