import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialData";
import { caseIn } from "../cases/testFixtures";
import {
  CASE_RULES,
  type CaseFacts,
  checkOverdue,
  correctionLate,
  correctionRepeatNotice,
  correctionsRepeated,
  denialReasonShort,
  evaluateCaseRules,
  extensionReasonShort,
  pingPong,
} from "./caseRules";
import type { RuleEvent } from "./findings";
import { ALERT_RULES } from "./rules";
import { DEFAULT_THRESHOLDS, withDefaults } from "./thresholds";

const cal = officialCalendar();
const th = withDefaults(null);
let seq = 0;
const ev = (
  type: string,
  on: string,
  data: Record<string, unknown> = {},
  actorId = "u-clerk",
): RuleEvent => ({
  id: `e${++seq}`,
  type,
  on,
  actorId,
  data,
});

/** A case received on Tuesday 2026-11-24 (5 working days later: Tuesday 12-01). */
function facts(status: Parameters<typeof caseIn>[0], events: RuleEvent[], patch = {}): CaseFacts {
  return {
    number: "HY-1",
    state: { ...caseIn(status), receivedOn: "2026-11-24", ...patch },
    events: [ev("case.submitted", "2026-11-24", {}, "u-applicant"), ...events],
  };
}

describe("时限: check_overdue", () => {
  it("breaks when the case was deemed accepted, keeps one accepted by the window", () => {
    const deemed = ev("case.deemed_accepted", "2026-12-02", {}, "");
    expect(checkOverdue(facts("accepted", [deemed]), th, cal)).toMatchObject({
      rule: "check_overdue",
      severity: "red",
      eventIds: [deemed.id],
    });
    expect(checkOverdue(facts("accepted", [ev("case.accepted", "2026-11-25")]), th, cal)).toBeNull();
  });
});

describe("一次性告知: correction_late", () => {
  it("keeps a correction on the 5th working day after receipt", () => {
    expect(
      correctionLate(facts("correction_requested", [ev("case.correction_requested", "2026-12-01")]), th, cal),
    ).toBeNull();
    expect(
      correctionLate(facts("correction_requested", [ev("case.correction_requested", "2026-11-24")]), th, cal),
    ).toBeNull();
  });
  it("breaks on the 6th working day, naming the notice and its author", () => {
    const notice = ev("case.correction_requested", "2026-12-02");
    const f = correctionLate(facts("correction_requested", [notice]), th, cal);
    expect(f).toMatchObject({
      rule: "correction_late",
      severity: "red",
      eventIds: [notice.id],
      responsibleUserId: "u-clerk",
      data: { workingDays: 6 },
    });
    expect(f?.zh).toContain("HY-1");
  });
  it("measures against the threshold of the organization", () => {
    const late = facts("correction_requested", [ev("case.correction_requested", "2026-11-27")]);
    expect(correctionLate(late, th, cal)).toBeNull();
    expect(correctionLate(late, { ...th, correctionWithinWorkingDays: 2 }, cal)?.rule).toBe(
      "correction_late",
    );
  });
  it("keeps a notice answered by a resubmission (judged when it was made), and no notice at all", () => {
    const f = facts("submitted", [
      ev("case.correction_requested", "2026-12-02"),
      ev("case.resubmitted", "2026-12-03"),
    ]);
    expect(correctionLate(f, th, cal)).toBeNull();
    expect(correctionLate(facts("submitted", []), th, cal)).toBeNull();
  });
});

describe("一次性告知: correction_repeat_notice and 不刁: corrections_repeated", () => {
  const one = [ev("case.correction_requested", "2026-11-25")];
  const two = [
    ...one,
    ev("case.resubmitted", "2026-11-26"),
    ev("case.correction_requested", "2026-11-27", {}, "u-2"),
  ];
  const three = [...two, ev("case.resubmitted", "2026-11-30"), ev("case.correction_requested", "2026-12-01")];
  it("keeps one notice", () => {
    expect(correctionRepeatNotice(facts("correction_requested", one), th, cal)).toBeNull();
    expect(correctionsRepeated(facts("correction_requested", one), th, cal)).toBeNull();
  });
  it("a second notice breaks 一次性告知, with both notices as its events", () => {
    const f = correctionRepeatNotice(facts("correction_requested", two), th, cal);
    expect(f).toMatchObject({ rule: "correction_repeat_notice", responsibleUserId: "u-2" });
    expect(f?.eventIds).toEqual([two[0].id, two[2].id]);
    expect(correctionsRepeated(facts("correction_requested", two), th, cal)).toBeNull();
  });
  it("N rounds (default 3, or the organization's) break 不刁", () => {
    expect(correctionsRepeated(facts("correction_requested", three), th, cal)?.eventIds).toHaveLength(3);
    expect(
      correctionsRepeated(facts("correction_requested", two), { ...th, correctionRounds: 2 }, cal)?.rule,
    ).toBe("corrections_repeated");
  });
});

describe("不敷: denial_reason_short", () => {
  const decided = (outcome: "approve" | "deny", reasons: string) =>
    facts("denied", [ev("case.decided", "2026-11-30", { outcome, reasons }, "u-approver")], {
      decision: { outcome, reasons, decidedAt: "2026-11-30T02:00:00Z" },
    });
  it("breaks on a denial shorter than the minimum, spaces not counted", () => {
    const f = denialReasonShort(decided("deny", "不符合 条件"), th, cal);
    expect(f).toMatchObject({
      rule: "denial_reason_short",
      responsibleUserId: "u-approver",
      data: { length: 5 },
    });
  });
  it("keeps a denial with enough reasons, and any approval", () => {
    expect(
      denialReasonShort(decided("deny", "申请人提交的消防验收意见书不符合第十二条规定的条件"), th, cal),
    ).toBeNull();
    expect(denialReasonShort(decided("approve", "符合"), th, cal)).toBeNull();
    expect(
      denialReasonShort(decided("deny", "不符合条件"), { ...th, denialReasonMinChars: 5 }, cal),
    ).toBeNull();
  });
});

describe("不扯: ping_pong", () => {
  const returns = [
    ev("review.sent_back", "2026-11-25", {}, "u-r1"),
    ev("review.sent_back", "2026-11-26", {}, "u-r2"),
  ];
  it("keeps one return, breaks on the second (more than 1)", () => {
    expect(pingPong(facts("in_review", returns.slice(0, 1), { returnsCount: 1 }), th, cal)).toBeNull();
    const f = pingPong(facts("in_review", returns, { returnsCount: 2 }), th, cal);
    expect(f).toMatchObject({
      rule: "ping_pong",
      responsibleUserId: "u-r2",
      eventIds: returns.map((e) => e.id),
    });
  });
  it("follows the threshold", () => {
    expect(
      pingPong(facts("in_review", returns, { returnsCount: 2 }), { ...th, pingPongReturns: 2 }, cal),
    ).toBeNull();
    expect(
      pingPong(facts("in_review", [], { returnsCount: 1 }), { ...th, pingPongReturns: 0 }, cal)?.rule,
    ).toBe("ping_pong");
  });
});

describe("不拖: extension_without_reason", () => {
  const extended = (reason: string) =>
    facts("in_review", [ev("case.extended", "2026-11-30", { days: 5, reason })]);
  it("breaks on a reason shorter than the minimum", () => {
    expect(extensionReasonShort(extended("需要"), th, cal)).toMatchObject({
      rule: "extension_without_reason",
      data: { length: 2 },
    });
  });
  it("keeps a stated reason, and a case never extended", () => {
    expect(extensionReasonShort(extended("需组织专家现场核查消防设施，时间不足"), th, cal)).toBeNull();
    expect(extensionReasonShort(facts("in_review", []), th, cal)).toBeNull();
    expect(extensionReasonShort(extended("需要"), { ...th, extensionReasonMinChars: 2 }, cal)).toBeNull();
  });
});

describe("evaluateCaseRules", () => {
  it("runs only the rules of the commands that ran", () => {
    const f = facts("in_review", [ev("case.extended", "2026-11-30", { reason: "" })], { returnsCount: 3 });
    expect(evaluateCaseRules(f, th, cal, ["extend"]).map((x) => x.rule)).toEqual([
      "extension_without_reason",
    ]);
    expect(evaluateCaseRules(f, th, cal, ["sendBack"]).map((x) => x.rule)).toEqual(["ping_pong"]);
    expect(evaluateCaseRules(f, th, cal, ["accept"])).toEqual([]);
  });
  it("every rule it can raise is in ALERT_RULES", () => {
    const known = new Set(ALERT_RULES.map((r) => r.code));
    expect(CASE_RULES.filter((r) => !known.has(r.rule))).toEqual([]);
    expect(DEFAULT_THRESHOLDS.correctionWithinWorkingDays).toBe(5);
  });
});
