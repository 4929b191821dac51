/**
 * Rows written before the transparency log existed (docs/transparency.md): at start-up, before the
 * server serves, each case whose events have no salt yet gets its whole history sealed into its chain
 * (salts, `prev_hash`, `hash`, the head on the case row) and queued; audit rows without a salt get one
 * and are queued. The append-only trigger allows exactly this one update of such a row (migration
 * `transparency_log`). Idempotent; a case that already has sealed events is left as it is. Part of the
 * runner: the only writer of `cases` and `case_events`.
 *
 * Once a pass has left nothing to seal, `meta.legacy_sealed` records it and later starts read that one
 * row instead of scanning `case_events` and `admin_audit_entries` (neither has an index on `salt`): every
 * row written since goes through the runner, sealed. A database from before the log has no such row, so
 * its first start seals it. Rows written afterwards outside the runner stay outside the log — the bulk
 * history of `yizhan demo bulk` (ADR 0017d), generated after the server opened the database.
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

/** The `meta` key written once nothing from before the log is left to seal. */
export const LEGACY_SEALED_KEY = "legacy_sealed";

/**
 * Seals and queues what was written before the log; returns how many rows it sealed (0 at once when
 * `meta.legacy_sealed` says an earlier start left nothing).
 */
export async function sealLegacyEntries(db: Db): Promise<number> {
  const [done] = await db.select({ key: meta.key }).from(meta).where(eq(meta.key, LEGACY_SEALED_KEY));
  if (done) return 0;
  const sealed = (await sealLegacyCases(db)) + (await sealLegacyAudit(db));
  await db.insert(meta).values({ key: LEGACY_SEALED_KEY, value: { sealed } }).onConflictDoNothing();
  return sealed;
}

/** Seals each case whose events have no salt and none sealed yet; returns how many events it sealed. */
async function sealLegacyCases(db: Db): Promise<number> {
  let sealed = 0;
  for (;;) {
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
  return sealed;
}

/** Gives each audit row without a salt one and queues it; returns how many. */
async function sealLegacyAudit(db: Db): Promise<number> {
  let sealed = 0;
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
