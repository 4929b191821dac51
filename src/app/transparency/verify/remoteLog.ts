import { createHash } from "node:crypto";
import {
  fromHex,
  merkleHasher,
  verifyConsistency,
  verifyInclusion,
} from "../../../domain/transparency/merkle";
import { entryLeafHash } from "./compactRange";
import {
  type ChainHashFn,
  type CheckpointLike,
  checkCheckpoint,
  type Finding,
  LogChecker,
  type LogKeyLike,
  type VerifyReport,
} from "./logChecker";

const hasher = merkleHasher((...parts) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
});

/** A checkpoint a verifier saw before (its state file): the log must still extend it. */
export type KnownCheckpoint = { treeSize: number; rootHash: string };

export type RemoteVerifyOptions = {
  /** The server's base URL (`https://yizhan.example.gov.cn`); the API is under `/api/transparency`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** How many inclusion proofs to fetch and check against the latest checkpoint (default 16). */
  sample?: number;
  /** The origin every note must name; default: not checked (printed). */
  origin?: string;
  /** A checkpoint from an earlier run: the latest tree must be consistent with it. */
  known?: KnownCheckpoint;
  chainHash?: ChainHashFn;
  progress?: (done: number, total: number, what: string) => void;
  /** Seeded choice of the sampled leaves (tests); default Math.random. */
  random?: () => number;
};

export type RemoteVerifyReport = VerifyReport & { latest?: CheckpointLike; origin?: string };

type Page<T> = { items: T[] };
type EntryItem = { leafIndex: number; kind: string; entry: string; leafHash: string };
type InclusionProof = { leafIndex: number; treeSize: number; leafHash: string; auditPath: string[] };
type ConsistencyProof = { first: number; second: number; proof: string[] };

/** A failed request: the verifier reports it instead of guessing. */
export class RemoteLogError extends Error {}

function client(baseUrl: string, doFetch: typeof fetch) {
  const root = baseUrl.replace(/\/+$/, "");
  return async function get<T>(path: string, params: Record<string, number | undefined> = {}): Promise<T> {
    const qs = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const url = `${root}/api/transparency/${path}${qs ? `?${qs}` : ""}`;
    for (let attempt = 0; ; attempt++) {
      const res = await doFetch(url, { headers: { accept: "application/json" } });
      if (res.status === 429 && attempt < 20) {
        // Public operations are rate limited: wait as told (at most 60 s) and ask again.
        const wait = Math.min(Number(res.headers.get("retry-after") ?? "1") || 1, 60);
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      if (!res.ok)
        throw new RemoteLogError(`GET ${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
      return (await res.json()) as T;
    }
  };
}

/** Every archived checkpoint, oldest first (the list is served newest first, 100 a page). */
async function allCheckpoints(get: ReturnType<typeof client>): Promise<CheckpointLike[]> {
  const out: CheckpointLike[] = [];
  let beforeSize: number | undefined;
  for (;;) {
    const page = await get<Page<CheckpointLike>>("checkpoints", { beforeSize, limit: 100 });
    const fresh = page.items.filter((c) => beforeSize === undefined || c.treeSize < beforeSize);
    if (fresh.length === 0) break;
    out.push(...fresh);
    beforeSize = Math.min(...fresh.map((c) => c.treeSize));
    if (beforeSize <= 0) break;
  }
  return out.reverse();
}

function pickSample(treeSize: number, count: number, random: () => number): number[] {
  if (treeSize === 0) return [];
  const picked = new Set([0, treeSize - 1]);
  while (picked.size < Math.min(count, treeSize)) picked.add(Math.floor(random() * treeSize));
  return [...picked].sort((a, b) => a - b);
}

/**
 * Verifies a remote log through its public operations only, without database access: the published
 * keys verify every archived checkpoint's signature and note; all entries are fetched and the tree is
 * recomputed from them (each leaf hash, each case's hash chain, the root at every archived size and the
 * latest); consecutive archived checkpoints are linked by consistency proofs (and the latest by one to a
 * checkpoint seen before, `known`), and a sample of inclusion proofs is checked against the latest root.
 */
export async function verifyRemoteLog(options: RemoteVerifyOptions): Promise<RemoteVerifyReport> {
  const get = client(options.baseUrl, options.fetch ?? fetch);
  const keys = (await get<Page<LogKeyLike>>("keys")).items;
  const latest = await get<CheckpointLike>("checkpoints/latest");
  const archived = await allCheckpoints(get);
  const bySize = new Map<number, CheckpointLike>();
  for (const cp of [...archived, latest]) if (!bySize.has(cp.treeSize)) bySize.set(cp.treeSize, cp);
  const checkpoints = [...bySize.values()].sort((a, b) => a.treeSize - b.treeSize);

  const checker = new LogChecker(checkpoints, options.chainHash);
  for (const cp of [...archived, latest])
    for (const f of checkCheckpoint(cp, keys, options.origin)) checker.note(f);
  for (const cp of archived)
    if (cp.treeSize === latest.treeSize && cp.rootHash !== latest.rootHash)
      checker.note({
        code: "checkpoint_fork",
        message: `two signed roots for tree size ${cp.treeSize}: ${cp.rootHash} and ${latest.rootHash}`,
        treeSize: cp.treeSize,
      });

  // Entries, in pages of at most 1000, checked as they arrive.
  const sample = pickSample(latest.treeSize, options.sample ?? 16, options.random ?? Math.random);
  const sampled = new Map<number, string>();
  for (let start = 0; start < latest.treeSize; ) {
    const end = Math.min(start + 1000, latest.treeSize);
    const page = await get<Page<EntryItem>>("entries", { start, end });
    if (page.items.length === 0) {
      checker.note({
        code: "entries_missing",
        message: `the log serves no entry at ${start}`,
        leafIndex: start,
      });
      break;
    }
    for (const item of page.items) {
      checker.add(item.leafIndex, item.entry, item.leafHash, item.kind);
      if (sample.includes(item.leafIndex))
        sampled.set(item.leafIndex, entryLeafHash(item.entry).toString("hex"));
    }
    start += page.items.length;
    options.progress?.(start, latest.treeSize, "entries");
  }

  // Consistency between successive archived sizes (and from a checkpoint seen before).
  const links: [KnownCheckpoint, KnownCheckpoint][] = [];
  for (let i = 1; i < checkpoints.length; i++)
    links.push([checkpoints[i - 1] as CheckpointLike, checkpoints[i] as CheckpointLike]);
  if (options.known && options.known.treeSize <= latest.treeSize) links.push([options.known, latest]);
  else if (options.known)
    checker.note({
      code: "consistency",
      message: `the latest tree (${latest.treeSize}) is smaller than the one seen before (${options.known.treeSize})`,
      treeSize: options.known.treeSize,
    });
  let consistencyChecked = 0;
  for (const [a, b] of links) {
    if (a.treeSize === 0) continue;
    const p = await get<ConsistencyProof>("proofs/consistency", { first: a.treeSize, second: b.treeSize });
    const ok =
      p.first === a.treeSize &&
      p.second === b.treeSize &&
      verifyConsistency(
        hasher,
        a.treeSize,
        b.treeSize,
        p.proof.map(fromHex),
        fromHex(a.rootHash),
        fromHex(b.rootHash),
      );
    consistencyChecked++;
    if (!ok)
      checker.note({
        code: "consistency",
        message: `no valid consistency proof from tree size ${a.treeSize} (root ${a.rootHash}) to ${b.treeSize} (root ${b.rootHash}): the log has rewritten its history`,
        treeSize: a.treeSize,
      });
    options.progress?.(consistencyChecked, links.length, "consistency proofs");
  }

  // A sample of inclusion proofs against the latest root.
  for (const leafIndex of sample) {
    const p = await get<InclusionProof>("proofs/inclusion", { leafIndex, treeSize: latest.treeSize });
    const own = sampled.get(leafIndex);
    const ok =
      p.leafIndex === leafIndex &&
      p.treeSize === latest.treeSize &&
      own === p.leafHash &&
      verifyInclusion(
        hasher,
        fromHex(p.leafHash),
        leafIndex,
        latest.treeSize,
        p.auditPath.map(fromHex),
        fromHex(latest.rootHash),
      );
    if (!ok)
      checker.note({
        code: "inclusion",
        message: `leaf ${leafIndex}: the inclusion proof does not lead to the latest root`,
        leafIndex,
      });
  }

  const report = checker.report();
  const origin = latest.note.split("\n")[1];
  return {
    ...report,
    latest,
    origin,
    stats: {
      ...report.stats,
      keys: keys.length,
      checkpoints: checkpoints.length,
      consistencyProofs: consistencyChecked,
      inclusionProofs: sample.length,
    },
  };
}

/** One line per finding, first bad leaf first. */
export function describeFindings(findings: Finding[], limit = 20): string[] {
  const lines = findings.slice(0, limit).map((f) => `  ${f.code}: ${f.message}`);
  if (findings.length > limit) lines.push(`  … and ${findings.length - limit} more`);
  return lines;
}
