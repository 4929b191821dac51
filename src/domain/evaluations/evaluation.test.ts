import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialData";
import {
  invitationClosesAt,
  invitationState,
  isBad,
  LEVELS,
  rectificationDueDates,
  reminderDue,
  satisfactionFigures,
} from "./evaluation";

const cal = officialCalendar();

describe("好差评 rules", () => {
  it("bad = the bottom two levels; satisfied = 基本满意 or better", () => {
    expect(LEVELS.filter(isBad)).toEqual(["dissatisfied", "very_dissatisfied"]);
    const f = satisfactionFigures(["very_satisfied", "basic", "dissatisfied", "satisfied"]);
    expect(f).toMatchObject({ ratings: 4, satisfied: 3, bad: 1, rate: 0.75 });
    expect(f.byLevel.basic).toBe(1);
    expect(satisfactionFigures([]).rate).toBeNull();
  });

  it("an invitation is open for 30 days, then closed; used once", () => {
    const at = new Date("2026-11-24T01:00:00Z");
    const closesAt = invitationClosesAt(at);
    expect(closesAt.toISOString()).toBe("2026-12-24T01:00:00.000Z");
    expect(invitationState({ usedAt: null, closesAt }, new Date("2026-12-24T00:59:59Z"))).toBe("open");
    expect(invitationState({ usedAt: null, closesAt }, closesAt)).toBe("closed");
    expect(invitationState({ usedAt: at, closesAt }, at)).toBe("used");
  });

  it("the one reminder is due after 3 working days (the National Day week does not count)", () => {
    const inv = (invitedOn: string) => ({
      invitedOn,
      remindedAt: null,
      usedAt: null,
      closesAt: new Date("2027-01-01T00:00:00Z"),
    });
    const now = new Date("2026-11-01T00:00:00Z");
    expect(reminderDue(cal, inv("2026-11-24"), "2026-11-26", now)).toBe(false);
    expect(reminderDue(cal, inv("2026-11-24"), "2026-11-27", now)).toBe(true);
    // Invited Tue 2026-09-29: 09-30 is a working day, then the National Day holiday from 10-01 does not count.
    expect(reminderDue(cal, inv("2026-09-29"), "2026-10-08", now)).toBe(false);
    expect(reminderDue(cal, { ...inv("2026-11-24"), remindedAt: now }, "2026-12-01", now)).toBe(false);
  });

  it("a rectification's callback and outcome are due in working days", () => {
    expect(
      rectificationDueDates(cal, "2026-11-27", { callbackWorkingDays: 1, rectifyWorkingDays: 15 }),
    ).toEqual({
      callbackDueOn: "2026-11-30",
      rectifyDueOn: "2026-12-18",
    });
  });
});
