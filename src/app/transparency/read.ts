/**
 * The public reads of the transparency log (docs/transparency.md): checkpoints, inclusion and consistency
 * proofs computed from the stored perfect subtrees (O(log n) node reads), entries as their canonical
 * JSON strings, and the keys that sign checkpoints. No login; nothing personal (entries.ts).
 */
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { signingKeys, transparencyCheckpoints, transparencyLeaves } from "../../db/schema";
import { type Bilingual, invalid, notFound } from "../../domain/errors";
import { consistencyPlan, hashRanges, inclusionPlan, nodesOf, toHex } from "../../domain/transparency/merkle";
import { keyStore, syncKeyRegistry } from "../certificates/keys";
import type { AppContext } from "../context";
import type { EntryKind } from "./entries";
import { logHasher } from "./entries";
import {
  type Checkpoint,
  entriesOf,
  logKeyOwner,
  logSize,
  nodeGetter,
  presentCheckpoint,
  readNodes,
} from "./sequencer";

/** At most this many entries per request. */
export const MAX_ENTRIES = 1000;
/** At most this many checkpoints per page. */
export const MAX_CHECKPOINTS = 100;

const CHECKPOINT: Bilingual = { "zh-CN": "透明日志检查点", "en-US": "Transparency log checkpoint" };

/** The newest checkpoint (404 before the sequencer's first run). */
export async function latestCheckpoint(ctx: AppContext): Promise<Checkpoint> {
  const [row] = await ctx.database.db
    .select()
    .from(transparencyCheckpoints)
    .orderBy(desc(transparencyCheckpoints.treeSize))
    .limit(1);
  if (!row) throw notFound(CHECKPOINT);
  return presentCheckpoint(row);
}

/** Archived checkpoints, newest first, those of a size below `beforeSize` when given. */
export async function listCheckpoints(
  ctx: AppContext,
  q: { beforeSize?: number; limit?: number },
): Promise<{ items: Checkpoint[] }> {
  const rows = await ctx.database.db
    .select()
    .from(transparencyCheckpoints)
    .where(q.beforeSize === undefined ? undefined : lt(transparencyCheckpoints.treeSize, q.beforeSize))
    .orderBy(desc(transparencyCheckpoints.treeSize))
    .limit(Math.min(q.limit ?? 20, MAX_CHECKPOINTS));
  return { items: rows.map(presentCheckpoint) };
}

/** The size a proof is asked for: given, else the latest checkpoint's; never past the log's end. */
async function proofSize(ex: Executor, field: string, asked: number | undefined): Promise<number> {
  const size = await logSize(ex);
  if (asked === undefined) {
    const [latest] = await ex
      .select({ n: transparencyCheckpoints.treeSize })
      .from(transparencyCheckpoints)
      .orderBy(desc(transparencyCheckpoints.treeSize))
      .limit(1);
    if (!latest) throw notFound(CHECKPOINT);
    return latest.n;
  }
  if (asked > size)
    throw invalid(field, "beyond_log", {
      "zh-CN": `日志目前只有 ${size} 条记录`,
      "en-US": `the log has ${size} entries so far`,
    });
  return asked;
}

/** The audit path of a leaf in the tree of `treeSize` leaves (RFC 6962 §2.1.1). */
export async function inclusionProof(
  ctx: AppContext,
  q: { leafIndex: number; treeSize?: number },
): Promise<{ leafIndex: number; treeSize: number; leafHash: string; auditPath: string[] }> {
  const ex = ctx.database.db;
  const treeSize = await proofSize(ex, "treeSize", q.treeSize);
  if (q.leafIndex >= treeSize)
    throw invalid("leafIndex", "beyond_tree", {
      "zh-CN": `叶子序号必须小于树的大小（${treeSize}）`,
      "en-US": `leafIndex must be smaller than the tree size (${treeSize})`,
    });
  const plan = inclusionPlan(q.leafIndex, treeSize);
  const nodes = await readNodes(ex, [...nodesOf(plan), { level: 0, index: q.leafIndex }]);
  const get = nodeGetter(nodes);
  return {
    leafIndex: q.leafIndex,
    treeSize,
    leafHash: toHex(get({ level: 0, index: q.leafIndex })),
    auditPath: hashRanges(logHasher, plan, get).map(toHex),
  };
}

/** The consistency proof between two tree sizes (RFC 6962 §2.1.2). */
export async function consistencyProof(
  ctx: AppContext,
  q: { first: number; second: number },
): Promise<{ first: number; second: number; proof: string[] }> {
  const ex = ctx.database.db;
  const second = await proofSize(ex, "second", q.second);
  if (q.first > second)
    throw invalid("first", "after_second", {
      "zh-CN": "first 不能大于 second",
      "en-US": "first must not exceed second",
    });
  const plan = consistencyPlan(q.first, second);
  const get = nodeGetter(await readNodes(ex, nodesOf(plan)));
  return { first: q.first, second, proof: hashRanges(logHasher, plan, get).map(toHex) };
}

/** Entries [start, end) of the log (at most {@link MAX_ENTRIES}), as the canonical JSON strings hashed. */
export async function logEntries(
  ctx: AppContext,
  q: { start: number; end: number },
): Promise<{ items: { leafIndex: number; kind: EntryKind; entry: string; leafHash: string }[] }> {
  if (q.end < q.start)
    throw invalid("end", "before_start", {
      "zh-CN": "end 不能小于 start",
      "en-US": "end must not be below start",
    });
  if (q.end - q.start > MAX_ENTRIES)
    throw invalid("end", "too_many", {
      "zh-CN": `一次最多 ${MAX_ENTRIES} 条`,
      "en-US": `at most ${MAX_ENTRIES} entries at a time`,
    });
  const ex = ctx.database.db;
  const leaves = await ex
    .select()
    .from(transparencyLeaves)
    .where(and(gte(transparencyLeaves.leafIndex, q.start), lt(transparencyLeaves.leafIndex, q.end)))
    .orderBy(asc(transparencyLeaves.leafIndex));
  const entries = await entriesOf(ex, leaves);
  return {
    items: leaves.map((l) => ({
      leafIndex: l.leafIndex,
      kind: l.kind as EntryKind,
      entry: entries.get(l.sourceId) ?? "",
      leafHash: l.leafHash,
    })),
  };
}

/** The public keys that sign the log's checkpoints (active and retired). */
export async function logKeys(
  ctx: AppContext,
): Promise<{ items: { keyId: string; algorithm: "Ed25519" | "SM2-SM3"; publicKeyPem: string }[] }> {
  const ex = ctx.database.db;
  await syncKeyRegistry(ex, keyStore(ctx.config.keysDir));
  const rows = await ex
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.orgCode, await logKeyOwner(ex)))
    .orderBy(asc(signingKeys.createdAt));
  return {
    items: rows.map((r) => ({
      keyId: r.kid,
      algorithm: r.algorithm as "Ed25519" | "SM2-SM3",
      publicKeyPem: r.publicKeyPem,
    })),
  };
}
