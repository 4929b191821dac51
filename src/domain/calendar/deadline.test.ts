import { describe, expect, it } from "vitest";
import { clockState, computeDeadline } from "./deadline.ts";
import { officialCalendar, officialCalendarData } from "./officialData.ts";
import { createWorkingCalendar } from "./workingCalendar.ts";

const cal = officialCalendar();

describe("computeDeadline", () => {
  it("day 0 is the day of acceptance; 20 working days across 国庆 2026", () => {
    const r = computeDeadline(cal, { startDate: "2026-09-28", limitDays: 20 });
    // Working days after 09-28: 09-29, 09-30, (10-01…10-07 off), 10-08, 10-09, 10-10 (Sat makeup) = 5th, 10-12 … 10-16 = 10th, 10-19 … 10-23, 10-26 … 10-30 = 20th
    expect(r).toEqual({ deadline: "2026-10-30", provisional: false, pausedWorkingDays: 0, paused: false });
    expect(cal.workingDaysBetween("2026-09-28", r.deadline)).toBe(20);
  });

  it("an extension adds working days (行政许可法 Art. 42)", () => {
    const base = computeDeadline(cal, { startDate: "2026-03-02", limitDays: 20 });
    const ext = computeDeadline(cal, { startDate: "2026-03-02", limitDays: 20, extensionDays: 10 });
    expect(cal.workingDaysBetween(base.deadline, ext.deadline)).toBe(10);
  });

  it("a pause pushes the deadline by the working days it covers (Art. 45)", () => {
    // Mon 2026-03-02 + 5 → Mon 03-09. Pause Wed 03-04 … Fri 03-06 covers 3 working days → Thu 03-12.
    const r = computeDeadline(cal, {
      startDate: "2026-03-02",
      limitDays: 5,
      pauses: [{ from: "2026-03-04", to: "2026-03-06" }],
    });
    expect(r.deadline).toBe("2026-03-12");
    expect(r.pausedWorkingDays).toBe(3);
  });

  it("overlapping pauses count once; a pause over a weekend only counts working days", () => {
    const r = computeDeadline(cal, {
      startDate: "2026-03-02",
      limitDays: 5,
      pauses: [
        { from: "2026-03-04", to: "2026-03-06" },
        { from: "2026-03-05", to: "2026-03-08" },
      ],
    });
    expect(r.pausedWorkingDays).toBe(3);
    expect(r.deadline).toBe("2026-03-12");
  });

  it("a pause that starts after the deadline does not rescue an overdue case", () => {
    const r = computeDeadline(cal, {
      startDate: "2026-03-02",
      limitDays: 5,
      pauses: [{ from: "2026-03-10", to: "2026-03-20" }],
    });
    expect(r.deadline).toBe("2026-03-09");
    expect(r.pausedWorkingDays).toBe(0);
  });

  it("a pause stopped and resumed on the same day (to = the day before from) stops no working day", () => {
    const base = computeDeadline(cal, { startDate: "2026-03-02", limitDays: 5 });
    const r = computeDeadline(cal, {
      startDate: "2026-03-02",
      limitDays: 5,
      pauses: [{ from: "2026-03-04", to: "2026-03-03" }],
    });
    expect(r).toEqual({ ...base, pausedWorkingDays: 0, paused: false });
    expect(
      clockState(
        cal,
        { startDate: "2026-03-02", limitDays: 5, pauses: [{ from: "2026-03-04", to: "2026-03-03" }] },
        "2026-03-04",
      ).state,
    ).not.toBe("paused");
    expect(() =>
      computeDeadline(cal, {
        startDate: "2026-03-02",
        limitDays: 5,
        pauses: [{ from: "2026-03-04", to: "2026-03-02" }],
      }),
    ).toThrow(RangeError);
  });

  it("an open pause counts up to asOf and is reported", () => {
    const r = computeDeadline(cal, {
      startDate: "2026-03-02",
      limitDays: 5,
      pauses: [{ from: "2026-03-04", to: null }],
      asOf: "2026-03-05",
    });
    expect(r).toMatchObject({ deadline: "2026-03-11", pausedWorkingDays: 2, paused: true });
    expect(() =>
      computeDeadline(cal, {
        startDate: "2026-03-02",
        limitDays: 5,
        pauses: [{ from: "2026-03-04", to: null }],
      }),
    ).toThrow(RangeError);
  });

  it("a deadline in 2027 is provisional until 2027 is imported", () => {
    const r = computeDeadline(cal, { startDate: "2026-12-10", limitDays: 20 });
    expect(r.provisional).toBe(true);
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
    expect(computeDeadline(with2027, { startDate: "2026-12-10", limitDays: 20 }).provisional).toBe(false);
  });

  it("rejects nonsense", () => {
    expect(() => computeDeadline(cal, { startDate: "2026-02-30", limitDays: 5 })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { startDate: "2026-03-02", limitDays: -1 })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { startDate: "2026-03-02", limitDays: 1.5 })).toThrow(RangeError);
    expect(() =>
      computeDeadline(cal, {
        startDate: "2026-03-02",
        limitDays: 5,
        pauses: [{ from: "2026-03-06", to: "2026-03-04" }],
      }),
    ).toThrow(RangeError);
  });
});

describe("clockState", () => {
  const clock = { startDate: "2026-03-02", limitDays: 10 }; // deadline Mon 2026-03-16
  it("normal, yellow, red as the days pass", () => {
    expect(computeDeadline(cal, clock).deadline).toBe("2026-03-16");
    expect(clockState(cal, clock, "2026-03-09")).toMatchObject({ state: "normal", remainingWorkingDays: 5 });
    expect(clockState(cal, clock, "2026-03-11")).toMatchObject({ state: "normal", remainingWorkingDays: 3 });
    // 20% of 10 = 2 working days left → yellow
    expect(clockState(cal, clock, "2026-03-12")).toMatchObject({ state: "yellow", remainingWorkingDays: 2 });
    expect(clockState(cal, clock, "2026-03-16")).toMatchObject({ state: "yellow", remainingWorkingDays: 0 });
    expect(clockState(cal, clock, "2026-03-17")).toMatchObject({ state: "red", remainingWorkingDays: -1 });
  });

  it("thresholds are configurable", () => {
    expect(clockState(cal, clock, "2026-03-11", { workingDays: 3, fraction: 0 }).state).toBe("yellow");
    expect(clockState(cal, clock, "2026-03-12", { workingDays: 1, fraction: 0 }).state).toBe("normal");
  });

  it("paused while a pause covers today", () => {
    const paused = { ...clock, pauses: [{ from: "2026-03-10", to: null }] };
    expect(clockState(cal, paused, "2026-03-20")).toMatchObject({ state: "paused" });
    const closedPause = { ...clock, pauses: [{ from: "2026-03-10", to: "2026-03-12" }] };
    expect(clockState(cal, closedPause, "2026-03-11").state).toBe("paused");
    expect(clockState(cal, closedPause, "2026-03-13")).toMatchObject({
      state: "normal",
      deadline: "2026-03-19",
    });
  });
});
