import { and, eq, type SQLWrapper, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "../../../../db/client";
import { runQuery } from "../../../../db/prepared";
import { caseEvents, cases } from "../../../../db/schema";
import { writeStatement, writeText } from "../../../../db/writeStatement";
import { versionConflict } from "../../../../domain/errors";
import type { Actor } from "../../../actor";
import { type ChainHead, sealCaseEvents } from "../../../transparency/entries";
import { runWrites, transparencyQueueInsert } from "../../../transparency/queue";

export { runWrites } from "../../../transparency/queue";

import type { NewCaseEvent } from "../changeTypes";

export type { ChainHead } from "../../../transparency/entries";
export type { NewCaseEvent } from "../changeTypes";

/** The role an actor acted in (the first staff role, or applicant). */
export function actingRole(actor: Actor | null): string | null {
  if (!actor) return "system";
  return actor.memberships[0]?.role ?? null;
}

/**
 * The writes of new events of a case, not yet run: the event rows (one per change: actor, time, IP,
 * before and after), each sealed into the case's hash chain with its transparency-log salt
 * (docs/transparency.md), and their rows in the sequencer's queue. Sequence numbers and the chain
 * continue from the case row's head (`eventSeq`, `eventHead`): the caller holds the row's lock and
 * writes `head` back with the case, so nothing is read. Returns the writes and the new head.
 */
export function caseEventWrites(
  tx: Tx,
  c: { id: string } & ChainHead,
  actor: Actor | null,
  at: Date,
  events: NewCaseEvent[],
): { writes: SQLWrapper[]; head: ChainHead } {
  const sealed = sealCaseEvents(
    { eventSeq: c.eventSeq, eventHead: c.eventHead },
    events.map((e) => ({
      id: uuidv7(),
      caseId: c.id,
      type: e.type,
      actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? "系统",
      actorRole: actingRole(actor),
      at,
      ip: actor?.ip ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      data: e.data ?? {},
    })),
  );
  if (sealed.rows.length === 0) return { writes: [], head: sealed.head };
  return {
    writes: [
      tx.insert(caseEvents).values(sealed.rows),
      transparencyQueueInsert(tx, "case_event", sealed.rows),
    ],
    head: sealed.head,
  };
}

/** The first insert of a case row (a draft), returning the row. */
export function caseInsert(tx: Tx, values: typeof cases.$inferInsert) {
  return tx.insert(cases).values(values).returning();
}

/**
 * Writes columns of a case without advancing its version (facts kept beside the case that no screen's
 * expected version covers: the bundle it was filed in, the draft reminder sent).
 */
export async function writeCaseColumns(
  tx: Tx,
  caseId: string,
  values: Partial<typeof cases.$inferInsert>,
  writes: SQLWrapper[] = [],
): Promise<void> {
  const update = Object.keys(values).length ? [tx.update(cases).set(values).where(eq(cases.id, caseId))] : [];
  await runWrites(tx, [...writes, ...update]);
}

/**
 * Writes a case with an optimistic version check: the update applies only if nobody changed the
 * case since `expectedVersion` was read; otherwise 409 `version_conflict` and nothing is written.
 * `writes` (inserts and updates of other rows that need no result: the event row, notices, review
 * tasks, outbox messages) go in the same statement as data-modifying CTEs, so a command's writes cost
 * one round trip; on a conflict the caller's transaction rolls them back with the rest.
 */
export async function saveCase(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  values: Partial<typeof cases.$inferInsert>,
  now: Date,
  writes: SQLWrapper[] = [],
): Promise<number> {
  const update = tx
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(and(eq(cases.id, caseId), eq(cases.version, expectedVersion)))
    .returning({ version: cases.version });
  // Built as text directly where it is plain (ADR 0017g): Drizzle would walk every value of it.
  const res = await runQuery<{ version: number }>(
    tx,
    writes.length === 0 ? writeText(update) : writeStatement(writes, update, "select version from saved"),
  );
  if (res.length === 0) {
    const [cur] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    throw versionConflict(expectedVersion, cur?.version ?? -1);
  }
  return res[0].version;
}
