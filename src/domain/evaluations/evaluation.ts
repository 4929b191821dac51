import { isoToDay } from "../calendar/isoDate";
import type { WorkingCalendar } from "../calendar/workingCalendar";

/**
 * The national five levels of 好差评 (国务院办公厅关于建立政务服务“好差评”制度的意见, 国办发〔2019〕51号),
 * best first, stored as codes.
 */
export const LEVELS = ["very_satisfied", "satisfied", "basic", "dissatisfied", "very_dissatisfied"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, { "zh-CN": string; "en-US": string }> = {
  very_satisfied: { "zh-CN": "非常满意", "en-US": "Very satisfied" },
  satisfied: { "zh-CN": "满意", "en-US": "Satisfied" },
  basic: { "zh-CN": "基本满意", "en-US": "Fairly satisfied" },
  dissatisfied: { "zh-CN": "不满意", "en-US": "Dissatisfied" },
  very_dissatisfied: { "zh-CN": "非常不满意", "en-US": "Very dissatisfied" },
};

/** A bad rating (差评): the bottom two levels; it opens a rectification. */
export function isBad(level: Level): boolean {
  return level === "dissatisfied" || level === "very_dissatisfied";
}

/** Counts as satisfied for the published rate: 基本满意 or better. */
export function isSatisfied(level: Level): boolean {
  return !isBad(level);
}

/** Where the service was given: online (网上办事) or at the window (窗口服务). */
export type EvaluationChannel = "online" | "window";

/** The dimensions rated per channel (the first is the overall level). */
export const DIMENSIONS: Record<EvaluationChannel, readonly string[]> = {
  online: ["overall", "efficiency", "guide_accuracy", "convenience", "usability"],
  window: ["overall", "service_efficiency", "service_level", "attitude"],
};

export const DIMENSION_NAMES: Record<string, { "zh-CN": string; "en-US": string }> = {
  overall: { "zh-CN": "整体满意度", "en-US": "Overall satisfaction" },
  efficiency: { "zh-CN": "办事效率", "en-US": "Efficiency" },
  guide_accuracy: { "zh-CN": "办事指南准确度", "en-US": "Accuracy of the guide" },
  convenience: { "zh-CN": "办事便捷度", "en-US": "Convenience" },
  usability: { "zh-CN": "平台操作性", "en-US": "Ease of use of the platform" },
  service_efficiency: { "zh-CN": "服务效率", "en-US": "Service efficiency" },
  service_level: { "zh-CN": "服务水平", "en-US": "Service quality" },
  attitude: { "zh-CN": "服务态度", "en-US": "Attitude" },
};

/** The optional tags an applicant may add (a fixed list, so they carry no personal data). */
export const TAGS = [
  "fast",
  "one_visit",
  "clear_guide",
  "friendly",
  "slow",
  "too_many_materials",
  "unclear_guide",
  "long_wait",
  "unfriendly",
] as const;
export type Tag = (typeof TAGS)[number];

export const TAG_NAMES: Record<Tag, { "zh-CN": string; "en-US": string }> = {
  fast: { "zh-CN": "办理快", "en-US": "Fast" },
  one_visit: { "zh-CN": "最多跑一次", "en-US": "One visit" },
  clear_guide: { "zh-CN": "指南清楚", "en-US": "Clear guide" },
  friendly: { "zh-CN": "态度好", "en-US": "Friendly" },
  slow: { "zh-CN": "办理慢", "en-US": "Slow" },
  too_many_materials: { "zh-CN": "材料多", "en-US": "Too many materials" },
  unclear_guide: { "zh-CN": "指南不清", "en-US": "Unclear guide" },
  long_wait: { "zh-CN": "等待久", "en-US": "Long wait" },
  unfriendly: { "zh-CN": "态度差", "en-US": "Unfriendly" },
};

/** Days (natural) after the invitation during which a rating is accepted. */
export const RATING_WINDOW_DAYS = 30;
/** Working days after the invitation when the one reminder goes out. */
export const REMINDER_WORKING_DAYS = 3;
/** Defaults of the rectification clock (configurable per organization). */
export const DEFAULT_CALLBACK_WORKING_DAYS = 1;
export const DEFAULT_RECTIFY_WORKING_DAYS = 15;

/** The instant an invitation made at `at` closes (30 days later). */
export function invitationClosesAt(at: Date): Date {
  return new Date(at.getTime() + RATING_WINDOW_DAYS * 86_400_000);
}

/** The state of an invitation at `now`. */
export function invitationState(
  inv: { usedAt: Date | null; closesAt: Date },
  now: Date,
): "open" | "used" | "closed" {
  if (inv.usedAt) return "used";
  return now.getTime() >= inv.closesAt.getTime() ? "closed" : "open";
}

/**
 * Whether the one reminder is due on `today`: the invitation is open, not yet reminded, and
 * {@link REMINDER_WORKING_DAYS} working days have passed since it went out.
 */
export function reminderDue(
  cal: WorkingCalendar,
  inv: { invitedOn: string; remindedAt: Date | null; usedAt: Date | null; closesAt: Date },
  today: string,
  now: Date,
): boolean {
  if (inv.remindedAt || invitationState(inv, now) !== "open") return false;
  if (isoToDay(today) <= isoToDay(inv.invitedOn)) return false;
  return cal.workingDaysBetween(inv.invitedOn, today) >= REMINDER_WORKING_DAYS;
}

/** The due dates of a rectification opened on `today` (callback and rectification, in working days). */
export function rectificationDueDates(
  cal: WorkingCalendar,
  today: string,
  settings: { callbackWorkingDays: number; rectifyWorkingDays: number },
): { callbackDueOn: string; rectifyDueOn: string } {
  return {
    callbackDueOn: cal.addWorkingDays(today, settings.callbackWorkingDays),
    rectifyDueOn: cal.addWorkingDays(today, settings.rectifyWorkingDays),
  };
}

/** Satisfaction figures of a set of counted ratings. */
export type SatisfactionFigures = {
  ratings: number;
  satisfied: number;
  bad: number;
  /** Share of 基本满意 or better, 0–1 (null without ratings). */
  rate: number | null;
  byLevel: Record<Level, number>;
};

/** Counts ratings into the published figures (the caller leaves out ratings whose appeal was upheld). */
export function satisfactionFigures(levels: readonly Level[]): SatisfactionFigures {
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const l of levels) byLevel[l]++;
  const bad = byLevel.dissatisfied + byLevel.very_dissatisfied;
  const ratings = levels.length;
  return {
    ratings,
    satisfied: ratings - bad,
    bad,
    rate: ratings ? Math.round(((ratings - bad) / ratings) * 10_000) / 10_000 : null,
    byLevel,
  };
}
