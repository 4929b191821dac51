import { dayToIso, isoToDay } from "../calendar/isoDate";
import { officialCalendar } from "../calendar/officialData";
import { type CaseState, newDraft } from "./caseState";
import type { CaseStatus } from "./caseStatus";
import type { CaseCommand, CaseCommandType } from "./commands";
import type { TransitionContext } from "./context";

const cal = officialCalendar();

/**
 * A context in which every guard passes: all materials passed, reviews done, fees paid, the one
 * deferred material delivered (and allowed to follow the result).
 */
export function permissiveContext(overrides: Partial<TransitionContext> = {}): TransitionContext {
  return {
    now: new Date("2026-11-24T02:00:00Z"),
    today: "2026-11-24",
    effectiveDate: "2026-11-24",
    item: {
      handlingType: "promised",
      promisedLimitDays: 3,
      statutoryLimitDays: 20,
      maxExtensionDays: 10,
      specialProcedures: [{ kind: "expert_review", maxWorkingDays: 10 }],
      chargesFees: false,
      materials: [
        {
          code: "M01",
          name: "申请表",
          required: true,
          key: true,
          mayBeDeferred: false,
          issueFirstCondition: null,
        },
        {
          code: "M02",
          name: "营业执照",
          required: true,
          key: false,
          mayBeDeferred: false,
          issueFirstCondition: null,
        },
        {
          code: "M03",
          name: "宗地图",
          required: true,
          key: false,
          mayBeDeferred: true,
          issueFirstCondition: null,
        },
        {
          code: "M04",
          name: "授权委托书",
          required: false,
          key: false,
          mayBeDeferred: false,
          issueFirstCondition: null,
        },
      ],
    },
    calendar: {
      addWorkingDays: (d, n) => cal.addWorkingDays(d, n),
      workingDaysBetween: (a, b) => cal.workingDaysBetween(a, b),
      previousDate: (d) => dayToIso(isoToDay(d) - 1),
    },
    deadline: "2026-11-27",
    checkDueOn: "2026-11-20",
    review: { total: 2, open: 0 },
    checks: { M01: "pass", M02: "pass", M03: "pass", M04: "unchecked" },
    passedBefore: new Set(),
    providedElsewhere: new Set(),
    // One deferred material, delivered and allowed to follow the result: no guard stops on it.
    owed: [
      { code: "M03", name: "宗地图", dueOn: "2026-11-25", delivered: true, issueFirstCondition: "先行核发" },
    ],
    feesSettled: true,
    feesAssessed: false,
    ...overrides,
  };
}

/** A case in `status` with plausible fields for it. */
export function caseIn(status: CaseStatus): CaseState {
  const s = newDraft(new Date("2026-11-20T01:00:00Z"), { handlingType: "promised", promisedLimitDays: 3 });
  s.status = status;
  if (status !== "draft") s.receivedOn = "2026-11-20";
  if (["accepted", "in_review", "suspended", "approved", "denied", "completed"].includes(status))
    s.acceptedOn = "2026-11-23";
  if (status === "suspended") {
    s.pauses = [{ from: "2026-11-23", to: null, kind: "expert_review", reason: "专家评审", expectedDays: 5 }];
    s.resumeTo = "in_review";
  }
  return s;
}

/** A valid payload for every command type. */
export const VALID_COMMANDS: Record<CaseCommandType, CaseCommand> = {
  submit: { type: "submit" },
  requestCorrection: {
    type: "requestCorrection",
    items: [{ materialCode: "M03", problem: "defective", note: "比例尺不符" }],
  },
  resubmit: { type: "resubmit" },
  accept: { type: "accept" },
  deemAccepted: { type: "deemAccepted" },
  refuse: {
    type: "refuse",
    legalBasis: "《中华人民共和国行政许可法》第三十二条",
    reason: "不属于本机关职权范围",
  },
  refer: {
    type: "refer",
    toOrgCode: "HY-SQJ",
    reason: "设施农业用地备案由乡镇办理",
    policyReference: "自然资规〔2019〕4号",
  },
  assign: { type: "assign" },
  recommend: { type: "recommend", taskId: "t1", opinion: "符合规划条件" },
  sendBack: { type: "sendBack", taskId: "t1", opinion: "红线图坐标有误" },
  suspend: { type: "suspend", kind: "expert_review", reason: "需专家评审", expectedDays: 5 },
  resume: { type: "resume", result: "专家评审通过" },
  extend: { type: "extend", days: 10, reason: "情况复杂" },
  decide: { type: "decide", outcome: "approve", reasons: "符合法定条件" },
  issue: { type: "issue" },
  complete: { type: "complete" },
  withdraw: { type: "withdraw", reason: "申请人主动撤回" },
  expire: { type: "expire" },
  deliverDeferred: { type: "deliverDeferred", materialCode: "M03", fileId: "f1" },
  checkDeferred: { type: "checkDeferred", materialCode: "M03", verdict: "pass" },
};
