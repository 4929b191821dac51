import { and, asc, eq, gte, lt, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../../db/client";
import {
  adminAuditEntries,
  caseEvents,
  signingKeys,
  transparencyCheckpoints,
  transparencyLeaves,
  transparencyNodes,
} from "../../../db/schema";
import {
  type AdminAuditRow,
  adminAuditEntry,
  type CaseEventRow,
  caseEventEntry,
  chainHash,
  entryString,
} from "../entries";
import { logKeyOwner } from "../sequencer";
import { checkCheckpoint, type Finding, LogChecker, type LogKeyLike, type VerifyReport } from "./logChecker";

/** A case event's own link, recomputed from its entry: SHA-256(prevHash ‖ canonical JSON of the body). */
export function entryChainHash(e: Record<string, unknown>): string | null {
  const { prevHash, hash: _hash, ...body } = e;
  if (typeof prevHash !== "string" || !/^[0-9a-f]{64}$/.test(prevHash)) return null;
  return chainHash(prevHash, body);
}

export type DatabaseVerifyOptions = {
  /**
   * The log's public keys (as `getLogKeys` serves them); checkpoints signed by another key fail.
   * Default: the keys registered in the database for the log's owner (the bureau).
   */
  keys?: LogKeyLike[];
  /** The origin every note must name (the configured public URL); default: not checked. */
  origin?: string;
  /** Leaves read per query (default 5000). */
  batch?: number;
  progress?: (done: number, total: number, what: string) => void;
};

const LEVELS = 48;

/**
 * Verifies the transparency log against the database it lives in, in one pass over the leaves:
 * every entry is recomputed from its source row (case event or admin audit row, with the row's salt)
 * and must hash to the stored leaf hash; each case's hash chain is followed and every event's hash
 * recomputed; the tree is rebuilt from the stored leaf hashes, every stored perfect-subtree node must
 * equal the rebuilt one, and every archived checkpoint must carry the rebuilt root and a valid
 * signature. Then rows that are neither in the log nor waiting in the sequencer's queue (inserted
 * behind the application's back) are reported at the leaf where their case's logged events go on, or
 * at the end of the log. Findings come back in leaf order: `firstBad` is the first bad leaf.
 */
export async function verifyDatabaseLog(db: Db, options: DatabaseVerifyOptions): Promise<VerifyReport> {
  const batch = options.batch ?? 5000;
  const checkpoints = (
    await db.select().from(transparencyCheckpoints).orderBy(asc(transparencyCheckpoints.treeSize))
  ).map((c) => ({ ...c, timestamp: c.timestamp.toISOString() }));
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select coalesce(max(${transparencyLeaves.leafIndex}) + 1, 0)::int as total from ${transparencyLeaves}`,
  );

  // Stored nodes of the batch being read, compared as the rebuilt tree completes them.
  let storedNodes = new Map<string, string>();
  let nodesChecked = 0;
  const checker = new LogChecker(checkpoints, entryChainHash, (level, index, hash) => {
    const stored = storedNodes.get(`${level}:${index}`);
    nodesChecked++;
    if (stored !== hash.toString("hex")) {
      const first = index * 2 ** level;
      checker.note({
        code: "node",
        message: `stored tree node ${level}:${index} (leaves ${first}–${first + 2 ** level - 1}) ${stored === undefined ? "is missing" : "differs from the rebuilt one"}`,
        leafIndex: first,
      });
    }
  });
  const keys = options.keys ?? (await registeredLogKeys(db));
  for (const cp of checkpoints) for (const f of checkCheckpoint(cp, keys, options.origin)) checker.note(f);

  let rowsChecked = 0;
  for (let start = 0; start < total; start += batch) {
    const end = Math.min(start + batch, total);
    storedNodes = await nodesCompletedIn(db, start, end);
    const rows = await db
      .select({ leaf: transparencyLeaves, event: caseEvents, audit: adminAuditEntries })
      .from(transparencyLeaves)
      .leftJoin(
        caseEvents,
        and(eq(transparencyLeaves.kind, "case_event"), eq(caseEvents.id, transparencyLeaves.sourceId)),
      )
      .leftJoin(
        adminAuditEntries,
        and(
          eq(transparencyLeaves.kind, "admin_audit"),
          eq(adminAuditEntries.id, transparencyLeaves.sourceId),
        ),
      )
      .where(and(gte(transparencyLeaves.leafIndex, start), lt(transparencyLeaves.leafIndex, end)))
      .orderBy(asc(transparencyLeaves.leafIndex));
    for (const { leaf, event, audit } of rows) {
      const where = { kind: leaf.kind, sourceId: leaf.sourceId, caseId: event?.caseId, seq: event?.seq };
      let entry: string | null = null;
      try {
        if (event) entry = entryString(caseEventEntry(event as CaseEventRow));
        else if (audit) entry = entryString(adminAuditEntry(audit as AdminAuditRow));
      } catch (e) {
        // A row whose salt was removed cannot give its entry any more: it does not match.
        entry = `unreadable: ${(e as Error).message}`;
      }
      if (entry !== null) rowsChecked++;
      checker.addStored(leaf.leafIndex, leaf.leafHash, entry, where);
    }
    if (rows.length < end - start)
      checker.note({
        code: "leaf_gap",
        message: `leaves ${start}–${end - 1}: ${end - start - rows.length} leaf indexes are missing`,
        leafIndex:
          start + rows.findIndex((r, i) => r.leaf.leafIndex !== start + i) + (rows.length === 0 ? 1 : 0),
      });
    options.progress?.(end, total, "leaves");
  }

  for (const f of await unloggedRows(db, total)) checker.note(f);
  const pending = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from transparency_queue`);
  const report = checker.report();
  return {
    ...report,
    stats: { ...report.stats, rowsChecked, nodesChecked, pending: pending[0]?.n ?? 0 },
  };
}

/** The public keys registered in the database for the log's owner (active and retired). */
export async function registeredLogKeys(db: Db): Promise<LogKeyLike[]> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.orgCode, await logKeyOwner(db)));
  return rows.map((r) => ({ keyId: r.kid, algorithm: r.algorithm, publicKeyPem: r.publicKeyPem }));
}

/** The stored nodes (level ≥ 1) that leaves [start, end) complete, keyed "level:index". */
async function nodesCompletedIn(db: Db, start: number, end: number): Promise<Map<string, string>> {
  const ranges = [];
  for (let level = 1; level < LEVELS && 2 ** level <= end; level++) {
    const width = 2 ** level;
    // node (level, i) is completed by leaf (i+1)·width − 1, which lies in [start, end)
    const first = Math.ceil((start + 1) / width) - 1;
    const last = Math.floor(end / width) - 1;
    if (last >= first)
      ranges.push(
        and(
          eq(transparencyNodes.level, level),
          gte(transparencyNodes.index, first),
          lt(transparencyNodes.index, last + 1),
        ),
      );
  }
  const out = new Map<string, string>();
  if (ranges.length === 0) return out;
  for (const n of await db
    .select()
    .from(transparencyNodes)
    .where(or(...ranges)))
    out.set(`${n.level}:${n.index}`, n.hash);
  return out;
}

/**
 * Case events and audit rows that are neither leaves nor waiting in the sequencer's queue: written
 * behind the application's back (the application queues every row it writes in the same statement).
 * A case event is placed at the first leaf of a later event of its case, else at the end of the log.
 * Rows without a salt predate the log and are left out.
 */
async function unloggedRows(db: Db, treeSize: number): Promise<Finding[]> {
  const events = await queryRows<{ id: string; case_id: string; seq: number; next_leaf: number | null }>(
    db,
    sql`select e.id, e.case_id, e.seq,
          (select min(l2.leaf_index)::bigint from transparency_leaves l2
             join case_events e2 on e2.id = l2.source_id
            where e2.case_id = e.case_id and e2.seq >= e.seq and e2.id <> e.id) as next_leaf
        from case_events e
       where e.salt is not null
         and not exists (select 1 from transparency_leaves l where l.source_id = e.id)
         and not exists (select 1 from transparency_queue q where q.source_id = e.id)
       order by e.case_id, e.seq
       limit 1000`,
  );
  const audits = await queryRows<{ id: string }>(
    db,
    sql`select a.id from admin_audit_entries a
       where a.salt is not null
         and not exists (select 1 from transparency_leaves l where l.source_id = a.id)
         and not exists (select 1 from transparency_queue q where q.source_id = a.id)
       limit 1000`,
  );
  return [
    ...events.map((e) => ({
      code: "row_unlogged",
      message: `case ${e.case_id} seq ${e.seq}: event row ${e.id} is not in the log and was never queued (inserted after the fact?)`,
      leafIndex: e.next_leaf === null ? treeSize : Number(e.next_leaf),
      caseId: e.case_id,
      seq: Number(e.seq),
    })),
    ...audits.map((a) => ({
      code: "row_unlogged",
      message: `admin audit row ${a.id} is not in the log and was never queued (inserted after the fact?)`,
      leafIndex: treeSize,
    })),
  ];
}
