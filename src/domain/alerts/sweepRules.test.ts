import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialData";
import {
  isInquiryUnanswered,
  isReferralIdle,
  isTaskIdle,
  lastDayShare,
  type MonthDecision,
} from "./sweepRules";
import { withDefaults } from "./thresholds";

const cal = officialCalendar();
const th = withDefaults(null);

describe("不敷: task idle", () => {
  it("keeps a task open one working day, breaks after more (Tue → Thu)", () => {
    expect(isTaskIdle({ status: "open", openedOn: "2026-11-24" }, "2026-11-25", th, cal)).toBe(false);
    expect(isTaskIdle({ status: "open", openedOn: "2026-11-24" }, "2026-11-26", th, cal)).toBe(true);
  });
  it("keeps a claimed task, and follows the threshold", () => {
    expect(isTaskIdle({ status: "claimed", openedOn: "2026-11-24" }, "2026-12-26", th, cal)).toBe(false);
    expect(
      isTaskIdle(
        { status: "open", openedOn: "2026-11-24" },
        "2026-11-26",
        { ...th, taskIdleWorkingDays: 2 },
        cal,
      ),
    ).toBe(false);
  });
});

describe("不推: referral idle and inquiry unanswered", () => {
  it("a referral breaks after more than 3 working days without progress (default)", () => {
    expect(isReferralIdle({ status: "open", lastProgressOn: "2026-11-24" }, "2026-11-27", th, cal)).toBe(
      false,
    );
    expect(isReferralIdle({ status: "open", lastProgressOn: "2026-11-24" }, "2026-11-30", th, cal)).toBe(
      true,
    );
    expect(isReferralIdle({ status: "done", lastProgressOn: "2026-11-24" }, "2026-12-30", th, cal)).toBe(
      false,
    );
    expect(
      isReferralIdle(
        { status: "open", lastProgressOn: "2026-11-24" },
        "2026-11-30",
        { ...th, referralIdleWorkingDays: 5 },
        cal,
      ),
    ).toBe(false);
  });
  it("an inquiry breaks after N working days of office hours", () => {
    expect(isInquiryUnanswered({ status: "open", workingMinutesWaiting: 389 }, th, 390)).toBe(false);
    expect(isInquiryUnanswered({ status: "open", workingMinutesWaiting: 390 }, th, 390)).toBe(true);
    expect(isInquiryUnanswered({ status: "answered", workingMinutesWaiting: 9999 }, th, 390)).toBe(false);
    expect(
      isInquiryUnanswered(
        { status: "open", workingMinutesWaiting: 500 },
        { ...th, inquiryWorkingDays: 2 },
        390,
      ),
    ).toBe(false);
  });
});

describe("不拖: last_day_share", () => {
  const month = (onLast: number, total: number): MonthDecision[] =>
    Array.from({ length: total }, (_, i) => ({
      caseId: `c${i}`,
      eventId: `e${i}`,
      decidedOn: "2026-11-20",
      deadline: i < onLast ? "2026-11-20" : "2026-11-27",
    }));
  it("breaks above the share with enough decisions, naming the last-day decisions", () => {
    const r = lastDayShare(month(4, 10), th);
    expect(r).toMatchObject({ decisions: 10, onLastDay: 4, percent: 40, exceeded: true });
    expect(r.eventIds).toEqual(["e0", "e1", "e2", "e3"]);
  });
  it("keeps a share at the threshold, and too few decisions to judge", () => {
    expect(lastDayShare(month(3, 10), th).exceeded).toBe(false);
    expect(lastDayShare(month(5, 9), th).exceeded).toBe(false);
    expect(lastDayShare(month(5, 9), { ...th, lastDayMinDecisions: 5 }).exceeded).toBe(true);
    expect(lastDayShare([], th)).toMatchObject({ decisions: 0, percent: 0, exceeded: false });
  });
});
