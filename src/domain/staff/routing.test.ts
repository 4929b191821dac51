import { describe, expect, it } from "vitest";
import {
  type AbsenceForRouting,
  absenceOn,
  type PostForRouting,
  postFor,
  routeWork,
  taskUrgency,
} from "./routing";

const post = (over: Partial<PostForRouting> = {}): PostForRouting => ({
  id: "p1",
  orgId: "gh",
  duty: "review",
  stepCode: null,
  holderId: "a",
  backupId: "b",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  ...over,
});
const away = (
  userId: string,
  fromDate: string,
  toDate: string,
  endedAt: Date | null = null,
): AbsenceForRouting => ({
  userId,
  fromDate,
  toDate,
  reason: "leave",
  endedAt,
});

describe("AB岗 routing", () => {
  it("gives new work to the holder when present, to the backup while the holder is away", () => {
    expect(routeWork(post(), [], "2026-11-24")).toEqual({ assigneeId: "a", via: "holder" });
    const leave = [away("a", "2026-11-24", "2026-11-26")];
    expect(routeWork(post(), leave, "2026-11-24")).toEqual({
      assigneeId: "b",
      via: "backup",
      holderId: "a",
      reason: "leave",
    });
    expect(routeWork(post(), leave, "2026-11-26").assigneeId).toBe("b");
    // The days around the absence, and an absence ended early, count no longer.
    expect(routeWork(post(), leave, "2026-11-23").assigneeId).toBe("a");
    expect(routeWork(post(), leave, "2026-11-27").assigneeId).toBe("a");
    expect(
      routeWork(post(), [away("a", "2026-11-24", "2026-11-26", new Date())], "2026-11-25").assigneeId,
    ).toBe("a");
  });

  it("leaves the work to the section when the holder is away and no backup is present", () => {
    const both = [away("a", "2026-11-24", "2026-11-24"), away("b", "2026-11-20", "2026-11-30")];
    expect(routeWork(post(), both, "2026-11-24")).toEqual({
      assigneeId: null,
      via: "unassigned",
      holderId: "a",
      reason: "leave",
    });
    expect(routeWork(post({ backupId: null }), both, "2026-11-24").assigneeId).toBeNull();
    expect(routeWork(post({ holderId: null }), [], "2026-11-24").assigneeId).toBeNull();
  });

  it("picks the post of the work's organization and duty, a step's own post before the general one", () => {
    const general = post({ id: "general" });
    const step = post({ id: "step", stepCode: "planning", createdAt: new Date("2026-06-01T00:00:00Z") });
    const other = post({ id: "other", orgId: "bdc" });
    const intake = post({ id: "intake", duty: "window_intake" });
    const all = [general, step, other, intake];
    expect(postFor(all, { orgId: "gh", duty: "review", stepCode: "planning" })?.id).toBe("step");
    expect(postFor(all, { orgId: "gh", duty: "review", stepCode: "site" })?.id).toBe("general");
    expect(postFor(all, { orgId: "gh", duty: "window_intake" })?.id).toBe("intake");
    expect(postFor(all, { orgId: "ly", duty: "review" })).toBeNull();
  });

  it("finds the absence covering a day", () => {
    const list = [away("a", "2026-11-24", "2026-11-26"), away("b", "2026-11-25", "2026-11-25")];
    expect(absenceOn(list, "a", "2026-11-25")?.userId).toBe("a");
    expect(absenceOn(list, "b", "2026-11-24")).toBeNull();
  });
});

describe("task urgency (黄牌 / 红牌)", () => {
  it("is red past the due date or on a red case clock, yellow near it, else normal", () => {
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: 5 })).toBe("normal");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: 2 })).toBe("normal");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: 1 })).toBe("yellow");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: 0 })).toBe("yellow");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: -1 })).toBe("red");
    expect(taskUrgency({ caseClock: "yellow", workingDaysToDue: 5 })).toBe("yellow");
    expect(taskUrgency({ caseClock: "red", workingDaysToDue: 5 })).toBe("red");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: null })).toBe("normal");
    expect(taskUrgency({ caseClock: "normal", workingDaysToDue: 3, warnDays: 3 })).toBe("yellow");
  });
});
