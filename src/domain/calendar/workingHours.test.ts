import { describe, expect, it } from "vitest";
import { officialCalendar } from "./officialData";
import { sameLocalDay, workingMinutesBetween } from "./workingHours";

const cal = officialCalendar();
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

describe("working hours (怀远速度)", () => {
  it("counts only office hours: 09:00 → 15:00 on a Tuesday is 3.5 hours (lunch excluded)", () => {
    expect(workingMinutesBetween(cal, at("2026-11-24", "09:00"), at("2026-11-24", "15:00"))).toBe(210);
    expect(sameLocalDay(at("2026-11-24", "09:00"), at("2026-11-24", "15:00"))).toBe(true);
  });
  it("before opening and after closing count nothing; a whole working day is 6.5 hours", () => {
    expect(workingMinutesBetween(cal, at("2026-11-24", "07:00"), at("2026-11-24", "08:30"))).toBe(0);
    expect(workingMinutesBetween(cal, at("2026-11-24", "07:00"), at("2026-11-24", "20:00"))).toBe(390);
  });
  it("skips the weekend: Friday 17:00 → Monday 09:00 is one hour", () => {
    expect(workingMinutesBetween(cal, at("2026-11-27", "17:00"), at("2026-11-30", "09:00"))).toBe(60);
    expect(sameLocalDay(at("2026-11-27", "17:00"), at("2026-11-30", "09:00"))).toBe(false);
  });
  it("is zero when the end is not after the start", () => {
    expect(workingMinutesBetween(cal, at("2026-11-24", "10:00"), at("2026-11-24", "09:00"))).toBe(0);
  });
});
