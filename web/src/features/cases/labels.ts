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
};

/** A byte count as people read it (KB, MB). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A timestamp in local time, minutes precision (2026-11-26 09:30). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
