/**
 * Rows written before the transparency log existed (docs/transparency.md): at start-up, before the
 * server serves, each case whose events have no salt yet gets its whole history sealed into its chain
 * (salts, `prev_hash`, `hash`, the head on the case row) and queued; audit rows without a salt get one
 * and are queued. The append-only trigger allows exactly this one update of such a row (migration
 * `transparency_log`). Idempotent; a case that already has sealed events is left as it is. Part of the
 * runner: the only writer of `cases` and `case_events`.
 */
import { asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../../../db/client";
import { adminAuditEntries, caseEvents, cases, meta } from "../../../../db/schema";
import {
  type CaseEventRow,
  caseEventBody,
  chainHash,
  GENESIS_HASH,
  newSalt,
} from "../../../transparency/entries";
import { runWrites, transparencyQueueInsert } from "../../../transparency/queue";

/** Seals and queues what was written before the log; returns how many rows it sealed. */
export async function sealLegacyEntries(db: Db): Promise<number> {
  let sealed = 0;
  // A benchmark database filled by `yizhan demo bulk` keeps its millions of synthetic events outside the
  // log (ADR 0017d): sealing them one case at a time would hold the start for hours.
  const [bulk] = await db.select({ key: meta.key }).from(meta).where(eq(meta.key, "demo_bulk"));
  while (!bulk) {
    const ids = await queryRows<{ case_id: string }>(
      db,
      sql`select distinct e.case_id from case_events e where e.salt is null
          and not exists (select 1 from case_events s where s.case_id = e.case_id and s.salt is not null) limit 100`,
    );
    if (ids.length === 0) break;
    for (const { case_id: caseId } of ids) {
      sealed += await db.transaction(async (tx) => {
        await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
        const rows = (await tx
          .select()
          .from(caseEvents)
          .where(eq(caseEvents.caseId, caseId))
          .orderBy(asc(caseEvents.seq))) as CaseEventRow[];
        if (rows.some((r) => r.salt !== null)) return 0;
        let prev = GENESIS_HASH;
        for (const r of rows) {
          const salt = newSalt();
          const hash = chainHash(prev, caseEventBody({ ...r, salt }));
          await tx.update(caseEvents).set({ salt, prevHash: prev, hash }).where(eq(caseEvents.id, r.id));
          prev = hash;
        }
        await runWrites(tx, [
          transparencyQueueInsert(tx, "case_event", rows),
          tx
            .update(cases)
            .set({ eventSeq: rows[rows.length - 1]?.seq ?? 0, eventHead: rows.length ? prev : null })
            .where(eq(cases.id, caseId)),
        ]);
        return rows.length;
      });
    }
  }
  const audit = await db
    .select({ id: adminAuditEntries.id })
    .from(adminAuditEntries)
    .where(isNull(adminAuditEntries.salt));
  for (let i = 0; i < audit.length; i += 500) {
    const chunk = audit.slice(i, i + 500);
    await db.transaction(async (tx) => {
      for (const a of chunk)
        await tx.update(adminAuditEntries).set({ salt: newSalt() }).where(eq(adminAuditEntries.id, a.id));
      await runWrites(tx, [transparencyQueueInsert(tx, "admin_audit", chunk)]);
    });
    sealed += chunk.length;
  }
  return sealed;
}
