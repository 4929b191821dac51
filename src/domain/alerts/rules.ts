/**
 * The supervision rules (电子监察) that raise alerts, with their names, the 五不 category each belongs
 * to, when each is evaluated and its default response deadline. One table: the desk's labels, filters,
 * counts and the settings panel come from here; the rules themselves are the pure functions beside it
 * (caseRules.ts, blockedRules.ts, sweepRules.ts).
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

/**
 * One rule: its code, names, 五不 category, severity, when it is evaluated ("command": after the case
 * commands that can break it, in their transaction; "blocked": when a guard refuses a command, recorded
 * in its own transaction; "sweep": by the periodic sweep) and the default response deadline in working days.
 */
export type AlertRuleInfo = {
  code: string;
  zh: string;
  en: string;
  category: AlertCategory;
  severity: "yellow" | "red";
  evaluated: "command" | "blocked" | "sweep";
  respondDays: number;
};

const rule = (
  code: string,
  zh: string,
  en: string,
  category: AlertCategory,
  severity: "yellow" | "red",
  evaluated: AlertRuleInfo["evaluated"],
  respondDays = severity === "red" ? 1 : 3,
): AlertRuleInfo => ({ code, zh, en, category, severity, evaluated, respondDays });

export const ALERT_RULES: readonly AlertRuleInfo[] = [
  rule(
    "clock_yellow",
    "办件临近时限（黄牌）",
    "Case near its due date (yellow card)",
    "时限",
    "yellow",
    "sweep",
    1,
  ),
  rule("clock_red", "办件超期（红牌）", "Case overdue (red card)", "时限", "red", "sweep"),
  rule("task_overdue", "审查任务超期", "Review task overdue", "时限", "red", "sweep"),
  rule("check_overdue", "受理审查超过时限", "Acceptance check past its limit", "时限", "red", "command"),
  rule(
    "correction_late",
    "未在收件后 5 个工作日内一次性告知补正",
    "Correction not requested within 5 working days of receipt",
    "一次性告知",
    "red",
    "command",
  ),
  rule(
    "correction_repeat_notice",
    "同一办件再次下发补正告知",
    "A second correction notice on the same case",
    "一次性告知",
    "red",
    "command",
  ),
  rule(
    "material_off_list",
    "要求清单以外的材料（已拦截）",
    "Material outside the item's list requested (blocked)",
    "一次性告知",
    "red",
    "blocked",
  ),
  rule(
    "refusal_without_basis",
    "不予受理未引用法律依据（已拦截）",
    "Refusal without a cited legal basis (blocked)",
    "不刁",
    "red",
    "blocked",
  ),
  rule("corrections_repeated", "反复要求补正", "Repeated correction rounds", "不刁", "yellow", "command"),
  rule("referral_idle", "转办长时间无进展", "Referral without progress", "不推", "yellow", "sweep"),
  rule("inquiry_unanswered", "咨询超过时限未答复", "Inquiry unanswered", "不推", "red", "sweep"),
  rule("task_idle", "审查任务长时间未处理", "Review task idle", "不敷", "yellow", "sweep"),
  rule(
    "denial_reason_short",
    "不予许可理由过于简单",
    "Denial with reasons below the minimum length",
    "不敷",
    "yellow",
    "command",
  ),
  rule(
    "ping_pong",
    "部门间反复退回",
    "Sent back between departments repeatedly",
    "不扯",
    "yellow",
    "command",
  ),
  rule(
    "extension_without_reason",
    "延期未说明理由",
    "Extension without a (sufficient) reason",
    "不拖",
    "yellow",
    "command",
  ),
  rule(
    "last_day_share",
    "末日办结占比过高",
    "Too many cases decided on their last day",
    "不拖",
    "yellow",
    "sweep",
    5,
  ),
  rule("deferred_overdue", "容缺材料逾期未补", "Deferred material overdue", "不拖", "red", "sweep"),
  rule(
    "partner_request_overdue",
    "协查请求逾期未复",
    "Partner request unanswered past due",
    "不拖",
    "red",
    "sweep",
  ),
  rule("rectification_overdue", "差评整改逾期", "Rectification overdue", "满意", "red", "sweep"),
  rule(
    "rectification_callback_overdue",
    "整改回访逾期",
    "Rectification callback overdue",
    "满意",
    "red",
    "sweep",
  ),
];

const BY_CODE = new Map(ALERT_RULES.map((r) => [r.code, r]));

/** The rule's names and category; an unknown code (a rule added later) keeps its code as its name. */
export function alertRuleInfo(code: string): AlertRuleInfo {
  return (
    BY_CODE.get(code) ?? {
      code,
      zh: code,
      en: code,
      category: "时限",
      severity: "yellow",
      evaluated: "sweep",
      respondDays: 3,
    }
  );
}

export const ALERT_STATUSES = ["open", "acknowledged", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The alert's status from its columns: closed once resolved, acknowledged once a supervisor saw it. */
export function alertStatus(a: { resolvedAt: Date | null; acknowledgedAt: Date | null }): AlertStatus {
  if (a.resolvedAt) return "closed";
  return a.acknowledgedAt ? "acknowledged" : "open";
}
