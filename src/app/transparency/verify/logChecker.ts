import { createPublicKey, verify } from "node:crypto";
import { CompactRange, entryLeafHash } from "./compactRange";

/** A signed checkpoint as the log publishes and archives it (the transparency-log contract). */
export type CheckpointLike = {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  algorithm: string;
  note: string;
  signature: string;
};

/** A public key of the log (`getLogKeys`). */
export type LogKeyLike = { keyId: string; algorithm: string; publicKeyPem: string };

/** One thing found wrong. `leafIndex` is where the log first stops agreeing with what it should hold. */
export type Finding = {
  code: string;
  message: string;
  leafIndex?: number;
  caseId?: string;
  seq?: number;
  treeSize?: number;
};

/** What a verification run found. `firstBad` is the finding with the smallest leaf index. */
export type VerifyReport = {
  ok: boolean;
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  findings: Finding[];
  firstBad?: Finding;
  /** Further counts a mode reports (consistency proofs, inclusion proofs, pending entries …). */
  stats: Record<string, number>;
};

/** The first line of every checkpoint note. */
export const NOTE_HEADER = "yizhan-transparency/v1";

const MAX_FINDINGS = 200;

/** Verifies a checkpoint signature over the UTF-8 bytes of its note (Ed25519, or SM2 with SM3). */
export function checkpointSignatureValid(cp: CheckpointLike, key: LogKeyLike | undefined): boolean {
  if (!key || key.algorithm !== cp.algorithm) return false;
  try {
    const pub = createPublicKey(key.publicKeyPem);
    const data = Buffer.from(cp.note, "utf8");
    const sig = Buffer.from(cp.signature, "base64");
    if (cp.algorithm === "Ed25519") return verify(null, data, pub, sig);
    if (cp.algorithm === "SM2-SM3") return verify("sm3", data, pub, sig);
    return false;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a checkpoint on its own: its note must be exactly
 * `yizhan-transparency/v1\n<origin>\n<treeSize>\n<rootHash>\n<timestamp>\n` with the checkpoint's own
 * fields, and signed by a published key. Returns the findings (none when it is sound).
 */
export function checkCheckpoint(cp: CheckpointLike, keys: LogKeyLike[], origin?: string): Finding[] {
  const out: Finding[] = [];
  const at = { treeSize: cp.treeSize };
  const lines = cp.note.split("\n");
  const expected = [NOTE_HEADER, lines[1] ?? "", String(cp.treeSize), cp.rootHash, cp.timestamp, ""];
  if (lines.length !== 6 || lines.some((l, i) => l !== expected[i]))
    out.push({
      code: "checkpoint_note",
      message: `checkpoint ${cp.treeSize}: its note does not state its fields`,
      ...at,
    });
  if (origin !== undefined && lines[1] !== origin)
    out.push({
      code: "checkpoint_origin",
      message: `checkpoint ${cp.treeSize}: origin is ${JSON.stringify(lines[1])}, expected ${JSON.stringify(origin)}`,
      ...at,
    });
  const key = keys.find((k) => k.keyId === cp.keyId);
  if (!key)
    out.push({
      code: "checkpoint_key",
      message: `checkpoint ${cp.treeSize}: unknown key ${cp.keyId}`,
      ...at,
    });
  else if (!checkpointSignatureValid(cp, key))
    out.push({ code: "checkpoint_signature", message: `checkpoint ${cp.treeSize}: bad signature`, ...at });
  return out;
}

type ChainHead = { seq: number; hash: string; leafIndex: number };
/** Seqs missing from a case's chain between two of its leaves. */
type ChainGap = { caseId: string; seqs: number[]; after: number; before: number };

/** Optional check of a case event's own hash: returns the hash its fields imply (hex), or null if unknown. */
export type ChainHashFn = (entry: Record<string, unknown>) => string | null;

/**
 * Reads a log's entries once, in leaf order, and checks as it goes: leaf indexes are consecutive, each
 * leaf hash is SHA-256(0x00 ‖ entry) of the entry's exact bytes, the entry is JSON of the declared kind,
 * each case's events follow one another (seq + 1, prevHash = the previous event's hash, and the event's
 * hash when `chainHash` is given), and the tree head at every checkpoint size equals the signed root.
 * The tree is kept as a compact range: memory grows with the number of cases, not of entries.
 */
export class LogChecker {
  private readonly tree = new CompactRange();
  private readonly heads = new Map<string, ChainHead>();
  private readonly gaps: ChainGap[] = [];
  private readonly pending: CheckpointLike[];
  private readonly findings: Finding[] = [];
  private checked = 0;
  private lastGoodCheckpoint = 0;
  readonly stats: Record<string, number> = {};

  constructor(
    checkpoints: CheckpointLike[],
    private readonly chainHash?: ChainHashFn,
    /** Sees every perfect subtree as the tree completes it (to compare with stored nodes). */
    private readonly onNode?: (level: number, index: number, hash: Buffer) => void,
  ) {
    this.pending = [...checkpoints].sort((a, b) => a.treeSize - b.treeSize);
    this.settleCheckpoints();
  }

  /** Records a finding (kept in leaf order by {@link report}). */
  note(f: Finding): void {
    if (this.findings.length < MAX_FINDINGS) this.findings.push(f);
    this.stats.findings = (this.stats.findings ?? 0) + 1;
  }

  /** Number of leaves read. */
  get size(): number {
    return this.tree.size;
  }

  /**
   * Takes the next leaf as a server publishes it: the tree grows by H(0x00 ‖ entry) and
   * `claimedLeafHash`, the hash served beside the entry, must equal it. Returns the parsed entry (null
   * when it is not JSON).
   */
  add(
    leafIndex: number,
    entry: string,
    claimedLeafHash?: string,
    kind?: string,
  ): Record<string, unknown> | null {
    this.checkIndex(leafIndex);
    const leafHash = entryLeafHash(entry);
    if (claimedLeafHash !== undefined && leafHash.toString("hex") !== claimedLeafHash)
      this.note({
        code: "leaf_hash",
        message: `leaf ${leafIndex}: the served leaf hash is not H(0x00 ‖ entry)`,
        leafIndex,
      });
    this.tree.append(leafHash, this.onNode);
    const parsed = this.parse(leafIndex, entry, kind);
    if (parsed && parsed.kind === "case_event") this.followChain(leafIndex, parsed);
    this.settleCheckpoints();
    return parsed;
  }

  /**
   * Takes the next leaf as the database holds it: the tree grows by the STORED leaf hash (what was
   * signed), and `entry` — recomputed from the source row, or null when the row is gone — must hash to
   * it. `where` names the row in findings.
   */
  addStored(
    leafIndex: number,
    storedLeafHash: string,
    entry: string | null,
    where: { kind: string; sourceId: string; caseId?: string; seq?: number },
  ): void {
    this.checkIndex(leafIndex);
    const at = { leafIndex, caseId: where.caseId, seq: where.seq };
    const label = where.caseId ? `case ${where.caseId} seq ${where.seq}` : `${where.kind} ${where.sourceId}`;
    let stored: Buffer;
    try {
      stored = Buffer.from(storedLeafHash, "hex");
      if (stored.length !== 32 || stored.toString("hex") !== storedLeafHash) throw new Error();
    } catch {
      this.note({
        code: "leaf_hash",
        message: `leaf ${leafIndex}: stored leaf hash is not 64 hex digits`,
        ...at,
      });
      stored = Buffer.alloc(32);
    }
    this.tree.append(stored, this.onNode);
    if (entry === null)
      this.note({
        code: "row_missing",
        message: `leaf ${leafIndex}: ${label} — its row is gone (deleted?)`,
        ...at,
      });
    else {
      if (entryLeafHash(entry).toString("hex") !== storedLeafHash)
        this.note({
          code: "row_changed",
          message: `leaf ${leafIndex}: ${label} — the row no longer gives the logged entry (changed or renumbered after it was logged)`,
          ...at,
        });
      const parsed = this.parse(leafIndex, entry, where.kind);
      if (parsed && parsed.kind === "case_event") this.followChain(leafIndex, parsed);
    }
    this.settleCheckpoints();
  }

  private checkIndex(leafIndex: number): void {
    if (leafIndex !== this.tree.size)
      this.note({
        code: "leaf_order",
        message: `expected leaf ${this.tree.size}, got leaf ${leafIndex}`,
        leafIndex: this.tree.size,
      });
  }

  private parse(leafIndex: number, entry: string, kind?: string): Record<string, unknown> | null {
    let value: unknown;
    try {
      value = JSON.parse(entry);
    } catch {
      this.note({ code: "entry_json", message: `leaf ${leafIndex}: entry is not JSON`, leafIndex });
      return null;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.note({ code: "entry_json", message: `leaf ${leafIndex}: entry is not a JSON object`, leafIndex });
      return null;
    }
    const obj = value as Record<string, unknown>;
    if (kind !== undefined && obj.kind !== kind)
      this.note({
        code: "entry_kind",
        message: `leaf ${leafIndex}: entry kind ${String(obj.kind)}, listed as ${kind}`,
        leafIndex,
      });
    return obj;
  }

  private followChain(leafIndex: number, e: Record<string, unknown>): void {
    const caseId = String(e.caseId);
    const seq = Number(e.seq);
    const at = { leafIndex, caseId, seq };
    const head = this.heads.get(caseId);
    const prevHash = e.prevHash ?? null;
    if (head) {
      if (seq > head.seq + 1 && seq - head.seq < 1000)
        this.gaps.push({
          caseId,
          seqs: Array.from({ length: seq - head.seq - 1 }, (_, i) => head.seq + 1 + i),
          after: head.leafIndex,
          before: leafIndex,
        });
      if (seq !== head.seq + 1)
        this.note({
          code: "chain_seq",
          message: `leaf ${leafIndex}: case ${caseId} seq ${seq} follows seq ${head.seq}`,
          ...at,
        });
      if (prevHash !== head.hash)
        this.note({
          code: "chain_link",
          message: `leaf ${leafIndex}: case ${caseId} seq ${seq} does not link to the previous event`,
          ...at,
        });
    }
    if (this.chainHash) {
      const want = this.chainHash(e);
      if (want !== null && want !== e.hash)
        this.note({
          code: "chain_hash",
          message: `leaf ${leafIndex}: case ${caseId} seq ${seq}: the event hash does not match its fields`,
          ...at,
        });
    }
    this.heads.set(caseId, { seq, hash: String(e.hash), leafIndex });
  }

  /** Compares the tree head with every checkpoint whose size has been reached. */
  private settleCheckpoints(): void {
    while (this.pending.length > 0 && (this.pending[0] as CheckpointLike).treeSize <= this.tree.size) {
      const cp = this.pending.shift() as CheckpointLike;
      if (cp.treeSize < this.tree.size) continue; // duplicate size: compared already
      this.checked++;
      const root = this.tree.root().toString("hex");
      if (root !== cp.rootHash)
        this.note({
          code: "checkpoint_root",
          message: `checkpoint ${cp.treeSize}: the entries give root ${root}, the signed root is ${cp.rootHash}; a leaf in [${this.lastGoodCheckpoint}, ${cp.treeSize}) differs from what was signed`,
          leafIndex: this.lastGoodCheckpoint,
          treeSize: cp.treeSize,
        });
      else this.lastGoodCheckpoint = cp.treeSize;
    }
  }

  /** Ends the run: checkpoints beyond the last leaf are findings; findings are sorted by leaf index. */
  report(): VerifyReport {
    for (const cp of this.pending)
      this.note({
        code: "checkpoint_beyond",
        message: `checkpoint ${cp.treeSize} is beyond the ${this.tree.size} entries read`,
        leafIndex: this.tree.size,
        treeSize: cp.treeSize,
      });
    this.pending.length = 0;
    // A leaf whose row is gone says nothing about its case: the gap it leaves in a chain does.
    for (const f of this.findings) {
      if (f.code !== "row_missing" || f.caseId !== undefined || f.leafIndex === undefined) continue;
      const at = f.leafIndex;
      const gap = this.gaps.find((g) => g.after < at && at < g.before && g.seqs.length > 0);
      if (!gap) continue;
      f.caseId = gap.caseId;
      f.seq = gap.seqs.shift();
      f.message = `${f.message} (case ${f.caseId}, seq ${f.seq}: the gap in its chain)`;
    }
    const findings = [...this.findings].sort(
      (a, b) => (a.leafIndex ?? Number.MAX_SAFE_INTEGER) - (b.leafIndex ?? Number.MAX_SAFE_INTEGER),
    );
    return {
      ok: findings.length === 0,
      treeSize: this.tree.size,
      rootHash: this.tree.root().toString("hex"),
      checkpointsChecked: this.checked,
      findings,
      firstBad: findings.find((f) => f.leafIndex !== undefined) ?? findings[0],
      stats: { ...this.stats, entries: this.tree.size, cases: this.heads.size },
    };
  }
}
