import type { MessageKey } from "../../i18n/translate";

/** The dictionary key of a material's status (pending, provided, pass …). */
export const materialStatusKey = (s: string) => `material.status.${s}` as MessageKey;
/** The dictionary key of a material's source: 上传 / 共享数据 / 证照库. */
export const materialSourceKey = (s: string) => `material.source.${s}` as MessageKey;
/** The dictionary key of a review task's status. */
export const reviewStatusKey = (s: string) => `review.status.${s}` as MessageKey;
/** The dictionary key of a case status. */
export const caseStatusKey = (s: string) => `cases.status.${s}` as MessageKey;

export const MATERIAL_STATUS_COLOR: Record<string, string> = {
  pending: "default",
  provided: "processing",
  pass: "success",
  missing: "error",
  defective: "warning",
  deferred: "purple",
};

export const REVIEW_STATUS_COLOR: Record<string, string> = {
  waiting: "default",
  open: "processing",
  claimed: "blue",
  approved: "success",
  returned: "warning",
  cancelled: "default",
};

/** A byte count as people read it (KB, MB). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Times are shown in the office's zone (Asia/Shanghai) by the one helper shared with the server.
import { formatDate, formatDateTime, OFFICE_TIME_ZONE } from "../../../../src/shared/localTime";

export { formatDate, formatDateTime, OFFICE_TIME_ZONE };

/** Today's date in the office's time zone (YYYY-MM-DD): a date field's default, whatever the browser's zone. */
export function officeToday(now: Date = new Date()): string {
  return formatDate(now);
}
