/**
 * The sequencer of the transparency log (docs/transparency.md): takes the entries queued since the last
 * run (in queue order, i.e. commit order per case), gives them leaf indexes, stores their leaf hashes and
 * the perfect subtrees they complete, and publishes a signed checkpoint — all in one transaction, under a
 * transaction-level advisory lock, so at most one server integrates at a time and the writers of events
 * never wait for it (no global row is locked in their transactions).
 */
import { asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { signBytes } from "../../adapters/signing";
import { type Executor, queryRows, type Tx } from "../../db/client";
import {
  adminAuditEntries,
  caseEvents,
  organizations,
  transparencyCheckpoints,
  transparencyLeaves,
  transparencyNodes,
  transparencyQueue,
} from "../../db/schema";
import {
  completedNodes,
  foldPieces,
  fromHex,
  type NodeRef,
  perfectPieces,
  toHex,
} from "../../domain/transparency/merkle";
import { activeSigningKey } from "../certificates/keys";
import type { AppContext } from "../context";
import {
  type AdminAuditRow,
  adminAuditEntry,
  type CaseEventRow,
  caseEventEntry,
  type EntryKind,
  entryString,
  leafHashOf,
  logHasher,
} from "./entries";

/** The advisory lock key of the sequencer (one integration at a time across every server). */
const SEQUENCER_LOCK = 0x7a686e74; // "zhnt"
/** The first line of every checkpoint's note. */
export const CHECKPOINT_FORMAT = "yizhan-transparency/v1";
/** Entries integrated per transaction at most. */
export const DEFAULT_BATCH = 5_000;
/** Rows per insert statement (bind parameters stay far below PostgreSQL's limit). */
const CHUNK = 1_000;

/** A checkpoint as published. */
export type Checkpoint = {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  algorithm: "Ed25519" | "SM2-SM3";
  note: string;
  signature: string;
};

/** What one integration did. */
export type IntegrationResult = {
  /** Another server held the sequencer's lock: nothing done. */
  skipped: boolean;
  integrated: number;
  treeSize: number;
  checkpoint: Checkpoint | null;
};

/** The note a checkpoint signs: format, origin (the public URL), size, root, time, each on its line. */
export function checkpointNote(
  origin: string,
  treeSize: number,
  rootHash: string,
  timestamp: string,
): string {
  return `${CHECKPOINT_FORMAT}\n${origin}\n${treeSize}\n${rootHash}\n${timestamp}\n`;
}

/** A checkpoint row as published. */
export function presentCheckpoint(row: typeof transparencyCheckpoints.$inferSelect): Checkpoint {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    timestamp: row.timestamp.toISOString(),
    keyId: row.keyId,
    algorithm: row.algorithm as Checkpoint["algorithm"],
    note: row.note,
    signature: row.signature,
  };
}

/**
 * Whose key signs the checkpoints: the top organization of the deployment (the bureau: the first root of
 * the organization tree), or `YIZHAN-LOG` on a database without organizations.
 */
export async function logKeyOwner(ex: Executor): Promise<string> {
  const [root] = await ex
    .select({ code: organizations.code })
    .from(organizations)
    .where(isNull(organizations.parentId))
    .orderBy(asc(organizations.path))
    .limit(1);
  return root?.code ?? "YIZHAN-LOG";
}

/** The size of the log: the number of integrated leaves. */
export async function logSize(ex: Executor): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    ex,
    sql`select coalesce(max(${transparencyLeaves.leafIndex}) + 1, 0) as n from ${transparencyLeaves}`,
  );
  return Number(row?.n ?? 0);
}

/** Hashes of stored perfect subtrees (level 0: leaves), keyed `level:index`. */
export async function readNodes(ex: Executor, refs: NodeRef[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const leaves = refs.filter((r) => r.level === 0).map((r) => r.index);
  const inner = refs.filter((r) => r.level > 0);
  if (leaves.length) {
    const rows = await ex
      .select({ i: transparencyLeaves.leafIndex, h: transparencyLeaves.leafHash })
      .from(transparencyLeaves)
      .where(inArray(transparencyLeaves.leafIndex, leaves));
    for (const r of rows) out.set(`0:${r.i}`, fromHex(r.h));
  }
  if (inner.length) {
    const pairs = sql.join(
      inner.map((r) => sql`(${r.level}::smallint, ${r.index}::bigint)`),
      sql`, `,
    );
    const rows = await queryRows<{ level: number; idx: string | number; hash: string }>(
      ex,
      sql`select level, idx, hash from ${transparencyNodes} where (level, idx) in (${pairs})`,
    );
    for (const r of rows) out.set(`${r.level}:${Number(r.idx)}`, fromHex(r.hash));
  }
  return out;
}

/** A getter over {@link readNodes}' result that throws on a node the store does not have. */
export function nodeGetter(nodes: Map<string, Uint8Array>) {
  return (r: NodeRef): Uint8Array => {
    const v = nodes.get(`${r.level}:${r.index}`);
    if (!v) throw new Error(`transparency log: node ${r.level}:${r.index} is missing`);
    return v;
  };
}

/** The entry strings of source rows, by source id (the one derivation of entries.ts). */
export async function entriesOf(
  ex: Executor,
  sources: { kind: string; sourceId: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const caseIds = sources.filter((s) => s.kind === "case_event").map((s) => s.sourceId);
  const auditIds = sources.filter((s) => s.kind === "admin_audit").map((s) => s.sourceId);
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await ex
      .select()
      .from(caseEvents)
      .where(inArray(caseEvents.id, caseIds.slice(i, i + CHUNK)));
    for (const r of rows) out.set(r.id, entryString(caseEventEntry(r as CaseEventRow)));
  }
  for (let i = 0; i < auditIds.length; i += CHUNK) {
    const rows = await ex
      .select()
      .from(adminAuditEntries)
      .where(inArray(adminAuditEntries.id, auditIds.slice(i, i + CHUNK)));
    for (const r of rows) out.set(r.id, entryString(adminAuditEntry(r as AdminAuditRow)));
  }
  return out;
}

async function signCheckpoint(
  tx: Tx,
  ctx: AppContext,
  treeSize: number,
  root: Uint8Array,
): Promise<Checkpoint> {
  const now = ctx.clock.now();
  const key = await activeSigningKey(tx, await logKeyOwner(tx), now, ctx.config.keysDir);
  const timestamp = now.toISOString();
  const rootHash = toHex(root);
  const note = checkpointNote(ctx.config.publicUrl, treeSize, rootHash, timestamp);
  const signature = signBytes(key.algorithm, key.privateKeyPem, Buffer.from(note, "utf8")).toString("base64");
  const row = {
    treeSize,
    rootHash,
    timestamp: now,
    keyId: key.kid,
    algorithm: key.algorithm,
    note,
    signature,
  };
  await tx.insert(transparencyCheckpoints).values(row);
  return presentCheckpoint(row);
}

/**
 * Integrates the queued entries (at most `batchSize`, in queue order) and publishes a checkpoint of the
 * new tree; on an empty log with nothing queued, publishes the empty tree's checkpoint once. Returns
 * `skipped` when another server is integrating. Tests call it to force integration.
 */
export async function integrateTransparencyLog(
  ctx: AppContext,
  opts: { batchSize?: number } = {},
): Promise<IntegrationResult> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  return ctx.database.db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as ok`,
    );
    if (!lock?.ok) return { skipped: true, integrated: 0, treeSize: -1, checkpoint: null };
    const size = await logSize(tx);
    const queued = await tx
      .select()
      .from(transparencyQueue)
      .orderBy(asc(transparencyQueue.id))
      .limit(batchSize);
    if (queued.length === 0) {
      const [latest] = await tx
        .select({ n: transparencyCheckpoints.treeSize })
        .from(transparencyCheckpoints)
        .orderBy(desc(transparencyCheckpoints.treeSize))
        .limit(1);
      if (latest) return { skipped: false, integrated: 0, treeSize: size, checkpoint: null };
      const checkpoint = await signCheckpoint(
        tx,
        ctx,
        size,
        size === 0 ? logHasher.emptyRoot() : await rootOf(tx, size),
      );
      return { skipped: false, integrated: 0, treeSize: size, checkpoint };
    }
    const entries = await entriesOf(tx, queued);
    const now = ctx.clock.now();
    const leaves: (typeof transparencyLeaves.$inferInsert)[] = [];
    for (const q of queued) {
      const entry = entries.get(q.sourceId);
      // A queued row whose source is gone cannot happen (both commit together); it is dropped, not logged.
      if (entry === undefined) continue;
      leaves.push({
        leafIndex: size + leaves.length,
        kind: q.kind as EntryKind,
        sourceId: q.sourceId,
        leafHash: leafHashOf(entry),
        integratedAt: now,
      });
    }
    for (let i = 0; i < leaves.length; i += CHUNK)
      await tx.insert(transparencyLeaves).values(leaves.slice(i, i + CHUNK));
    // The perfect subtrees completed by the new leaves, from the old tree's frontier and the new leaves.
    const known = await readNodes(tx, perfectPieces(0, size));
    for (const l of leaves) known.set(`0:${l.leafIndex}`, fromHex(l.leafHash));
    const get = nodeGetter(known);
    const newSize = size + leaves.length;
    const nodes: (typeof transparencyNodes.$inferInsert)[] = [];
    for (const n of completedNodes(size, newSize)) {
      const h = logHasher.nodeHash(
        get({ level: n.level - 1, index: 2 * n.index }),
        get({ level: n.level - 1, index: 2 * n.index + 1 }),
      );
      known.set(`${n.level}:${n.index}`, h);
      nodes.push({ level: n.level, index: n.index, hash: toHex(h) });
    }
    for (let i = 0; i < nodes.length; i += CHUNK)
      await tx.insert(transparencyNodes).values(nodes.slice(i, i + CHUNK));
    await tx.delete(transparencyQueue).where(
      inArray(
        transparencyQueue.id,
        queued.map((q) => q.id),
      ),
    );
    const root = foldPieces(logHasher, perfectPieces(0, newSize).map(get));
    const checkpoint = await signCheckpoint(tx, ctx, newSize, root);
    return { skipped: false, integrated: leaves.length, treeSize: newSize, checkpoint };
  });
}

/** The root hash of the first `size` leaves, from the stored perfect subtrees. */
export async function rootOf(ex: Executor, size: number): Promise<Uint8Array> {
  if (size === 0) return logHasher.emptyRoot();
  const pieces = perfectPieces(0, size);
  const get = nodeGetter(await readNodes(ex, pieces));
  return foldPieces(logHasher, pieces.map(get));
}

/** The source of a leaf (its kind and row id), or undefined past the end of the log. */
export async function leafSource(ex: Executor, leafIndex: number) {
  const [row] = await ex.select().from(transparencyLeaves).where(eq(transparencyLeaves.leafIndex, leafIndex));
  return row;
}
