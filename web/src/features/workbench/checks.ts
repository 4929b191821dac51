import type { CaseDetail, CaseMaterial } from "../cases/types";
import type { ItemMaterial } from "./api";

/** The clerk's verdict on one material; `na` = an optional material that does not apply (not sent). */
export type Verdict = "pass" | "missing" | "defective" | "na";
export type Row = { verdict: Verdict | null; note: string };
export type Checks = Record<string, Row>;

/** A material already passed in an earlier round cannot be checked again (不刁: no second notice). */
export function isLocked(m: CaseMaterial): boolean {
  return m.status === "pass" || m.status === "deferred" || m.passedRound !== null;
}

/** The first verdict offered for each material: what was decided before, else a sensible default. */
export function initialChecks(c: CaseDetail): Checks {
  const out: Checks = {};
  for (const m of c.materials) {
    let verdict: Verdict | null = null;
    if (m.status === "pass" || m.status === "deferred") verdict = "pass";
    else if (m.status === "missing" || m.status === "defective") verdict = m.status;
    else if (m.source !== "upload" || m.files.length > 0) verdict = "pass";
    else verdict = m.required ? "missing" : "na";
    const failed = m.status === "missing" || m.status === "defective";
    out[m.code] = { verdict, note: failed ? (m.note ?? "") : "" };
  }
  return out;
}

/** The body of POST /material-checks: every row still open to checking with a verdict. */
export function checkBody(c: CaseDetail, checks: Checks) {
  return c.materials
    .filter((m) => !isLocked(m))
    .flatMap((m) => {
      const r = checks[m.code];
      if (!r?.verdict || r.verdict === "na") return [];
      return [{ materialCode: m.code, status: r.verdict, ...(r.note.trim() ? { note: r.note.trim() } : {}) }];
    });
}

/** The failed rows, from which alone the one-time correction notice is built. */
export function failedRows(c: CaseDetail, checks: Checks) {
  return c.materials
    .filter((m) => !isLocked(m))
    .flatMap((m) => {
      const r = checks[m.code];
      if (r?.verdict !== "missing" && r?.verdict !== "defective") return [];
      return [{ material: m, problem: r.verdict, note: r.note.trim() }];
    });
}

/** Missing materials the item lets the window defer (容缺: not key, `mayBeDeferred`). */
export function deferrable(c: CaseDetail, checks: Checks, list: ItemMaterial[]) {
  const rule = new Map(list.map((m) => [m.code, m]));
  return failedRows(c, checks).filter(
    (f) =>
      f.problem === "missing" && rule.get(f.material.code)?.mayBeDeferred && !rule.get(f.material.code)?.key,
  );
}

/** Whether the case can be accepted now: nothing defective, every missing material deferrable. */
export function acceptable(c: CaseDetail, checks: Checks, list: ItemMaterial[]): boolean {
  const failed = failedRows(c, checks);
  const canDefer = new Set(deferrable(c, checks, list).map((f) => f.material.code));
  const unchecked = c.materials.some((m) => !isLocked(m) && m.required && !checks[m.code]?.verdict);
  return !unchecked && failed.every((f) => canDefer.has(f.material.code));
}
