import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialData";
import { DEFAULT_THRESHOLDS, isResponseOverdue, respondBy, respondDays, withDefaults } from "./thresholds";

const cal = officialCalendar();

describe("supervision thresholds", () => {
  it("stored values override the defaults; unknown rules and wrong types are ignored", () => {
    const th = withDefaults({
      taskIdleWorkingDays: 3,
      pingPongReturns: "2" as unknown as number,
      respondWorkingDays: { clock_red: 2, nope: 9 },
    });
    expect(th.taskIdleWorkingDays).toBe(3);
    expect(th.pingPongReturns).toBe(DEFAULT_THRESHOLDS.pingPongReturns);
    expect(th.respondWorkingDays).toEqual({ clock_red: 2 });
  });
  it("the response deadline: the rule's default (red 1, yellow 3) or the organization's, in working days", () => {
    const th = withDefaults(null);
    expect(respondDays(th, "clock_red")).toBe(1);
    expect(respondDays(th, "ping_pong")).toBe(3);
    expect(respondBy(th, "clock_red", "2026-11-27", cal)).toBe("2026-11-30"); // Friday → Monday
    expect(
      respondBy(withDefaults({ respondWorkingDays: { clock_red: 2 } }), "clock_red", "2026-11-27", cal),
    ).toBe("2026-12-01");
  });
  it("overdue: past its date and neither acknowledged nor closed", () => {
    const a = { respondBy: "2026-11-30", acknowledgedAt: null, resolvedAt: null };
    expect(isResponseOverdue(a, "2026-11-30")).toBe(false);
    expect(isResponseOverdue(a, "2026-12-01")).toBe(true);
    expect(isResponseOverdue({ ...a, acknowledgedAt: new Date() }, "2026-12-01")).toBe(false);
    expect(isResponseOverdue({ ...a, resolvedAt: new Date() }, "2026-12-01")).toBe(false);
    expect(isResponseOverdue({ ...a, respondBy: null }, "2026-12-01")).toBe(false);
  });
});
