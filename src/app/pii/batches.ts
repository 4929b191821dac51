import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { PII_PREFIX } from "../../adapters/pii/keyring";

/**
 * What a rewrite of personal data at rest re-encrypts: values still in plaintext (the start-up step
 * after upgrading), or every value not under the active key (`yizhan pii rotate`).
 */
export type RewriteTarget = { kind: "plaintext" } | { kind: "not-under"; kid: string };

/** The LIKE pattern of the values that need no rewrite. */
export const donePattern = (t: RewriteTarget) =>
  t.kind === "plaintext" ? `${PII_PREFIX}%` : `${PII_PREFIX}${t.kid}:%`;

/** A text column holding a value that needs rewriting. */
export const staleText = (col: AnyPgColumn, t: RewriteTarget): SQL =>
  sql`(${col} is not null and ${col} not like ${donePattern(t)})`;

/** A field of a JSON column holding a value that needs rewriting (empty strings are stored as they are). */
export const staleField = (col: AnyPgColumn, field: string, t: RewriteTarget): SQL =>
  sql`(coalesce(${col}->>${field}, '') <> '' and ${col}->>${field} not like ${donePattern(t)})`;

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
