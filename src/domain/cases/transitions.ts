import type { CaseState } from "./caseState";
import type { CaseStatus } from "./caseStatus";
import type { CaseCommand, CaseCommandType } from "./commands";

/** One row of the transition table: where a command may start, where it leads, what it emits. */
export type TransitionRule = {
  from: readonly CaseStatus[];
  to: (state: CaseState, cmd: CaseCommand) => CaseStatus;
  event: string;
  /** Chinese name of the step for timelines and documents. */
  label: string;
};

const to = (s: CaseStatus) => () => s;
const same = (state: CaseState) => state.status;
const BEFORE_DECISION: readonly CaseStatus[] = [
  "draft",
  "submitted",
  "correction_requested",
  "accepted",
  "in_review",
  "suspended",
];

/**
 * Where a deferred material may be delivered and checked: after acceptance, until the case is decided
 * against (denied) or closed — a completed case only when its result was issued first on a condition.
 */
export const DEFERRED_OWED_IN: readonly CaseStatus[] = [
  "accepted",
  "in_review",
  "suspended",
  "approved",
  "completed",
];

/**
 * The case lifecycle (DESIGN.md; 行政许可法 Art. 32–45) as a table. Nobody writes `status`
 * directly: every change goes through {@link transition} and one of these rows.
 */
export const TRANSITIONS: Record<CaseCommandType, TransitionRule> = {
  submit: { from: ["draft"], to: to("submitted"), event: "case.submitted", label: "提交申请" },
  requestCorrection: {
    from: ["submitted"],
    to: to("correction_requested"),
    event: "case.correction_requested",
    label: "一次性告知补正",
  },
  resubmit: {
    from: ["correction_requested"],
    to: to("submitted"),
    event: "case.resubmitted",
    label: "补正后重新提交",
  },
  accept: { from: ["submitted"], to: to("accepted"), event: "case.accepted", label: "受理" },
  deemAccepted: {
    from: ["submitted", "correction_requested"],
    to: to("accepted"),
    event: "case.deemed_accepted",
    label: "逾期未告知，视为受理",
  },
  refuse: {
    from: ["submitted", "correction_requested"],
    to: to("not_accepted"),
    event: "case.refused",
    label: "不予受理",
  },
  refer: {
    from: ["submitted", "correction_requested"],
    to: to("referred"),
    event: "case.referred",
    label: "转办",
  },
  assign: { from: ["accepted"], to: to("in_review"), event: "case.assigned", label: "分送审查" },
  recommend: { from: ["in_review"], to: same, event: "review.recommended", label: "审查通过" },
  sendBack: { from: ["in_review"], to: same, event: "review.sent_back", label: "审查退回" },
  suspend: {
    from: ["accepted", "in_review"],
    to: to("suspended"),
    event: "case.suspended",
    label: "启动特别程序",
  },
  resume: {
    from: ["suspended"],
    to: (s) => s.resumeTo ?? "in_review",
    event: "case.resumed",
    label: "特别程序结束，恢复计时",
  },
  extend: { from: ["accepted", "in_review", "suspended"], to: same, event: "case.extended", label: "延期" },
  decide: {
    from: ["accepted", "in_review"],
    to: (_s, cmd) => (cmd.type === "decide" && cmd.outcome === "approve" ? "approved" : "denied"),
    event: "case.decided",
    label: "作出决定",
  },
  issue: { from: ["approved"], to: to("completed"), event: "case.issued", label: "制证送达（办结）" },
  complete: { from: ["denied"], to: to("completed"), event: "case.completed", label: "送达决定（办结）" },
  withdraw: { from: BEFORE_DECISION, to: to("withdrawn"), event: "case.withdrawn", label: "申请人撤回" },
  expire: { from: ["draft"], to: to("expired"), event: "case.draft_expired", label: "草稿过期" },
  // 容缺后补: from acceptance on; on a completed case too when the result was issued first on a condition.
  deliverDeferred: {
    from: DEFERRED_OWED_IN,
    to: same,
    event: "material.deferred_delivered",
    label: "补交容缺材料",
  },
  checkDeferred: {
    from: DEFERRED_OWED_IN,
    to: same,
    event: "material.deferred_checked",
    label: "核验补交的容缺材料",
  },
};

/** Commands that may be given in `status` (before guards): what screens offer. */
export function commandsAllowedIn(status: CaseStatus): CaseCommandType[] {
  return (Object.keys(TRANSITIONS) as CaseCommandType[]).filter((c) => TRANSITIONS[c].from.includes(status));
}
