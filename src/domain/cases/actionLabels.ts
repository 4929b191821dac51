import type { CaseCommandType } from "./commands";

type Bilingual = { "zh-CN": string; "en-US": string };

/**
 * The one name of every action of the case state machine, in Chinese and English: the buttons of every
 * page (web/src/i18n/caseActions.ts spreads them as `action.<command>`), the next-step hints of lists and
 * the refusals of the state machine say the same words. (Timelines name what happened — 已受理 — with the
 * events' own labels.)
 */
export const ACTION_LABELS: Record<CaseCommandType, Bilingual> = {
  submit: { "zh-CN": "提交申请", "en-US": "Submit" },
  requestCorrection: { "zh-CN": "一次性告知补正", "en-US": "Request correction" },
  resubmit: { "zh-CN": "提交补正", "en-US": "Resubmit" },
  accept: { "zh-CN": "受理", "en-US": "Accept" },
  deemAccepted: { "zh-CN": "视为受理", "en-US": "Deem accepted" },
  refuse: { "zh-CN": "不予受理", "en-US": "Refuse" },
  refer: { "zh-CN": "转办", "en-US": "Refer" },
  assign: { "zh-CN": "分送审查", "en-US": "Send to review" },
  recommend: { "zh-CN": "审查通过", "en-US": "Pass review" },
  sendBack: { "zh-CN": "审查退回", "en-US": "Send back" },
  suspend: { "zh-CN": "启动特别程序", "en-US": "Start special procedure" },
  resume: { "zh-CN": "恢复计时", "en-US": "Resume clock" },
  extend: { "zh-CN": "延期", "en-US": "Extend" },
  decide: { "zh-CN": "作出决定", "en-US": "Decide" },
  issue: { "zh-CN": "制证送达", "en-US": "Issue result" },
  complete: { "zh-CN": "办结", "en-US": "Complete" },
  withdraw: { "zh-CN": "撤回申请", "en-US": "Withdraw" },
  expire: { "zh-CN": "草稿过期", "en-US": "Expire draft" },
  deliverDeferred: { "zh-CN": "补交容缺材料", "en-US": "Deliver deferred material" },
  checkDeferred: { "zh-CN": "核验容缺材料", "en-US": "Check deferred material" },
};

/** Who gives each command: the next-step hint names them. `system` commands are nobody's next step. */
export const ACTION_BY: Record<CaseCommandType, "applicant" | "window" | "reviewer" | "approver" | "system"> =
  {
    submit: "applicant",
    requestCorrection: "window",
    resubmit: "applicant",
    accept: "window",
    deemAccepted: "system",
    refuse: "window",
    refer: "window",
    assign: "window",
    recommend: "reviewer",
    sendBack: "reviewer",
    suspend: "approver",
    resume: "approver",
    extend: "approver",
    decide: "approver",
    issue: "window",
    complete: "window",
    withdraw: "applicant",
    expire: "system",
    deliverDeferred: "applicant",
    checkDeferred: "window",
  };

export const ACTOR_LABELS: Record<(typeof ACTION_BY)[CaseCommandType], Bilingual> = {
  applicant: { "zh-CN": "申请人", "en-US": "The applicant" },
  window: { "zh-CN": "窗口", "en-US": "The window" },
  reviewer: { "zh-CN": "审查科室", "en-US": "The reviewing departments" },
  approver: { "zh-CN": "审批负责人", "en-US": "The approver" },
  system: { "zh-CN": "系统", "en-US": "The system" },
};

/**
 * Commands that move a case forward (the others — withdraw, refer, suspend, extend, deferred materials —
 * are side roads any case may take): the next step of a case is the first of these its status allows.
 */
const FORWARD: readonly CaseCommandType[] = [
  "submit",
  "resubmit",
  "accept",
  "requestCorrection",
  "refuse",
  "assign",
  "recommend",
  "sendBack",
  "resume",
  "decide",
  "issue",
  "complete",
];

/**
 * The next step of a case, read from the commands the state machine allows in its state (`allowed`, the
 * transition table's answer): who acts and the names of what they may do, e.g. 窗口：受理 / 一次性告知补正
 * / 不予受理. Only the first actor's forward commands are named; a closed case has no next step (—).
 */
export function nextStepOf(allowed: readonly CaseCommandType[]): Bilingual {
  const forward = FORWARD.filter((c) => allowed.includes(c));
  if (forward.length === 0) return { "zh-CN": "—", "en-US": "—" };
  const by = ACTION_BY[forward[0]];
  const mine = forward.filter((c) => ACTION_BY[c] === by);
  const names = (l: keyof Bilingual) => mine.map((c) => ACTION_LABELS[c][l]).join(" / ");
  return {
    "zh-CN": `${ACTOR_LABELS[by]["zh-CN"]}：${names("zh-CN")}`,
    "en-US": `${ACTOR_LABELS[by]["en-US"]}: ${names("en-US")}`,
  };
}
