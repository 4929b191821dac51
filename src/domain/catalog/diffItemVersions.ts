/**
 * Field-by-field comparison of two versions of a service item, for the version history screen and for
 * explaining to a case officer what changed between the version a case was filed under and today's.
 * Pure. Materials and review steps are matched by code (added / removed / changed with their fields).
 */
import type { TMaterial, TReviewStep, TServiceItemContent } from "../../shared/catalog.ts";

/** One changed field: its path and the two values (undefined when absent). */
export type TFieldChange = { field: string; before: unknown; after: unknown };

/** Changes of a list of coded entries (materials, review steps). */
export type TListDiff<T> = {
  added: T[];
  removed: T[];
  changed: { code: string; name: string; changes: TFieldChange[] }[];
};

export type TItemVersionDiff = {
  /** Changed fields other than materials and review steps, in content order. */
  fields: TFieldChange[];
  materials: TListDiff<TMaterial>;
  reviewSteps: TListDiff<TReviewStep>;
  /** True when nothing differs. */
  same: boolean;
};

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : val,
  );
}

/** True when two JSON values are equal (deep, key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function objectChanges(
  before: object,
  after: object,
  prefix = "",
  skip: ReadonlySet<string> = new Set(),
): TFieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k));
  return keys
    .filter((k) => !sameValue(b[k], a[k]))
    .map((k) => ({ field: `${prefix}${k}`, before: b[k], after: a[k] }));
}

function listDiff<T extends { code: string; name: string }>(
  before: readonly T[],
  after: readonly T[],
): TListDiff<T> {
  const old = new Map(before.map((x) => [x.code, x]));
  const next = new Map(after.map((x) => [x.code, x]));
  return {
    added: after.filter((x) => !old.has(x.code)),
    removed: before.filter((x) => !next.has(x.code)),
    changed: after
      .filter((x) => old.has(x.code) && !sameValue(old.get(x.code), x))
      .map((x) => ({ code: x.code, name: x.name, changes: objectChanges(old.get(x.code) as T, x) })),
  };
}

/** What changed from `before` to `after`: fields, materials and review steps. */
export function diffItemVersions(before: TServiceItemContent, after: TServiceItemContent): TItemVersionDiff {
  const fields = objectChanges(before, after, "", new Set(["materials", "reviewSteps"]));
  const materials = listDiff(before.materials, after.materials);
  const reviewSteps = listDiff(before.reviewSteps, after.reviewSteps);
  const empty = (d: TListDiff<unknown>) => d.added.length + d.removed.length + d.changed.length === 0;
  return {
    fields,
    materials,
    reviewSteps,
    same: fields.length === 0 && empty(materials) && empty(reviewSteps),
  };
}
