/**
 * The supervision rules (电子监察) that raise alerts today, with their names and the 五不 category
 * each belongs to. One table: the desk's labels, filters and counts come from here.
 */

export const ALERT_CATEGORIES = [
  "时限",
  "一次性告知",
  "不推",
  "不刁",
  "不敷",
  "不扯",
  "不拖",
  "满意",
] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

export const ALERT_CATEGORY_NAMES: Record<AlertCategory, { "zh-CN": string; "en-US": string }> = {
  时限: { "zh-CN": "时限", "en-US": "Time limits" },
  一次性告知: { "zh-CN": "一次性告知", "en-US": "One-time notice" },
  不推: { "zh-CN": "不推", "en-US": "No passing on" },
  不刁: { "zh-CN": "不刁", "en-US": "No obstruction" },
  不敷: { "zh-CN": "不敷", "en-US": "No perfunctory work" },
  不扯: { "zh-CN": "不扯", "en-US": "No back-and-forth" },
  不拖: { "zh-CN": "不拖", "en-US": "No delay" },
  满意: { "zh-CN": "满意", "en-US": "Satisfaction" },
};

export type AlertRuleInfo = { code: string; zh: string; en: string; category: AlertCategory };

export const ALERT_RULES: readonly AlertRuleInfo[] = [
  {
    code: "clock_yellow",
    zh: "办件临近时限（黄牌）",
    en: "Case near its due date (yellow card)",
    category: "时限",
  },
  { code: "clock_red", zh: "办件超期（红牌）", en: "Case overdue (red card)", category: "时限" },
  { code: "task_overdue", zh: "审查任务超期", en: "Review task overdue", category: "时限" },
  { code: "task_idle", zh: "审查任务长时间未处理", en: "Review task idle", category: "不敷" },
  { code: "check_overdue", zh: "受理审查超过时限", en: "Acceptance check past its limit", category: "时限" },
  {
    code: "ping_pong",
    zh: "部门间反复退回",
    en: "Sent back between departments repeatedly",
    category: "不扯",
  },
  { code: "deferred_overdue", zh: "容缺材料逾期未补", en: "Deferred material overdue", category: "不拖" },
  {
    code: "partner_request_overdue",
    zh: "协查请求逾期未复",
    en: "Partner request unanswered past due",
    category: "不拖",
  },
  { code: "referral_idle", zh: "转办长时间无进展", en: "Referral without progress", category: "不推" },
  { code: "inquiry_unanswered", zh: "咨询超过一个工作日未答复", en: "Inquiry unanswered", category: "不推" },
  { code: "rectification_overdue", zh: "差评整改逾期", en: "Rectification overdue", category: "满意" },
  {
    code: "rectification_callback_overdue",
    zh: "整改回访逾期",
    en: "Rectification callback overdue",
    category: "满意",
  },
];

const BY_CODE = new Map(ALERT_RULES.map((r) => [r.code, r]));

/** The rule's names and category; an unknown code (a rule added later) keeps its code as its name. */
export function alertRuleInfo(code: string): AlertRuleInfo {
  return BY_CODE.get(code) ?? { code, zh: code, en: code, category: "时限" };
}

export const ALERT_STATUSES = ["open", "acknowledged", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The alert's status from its columns: closed once resolved, acknowledged once a supervisor saw it. */
export function alertStatus(a: { resolvedAt: Date | null; acknowledgedAt: Date | null }): AlertStatus {
  if (a.resolvedAt) return "closed";
  return a.acknowledgedAt ? "acknowledged" : "open";
}
