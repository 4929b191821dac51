/**
 * The Merkle tree of the transparency log, after RFC 6962 §2.1 (and its verification algorithms as
 * RFC 9162 §2.1.3.2 / §2.1.4.2 write them): SHA-256, leaf hash = H(0x00 ‖ entry), node hash =
 * H(0x01 ‖ left ‖ right), the tree over n leaves split at k = the largest power of two smaller than n.
 *
 * Pure: hashes are `Uint8Array`s and SHA-256 is given by the caller ({@link merkleHasher}: node:crypto on
 * the server, any implementation in a browser), since domain/ is bundled by the web and imports no
 * node: module. Proofs are computed from **perfect subtrees** (aligned ranges of 2^level leaves), so a
 * store that keeps the hash of every complete perfect subtree answers any proof with O(log n) node
 * reads ({@link inclusionPlan}, {@link consistencyPlan}).
 */

/** SHA-256 over the concatenation of its arguments. */
export type Sha256 = (...parts: Uint8Array[]) => Uint8Array;

/** A perfect subtree: leaves [index·2^level, (index+1)·2^level). */
export type NodeRef = { level: number; index: number };

/** A range of leaves [start, end) whose Merkle tree hash (MTH) is one element of a proof. */
export type LeafRange = { start: number; end: number };

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

/** The hash functions of RFC 6962 §2.1 over a given SHA-256. */
export type MerkleHasher = {
  emptyRoot(): Uint8Array;
  leafHash(entry: Uint8Array): Uint8Array;
  nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array;
};

/** The RFC 6962 hasher for a SHA-256 implementation. */
export function merkleHasher(sha256: Sha256): MerkleHasher {
  return {
    emptyRoot: () => sha256(),
    leafHash: (entry) => sha256(LEAF_PREFIX, entry),
    nodeHash: (left, right) => sha256(NODE_PREFIX, left, right),
  };
}

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError(`splitPoint: n must be ≥ 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkSize(name: string, n: number) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/**
 * The perfect subtrees that make up the range [start, end), left to right, largest first — valid for
 * the ranges RFC 6962's recursion produces (start aligned to a power of two ≥ end − start, and every
 * range of the form [0, n)). MTH of the range = right fold of their hashes with the node hash.
 */
export function perfectPieces(start: number, end: number): NodeRef[] {
  const out: NodeRef[] = [];
  let a = start;
  let size = end - start;
  while (size > 0) {
    let level = 0;
    while (2 ** (level + 1) <= size) level++;
    const width = 2 ** level;
    if (a % width !== 0) throw new RangeError(`range [${start}, ${end}) is not aligned`);
    out.push({ level, index: a / width });
    a += width;
    size -= width;
  }
  return out;
}

/** MTH of a range from the hashes of its perfect pieces (right fold: H(p1, H(p2, … H(pk-1, pk)))). */
export function foldPieces(h: MerkleHasher, pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 0) return h.emptyRoot();
  let acc = pieces[pieces.length - 1];
  for (let i = pieces.length - 2; i >= 0; i--) acc = h.nodeHash(pieces[i], acc);
  return acc;
}

/**
 * The ranges whose MTHs form the audit path of leaf m in the tree of size n (RFC 6962 §2.1.1 PATH),
 * in proof order (from the leaf's sibling up to the root's other child).
 */
export function inclusionPlan(m: number, n: number): LeafRange[] {
  checkSize("treeSize", n);
  checkSize("leafIndex", m);
  if (m >= n) throw new RangeError(`leaf ${m} is not in a tree of size ${n}`);
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, end: number) => {
    const size = end - start;
    if (size <= 1) return;
    const k = splitPoint(size);
    if (m < k) {
      walk(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  walk(m, 0, n);
  return out;
}

/**
 * The ranges whose MTHs form the consistency proof between tree sizes m and n (RFC 6962 §2.1.2
 * PROOF / SUBPROOF), in proof order. Empty when m = n or m = 0.
 */
export function consistencyPlan(m: number, n: number): LeafRange[] {
  checkSize("first", m);
  checkSize("second", n);
  if (m > n) throw new RangeError(`first (${m}) must not exceed second (${n})`);
  if (m === 0 || m === n) return [];
  const out: LeafRange[] = [];
  const sub = (m: number, start: number, end: number, b: boolean) => {
    const size = end - start;
    if (m === size) {
      if (!b) out.push({ start, end });
      return;
    }
    const k = splitPoint(size);
    if (m <= k) {
      sub(m, start, start + k, b);
      out.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** Every perfect subtree a list of ranges needs (deduplicated), to read from a store in one query. */
export function nodesOf(ranges: LeafRange[]): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  for (const r of ranges) for (const p of perfectPieces(r.start, r.end)) seen.set(`${p.level}:${p.index}`, p);
  return [...seen.values()];
}

/** Resolves ranges to their MTHs given the hashes of perfect subtrees (`get` throws on a missing node). */
export function hashRanges(
  h: MerkleHasher,
  ranges: LeafRange[],
  get: (node: NodeRef) => Uint8Array,
): Uint8Array[] {
  return ranges.map((r) => foldPieces(h, perfectPieces(r.start, r.end).map(get)));
}

/**
 * The perfect subtrees completed by appending leaves [from, to) (levels ≥ 1), in an order where each
 * node comes after its two children: what a store adds after integrating a batch.
 */
export function completedNodes(from: number, to: number): NodeRef[] {
  const out: NodeRef[] = [];
  for (let i = from; i < to; i++) {
    let level = 1;
    while ((i + 1) % 2 ** level === 0) {
      out.push({ level, index: (i + 1) / 2 ** level - 1 });
      level++;
    }
  }
  return out;
}

/** An in-memory tree over leaf hashes (tests, the verifier, small logs): every perfect node computed once. */
export class MemoryTree {
  private levels: Uint8Array[][] = [[]];

  constructor(
    private readonly h: MerkleHasher,
    leafHashes: Uint8Array[] = [],
  ) {
    for (const l of leafHashes) this.append(l);
  }

  get size(): number {
    return this.levels[0].length;
  }

  /** Appends a leaf hash, completing the perfect subtrees it closes. */
  append(leafHash: Uint8Array): void {
    this.levels[0].push(leafHash);
    const i = this.levels[0].length - 1;
    for (const n of completedNodes(i, i + 1)) {
      const below = this.levels[n.level - 1];
      if (!this.levels[n.level]) this.levels[n.level] = [];
      this.levels[n.level][n.index] = this.h.nodeHash(below[2 * n.index], below[2 * n.index + 1]);
    }
  }

  /** The hash of a perfect subtree (throws when it is not complete). */
  node = (ref: NodeRef): Uint8Array => {
    const v = this.levels[ref.level]?.[ref.index];
    if (!v) throw new RangeError(`no node ${ref.level}:${ref.index}`);
    return v;
  };

  /** MTH of the first `size` leaves (default: all). */
  root(size = this.size): Uint8Array {
    if (size > this.size) throw new RangeError(`tree has ${this.size} leaves, not ${size}`);
    return foldPieces(this.h, perfectPieces(0, size).map(this.node));
  }

  /** The audit path of leaf m in the tree of the first n leaves. */
  inclusionProof(m: number, n = this.size): Uint8Array[] {
    if (n > this.size) throw new RangeError(`tree has ${this.size} leaves, not ${n}`);
    return hashRanges(this.h, inclusionPlan(m, n), this.node);
  }

  /** The consistency proof between the trees of the first m and the first n leaves. */
  consistencyProof(m: number, n = this.size): Uint8Array[] {
    if (n > this.size) throw new RangeError(`tree has ${this.size} leaves, not ${n}`);
    return hashRanges(this.h, consistencyPlan(m, n), this.node);
  }
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/**
 * Checks an audit path (RFC 9162 §2.1.3.2): true when `leafHash` at `leafIndex` with `path` gives
 * `root` for a tree of `treeSize` leaves. False (never a throw) for anything malformed.
 */
export function verifyInclusion(
  h: MerkleHasher,
  leafHash: Uint8Array,
  leafIndex: number,
  treeSize: number,
  path: Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = h.nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = h.nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * Checks a consistency proof (RFC 9162 §2.1.4.2): true when `proof` shows that the tree of `first`
 * leaves with root `firstRoot` is a prefix of the tree of `second` leaves with root `secondRoot`.
 */
export function verifyConsistency(
  h: MerkleHasher,
  first: number,
  second: number,
  proof: Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  let p = proof;
  // If first is an exact power of two, the first tree's root is the proof's implicit first element.
  if (isPowerOfTwo(first)) p = [firstRoot, ...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = p[0];
  let sr = p[0];
  for (const c of p.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = h.nodeHash(c, fr);
      sr = h.nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = h.nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

/** Lowercase hex of bytes. */
export function toHex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/** Bytes of a lowercase or uppercase hex string (throws on anything else). */
export function fromHex(s: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) throw new RangeError("not a hex string");
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
