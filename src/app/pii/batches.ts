import { and, gt, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { PII_PREFIX } from "../../adapters/pii/keyring";
import { PII_FORM_FIELD_SQL } from "../../domain/rules/personalFields";

/**
 * What a rewrite of personal data at rest does: encrypt values still in plaintext (the start-up step
 * after upgrading), re-encrypt every value not under the active key (`yizhan pii rotate`), or recompute
 * every keyed hash under the active hash key (`yizhan pii rotate --hash-key`).
 */
export type RewriteTarget = { kind: "plaintext" } | { kind: "not-under"; kid: string } | { kind: "hashes" };

/** The LIKE pattern of the values that need no rewrite. */
export const donePattern = (t: RewriteTarget) =>
  t.kind === "not-under" ? `${PII_PREFIX}${t.kid}:%` : `${PII_PREFIX}%`;

/** A text column holding a value that needs rewriting. */
export const staleText = (col: AnyPgColumn, t: RewriteTarget): SQL =>
  sql`(${col} is not null and ${col} not like ${donePattern(t)})`;

/** A field of a JSON value holding a value that needs rewriting (empty strings are stored as they are). */
export const staleField = (json: SQLWrapper, field: string, t: RewriteTarget): SQL =>
  sql`(coalesce(${json}->>${field}, '') <> '' and ${json}->>${field} not like ${donePattern(t)})`;

/** A JSON object with a field named like a phone or ID number (PII_FORM_FIELD) that needs rewriting. */
export const staleFormField = (json: SQLWrapper, t: RewriteTarget): SQL =>
  sql`exists (select 1 from jsonb_each(case when jsonb_typeof(${json}) = 'object' then ${json} else '{}'::jsonb end) f
    where f.key ~* ${PII_FORM_FIELD_SQL} and jsonb_typeof(f.value) = 'string'
      and (f.value #>> '{}') <> '' and (f.value #>> '{}') not like ${donePattern(t)})`;

/**
 * The rows a rewrite visits. For encryption, those holding a stale value (a rewritten row is no longer
 * stale, so each batch takes the next ones). For hashes, which SQL cannot tell stale, every row holding
 * a hash, walked in key order: `after` moves past each batch.
 */
export function rewriteScope(
  t: RewriteTarget,
  stale: SQL | undefined,
  hashed: SQL | undefined,
  key: AnyPgColumn,
) {
  let after: string | null = null;
  return {
    where: (): SQL | undefined =>
      t.kind === "hashes" ? (after === null ? hashed : and(hashed, gt(key, after))) : stale,
    /** Records the last key of a batch (hashes: the next batch starts after it). */
    passed(last: string | undefined) {
      if (last !== undefined) after = last;
    },
  };
}

export type RewriteProgress = (table: string, done: number, total: number) => void;

/**
 * Rewrites the rows of `table` that `count` finds, `batch` at a time (each batch one transaction that
 * locks its rows), until none is left; reports progress. `batch` returns how many rows it rewrote.
 */
export async function rewriteInBatches(
  table: string,
  count: () => Promise<number>,
  batch: (limit: number) => Promise<number>,
  onProgress?: RewriteProgress,
): Promise<number> {
  const total = await count();
  let done = 0;
  onProgress?.(table, 0, total);
  while (total > 0) {
    const n = await batch(200);
    if (n === 0) break;
    done += n;
    onProgress?.(table, Math.min(done, total), total);
  }
  return done;
}
