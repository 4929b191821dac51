/** Material check statuses at the window (一次性告知 checklist). */
export const MATERIAL_STATUSES = ["pending", "provided", "pass", "missing", "defective", "deferred"] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** Statuses of a review task; `cancelled` ends a task that will never be done (the case was withdrawn). */
export const REVIEW_TASK_STATUSES = [
  "waiting",
  "open",
  "claimed",
  "approved",
  "returned",
  "cancelled",
] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];

/** How an application came in: online (网上申请) or at the window (窗口申请). */
export const CASE_CHANNELS = ["online", "window"] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** 即办件 (finished on the spot) or 承诺件 (promised within a limit of working days). */
export const HANDLING_TYPES = ["immediate", "promised"] as const;
export type HandlingType = (typeof HANDLING_TYPES)[number];

/** How a case's review tasks run: all at once (并联) or one after the other. */
export const REVIEW_MODES = ["parallel", "sequential"] as const;

/** Severity of a supervision alert (监察预警): yellow near the limit, red past it. */
export const ALERT_SEVERITIES = ["yellow", "red"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
