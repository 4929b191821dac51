/**
 * An INDEPENDENT reading of RFC 6962 §2.1 (Merkle Hash Trees), written from the RFC's text only, with
 * node:crypto — it imports nothing from src/ on purpose: the tests use it to check the proofs the
 * production log serves, so a shared mistake cannot make both agree.
 *
 * The definitions, as the RFC states them (D[n] is the list of n inputs, k the largest power of two
 * strictly smaller than n):
 *
 *   MTH({})       = SHA-256()
 *   MTH({d(0)})   = SHA-256(0x00 || d(0))
 *   MTH(D[n])     = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))
 *
 *   PATH(m, {d(0)}) = {}
 *   PATH(m, D[n])   = PATH(m, D[0:k]) : MTH(D[k:n])      if m < k
 *                   = PATH(m - k, D[k:n]) : MTH(D[0:k])  if m >= k
 *
 *   PROOF(m, D[n])            = SUBPROOF(m, D[n], true)
 *   SUBPROOF(m, D[m], true)   = {}
 *   SUBPROOF(m, D[m], false)  = {MTH(D[m])}
 *   SUBPROOF(m, D[n], b)      = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          if m <= k
 *                             = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  if m > k
 *
 * The verifiers below do not use the usual bit-twiddling shortcuts: they walk the same recursion
 * backwards, consuming the proof from its last element (the outermost level), and recompute the
 * root(s) from the leaf hash and the proof. A proof verifies only if it is consumed exactly and the
 * recomputed hashes equal the expected ones.
 *
 * Leaves are handled as their leaf hashes (MTH of a one-element list), so a tree of n leaves is given as
 * the n leaf hashes. Hashes are Buffers of 32 bytes; `hex`/`unhex` convert at the edges.
 */
import { createHash, createPublicKey, verify } from "node:crypto";

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256 of the concatenation of `parts`. */
export function sha256(...parts: Buffer[]): Buffer {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
}

/** MTH({d}) = SHA-256(0x00 || d): the leaf hash of one entry's bytes. */
export function leafHash(entry: Buffer | string): Buffer {
  return sha256(LEAF_PREFIX, typeof entry === "string" ? Buffer.from(entry, "utf8") : entry);
}

/** SHA-256(0x01 || left || right): an interior node. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`splitPoint: n must be ≥ 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes `leaves[from:to]` (the empty tree is SHA-256 of nothing). */
export function mth(leaves: readonly Buffer[], from = 0, to = leaves.length): Buffer {
  const n = to - from;
  if (n === 0) return sha256();
  if (n === 1) return leaves[from] as Buffer;
  const k = splitPoint(n);
  return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
}

/** PATH(m, D[n]): the audit path of leaf m in the tree of the first n leaves. */
export function auditPath(leaves: readonly Buffer[], m: number, n = leaves.length): Buffer[] {
  if (!(n <= leaves.length && m >= 0 && m < n)) throw new RangeError(`auditPath: leaf ${m} of size ${n}`);
  const walk = (m: number, from: number, to: number): Buffer[] => {
    const size = to - from;
    if (size === 1) return [];
    const k = splitPoint(size);
    return m < k
      ? [...walk(m, from, from + k), mth(leaves, from + k, to)]
      : [...walk(m - k, from + k, to), mth(leaves, from, from + k)];
  };
  return walk(m, 0, n);
}

/** PROOF(m, D[n]): the consistency proof between the trees of the first m and the first n leaves. */
export function consistencyProof(leaves: readonly Buffer[], m: number, n = leaves.length): Buffer[] {
  if (!(n <= leaves.length && m >= 0 && m <= n)) throw new RangeError(`consistencyProof: ${m} → ${n}`);
  if (m === 0 || m === n) return [];
  const sub = (m: number, from: number, to: number, b: boolean): Buffer[] => {
    const size = to - from;
    if (m === size) return b ? [] : [mth(leaves, from, to)];
    const k = splitPoint(size);
    return m <= k
      ? [...sub(m, from, from + k, b), mth(leaves, from + k, to)]
      : [...sub(m - k, from + k, to, false), mth(leaves, from, from + k)];
  };
  return sub(m, 0, n, true);
}

const isHash = (b: unknown): b is Buffer => Buffer.isBuffer(b) && b.length === 32;

/**
 * The root that leaf `m` with hash `leaf` and audit path `path` imply for a tree of `n` leaves, or null
 * when the path has the wrong length for (m, n) or holds something that is not a 32-byte hash.
 */
export function rootFromInclusion(
  m: number,
  n: number,
  leaf: Buffer,
  path: readonly Buffer[],
): Buffer | null {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) return null;
  if (!isHash(leaf) || !path.every(isHash)) return null;
  let next = path.length; // consumed from the end: the last element belongs to the outermost level
  const walk = (m: number, n: number): Buffer | null => {
    if (n === 1) return leaf;
    if (next === 0) return null;
    const sibling = path[--next] as Buffer;
    const k = splitPoint(n);
    if (m < k) {
      const left = walk(m, k);
      return left && nodeHash(left, sibling);
    }
    const right = walk(m - k, n - k);
    return right && nodeHash(sibling, right);
  };
  const root = walk(m, n);
  return root && next === 0 ? root : null;
}

/** Verifies an inclusion proof by recomputing the root (RFC 6962 §2.1.1). */
export function verifyInclusion(
  m: number,
  n: number,
  leaf: Buffer,
  path: readonly Buffer[],
  root: Buffer,
): boolean {
  const got = rootFromInclusion(m, n, leaf, path);
  return got !== null && isHash(root) && got.equals(root);
}

/**
 * Verifies a consistency proof between the tree of size m with root `oldRoot` and the tree of size n
 * with root `newRoot` (RFC 6962 §2.1.2), by recomputing both roots from the proof.
 */
export function verifyConsistency(
  m: number,
  n: number,
  oldRoot: Buffer,
  newRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n)) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (m === 0) return proof.length === 0; // every tree extends the empty tree
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  let next = proof.length;
  // Returns [hash of the old part, hash of the new part] of this subtree, or null.
  const sub = (m: number, n: number, b: boolean): [Buffer, Buffer] | null => {
    if (m === n) {
      if (b) return [oldRoot, oldRoot]; // SUBPROOF(m, D[m], true) = {}: the old tree itself
      if (next === 0) return null;
      const x = proof[--next] as Buffer;
      return [x, x];
    }
    if (next === 0) return null;
    const other = proof[--next] as Buffer;
    const k = splitPoint(n);
    if (m <= k) {
      const inner = sub(m, k, b);
      return inner && [inner[0], nodeHash(inner[1], other)];
    }
    const inner = sub(m - k, n - k, false);
    return inner && [nodeHash(other, inner[0]), nodeHash(other, inner[1])];
  };
  const got = sub(m, n, true);
  return got !== null && next === 0 && got[0].equals(oldRoot) && got[1].equals(newRoot);
}

/** Lowercase hex of a hash. */
export const hex = (b: Buffer): string => b.toString("hex");

/** A hash from lowercase hex (throws on anything else). */
export function unhex(s: string): Buffer {
  if (!/^([0-9a-f]{2})*$/.test(s)) throw new TypeError(`not lowercase hex: ${s}`);
  return Buffer.from(s, "hex");
}

/**
 * Verifies a checkpoint signature over the UTF-8 bytes of its note with node:crypto directly:
 * Ed25519 (RFC 8032) or SM2 with SM3 (OpenSSL's default, empty signer ID).
 */
export function verifyNoteSignature(
  algorithm: string,
  publicKeyPem: string,
  note: string,
  signatureBase64: string,
): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    const data = Buffer.from(note, "utf8");
    const sig = Buffer.from(signatureBase64, "base64");
    if (algorithm === "Ed25519") return verify(null, data, key, sig);
    if (algorithm === "SM2-SM3") return verify("sm3", data, key, sig);
    return false;
  } catch {
    return false;
  }
}
