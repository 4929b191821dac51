import { createHash } from "node:crypto";

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ entry bytes), the entry's canonical JSON as UTF-8. */
export function entryLeafHash(entry: string): Buffer {
  return createHash("sha256").update(LEAF).update(entry, "utf8").digest();
}

/** RFC 6962 interior node: SHA-256(0x01 ‖ left ‖ right). */
export function interiorHash(left: Buffer, right: Buffer): Buffer {
  return createHash("sha256").update(NODE).update(left).update(right).digest();
}

/**
 * The Merkle tree head of a log read once from its first leaf, in O(log n) memory: the hashes of the
 * perfect subtrees the leaves so far make up (a "compact range" [0, size)), largest first. Appending a
 * leaf merges equal-sized neighbours; the root of the current size is the right fold of the pieces,
 * H(p1, H(p2, … H(pk-1, pk))) — the same tree RFC 6962 §2.1 splits at the largest power of two.
 * `verify-log` reads 1,000,000 entries with it without keeping them.
 */
export class CompactRange {
  private readonly pieces: { size: number; hash: Buffer }[] = [];
  private count = 0;

  /** Number of leaves appended. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends one leaf hash. `onNode` sees every perfect subtree the leaf completes (level ≥ 1, leaves
   * [index·2^level, (index+1)·2^level)), smallest first, so a store of such nodes can be checked.
   */
  append(leafHash: Buffer, onNode?: (level: number, index: number, hash: Buffer) => void): void {
    let piece = { size: 1, hash: leafHash };
    let level = 0;
    for (let top = this.pieces.at(-1); top && top.size === piece.size; top = this.pieces.at(-1)) {
      this.pieces.pop();
      piece = { size: top.size * 2, hash: interiorHash(top.hash, piece.hash) };
      level++;
      onNode?.(level, (this.count + 1) / piece.size - 1, piece.hash);
    }
    this.pieces.push(piece);
    this.count++;
  }

  /** MTH of the leaves appended so far (SHA-256 of nothing for the empty tree). */
  root(): Buffer {
    const last = this.pieces.at(-1);
    if (!last) return createHash("sha256").digest();
    let acc = last.hash;
    for (let i = this.pieces.length - 2; i >= 0; i--)
      acc = interiorHash((this.pieces[i] as { hash: Buffer }).hash, acc);
    return acc;
  }
}
