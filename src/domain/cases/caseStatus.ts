/**
 * Case statuses (办件状态) and their groups. The lifecycle follows DESIGN.md and the
 * Administrative Licensing Law (行政许可法 Art. 32–45).
 */
export const CASE_STATUSES = [
  "draft",
  "submitted",
  "correction_requested",
  "accepted",
  "in_review",
  "suspended",
  "approved",
  "denied",
  "completed",
  "not_accepted",
  "referred",
  "withdrawn",
  "expired",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Chinese and English names of each status, for documents and screens. */
export const STATUS_LABELS: Record<CaseStatus, { "zh-CN": string; "en-US": string }> = {
  draft: { "zh-CN": "草稿", "en-US": "Draft" },
  submitted: { "zh-CN": "已申请待受理", "en-US": "Submitted" },
  correction_requested: { "zh-CN": "待补正", "en-US": "Correction requested" },
  accepted: { "zh-CN": "已受理", "en-US": "Accepted" },
  in_review: { "zh-CN": "审查中", "en-US": "In review" },
  suspended: { "zh-CN": "特别程序中（计时暂停）", "en-US": "Suspended (clock stopped)" },
  approved: { "zh-CN": "准予许可", "en-US": "Approved" },
  denied: { "zh-CN": "不予许可", "en-US": "Denied" },
  completed: { "zh-CN": "已办结", "en-US": "Completed" },
  not_accepted: { "zh-CN": "不予受理", "en-US": "Not accepted" },
  referred: { "zh-CN": "已转办", "en-US": "Referred" },
  withdrawn: { "zh-CN": "已撤回", "en-US": "Withdrawn" },
  expired: { "zh-CN": "草稿已过期", "en-US": "Draft expired" },
};

/** Statuses in which the case is finished: no command applies any more. */
export const CLOSED: readonly CaseStatus[] = [
  "completed",
  "not_accepted",
  "referred",
  "withdrawn",
  "expired",
];
/** Statuses in which the case is open. */
export const OPEN: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !CLOSED.includes(s));
/** Statuses in which the promised-limit clock runs (suspended: stopped; approved/denied: decided). */
export const CLOCK_RUNNING: readonly CaseStatus[] = ["accepted", "in_review"];
/** Statuses with a running or stopped clock: the case has been accepted and not yet decided. */
export const CLOCKED: readonly CaseStatus[] = ["accepted", "in_review", "suspended"];
/** Statuses before acceptance: the window's 5-working-day check (Art. 32) is running. */
export const AWAITING_CHECK: readonly CaseStatus[] = ["submitted", "correction_requested"];
/** Statuses in which the decision has been made. */
export const DECIDED: readonly CaseStatus[] = ["approved", "denied"];

/** True when `status` is closed. */
export function isClosed(status: CaseStatus): boolean {
  return CLOSED.includes(status);
}
