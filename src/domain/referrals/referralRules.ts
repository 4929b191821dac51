/**
 * Referral (转办) progress rules: a referral moves sent → received → in_progress → done and never
 * back; a report may repeat the current status to add a note (不推: followed until done).
 */

export const REFERRAL_STATUSES = ["sent", "received", "in_progress", "done"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Chinese and English names of the referral statuses. */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, { "zh-CN": string; "en-US": string }> = {
  sent: { "zh-CN": "已转出", "en-US": "Sent" },
  received: { "zh-CN": "已接收", "en-US": "Received" },
  in_progress: { "zh-CN": "办理中", "en-US": "In progress" },
  done: { "zh-CN": "已办结", "en-US": "Done" },
};

/** Why a progress report is not allowed, or null when it is (forward only; done is final). */
export function referralProgressProblem(
  from: ReferralStatus,
  to: Exclude<ReferralStatus, "sent">,
): "closed" | "backwards" | null {
  if (from === "done") return "closed";
  return REFERRAL_STATUSES.indexOf(to) < REFERRAL_STATUSES.indexOf(from) ? "backwards" : null;
}

/** Working days a referral may go without progress before it raises an alert (local practice: a setting). */
export const REFERRAL_IDLE_WORKING_DAYS = 3;
