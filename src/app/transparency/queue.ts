import { type SQLWrapper, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { transparencyQueue } from "../../db/schema";
import type { EntryKind } from "./entries";

/**
 * The insert of new entries into the sequencer's queue, not yet run: the writer puts it in the same
 * statement as the entries themselves (a data-modifying CTE), so an entry and its queue row commit
 * together and no event row is ever updated.
 */
export function transparencyQueueInsert(tx: Executor, kind: EntryKind, rows: { id: string }[]) {
  return tx.insert(transparencyQueue).values(rows.map((r) => ({ kind, sourceId: r.id })));
}

/**
 * Runs writes that need no result as one statement (data-modifying CTEs: one round trip), e.g. entries
 * and their queue rows.
 */
export async function runWrites(ex: Executor, writes: SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as ${w}`);
  await ex.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
}
