/**
 * RFC 6962 §2.1 Merkle tree hashing and proof checks, in the browser (WebCrypto SHA-256), written from the
 * RFC (and the verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2) only — not from the server's
 * code — so that a citizen's browser checks the transparency log independently of the server:
 *   leaf hash = SHA-256(0x00 ‖ entry bytes), node hash = SHA-256(0x01 ‖ left ‖ right),
 *   the tree over n leaves splits at k = the largest power of two smaller than n.
 * Hashes travel as lowercase hex.
 */

const subtle = () => globalThis.crypto.subtle;

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Bytes of a hex string; throws on anything but an even number of hex digits. */
export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hex: ${hex.slice(0, 16)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await subtle().digest("SHA-256", all));
}

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

/** The leaf hash of an entry: SHA-256(0x00 ‖ UTF-8 bytes of the entry's canonical JSON string). */
export async function leafHash(entry: string | Uint8Array): Promise<string> {
  const bytes = typeof entry === "string" ? new TextEncoder().encode(entry) : entry;
  return toHex(await sha256(LEAF, bytes));
}

/** The interior node hash SHA-256(0x01 ‖ left ‖ right) of two hex hashes. */
export async function nodeHash(left: string, right: string): Promise<string> {
  return toHex(await sha256(NODE, fromHex(left), fromHex(right)));
}

/** The largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH (RFC 6962 §2.1) over leaf hashes; the empty tree's root is SHA-256 of nothing. */
export async function rootOf(leafHashes: readonly string[]): Promise<string> {
  if (leafHashes.length === 0) return toHex(await sha256());
  if (leafHashes.length === 1) return leafHashes[0];
  const k = splitPoint(leafHashes.length);
  return nodeHash(await rootOf(leafHashes.slice(0, k)), await rootOf(leafHashes.slice(k)));
}

/** The outcome of a check: whether it holds, and why not. */
export type Check = { ok: true; root: string } | { ok: false; reason: string };

/**
 * Recomputes the root from a leaf hash and its audit path (RFC 9162 §2.1.3.2) and compares it with the
 * expected root. The path must be exactly as long as the leaf's depth requires.
 */
export async function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: string,
  auditPath: readonly string[],
  expectedRoot: string,
): Promise<Check> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0)
    return { ok: false, reason: "bad index or size" };
  if (leafIndex >= treeSize) return { ok: false, reason: "leaf index beyond the tree" };
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf.toLowerCase();
  for (const p of auditPath) {
    if (sn === 0) return { ok: false, reason: "audit path too long" };
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return { ok: false, reason: "audit path too short" };
  if (r !== expectedRoot.toLowerCase()) return { ok: false, reason: "computed root differs" };
  return { ok: true, root: r };
}

/**
 * Checks that the tree of `second` leaves with root `secondRoot` extends the tree of `first` leaves
 * with root `firstRoot` (RFC 9162 §2.1.4.2): nothing of the first tree was changed or removed.
 */
export async function verifyConsistency(
  first: number,
  second: number,
  firstRoot: string,
  secondRoot: string,
  proof: readonly string[],
): Promise<Check> {
  const a = firstRoot.toLowerCase();
  const b = secondRoot.toLowerCase();
  if (first < 1 || first > second) return { ok: false, reason: "bad sizes" };
  if (first === second)
    return proof.length === 0 && a === b
      ? { ok: true, root: b }
      : { ok: false, reason: "same size, different trees" };
  if (proof.length === 0) return { ok: false, reason: "empty proof" };
  const path = (first & (first - 1)) === 0 ? [a, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0].toLowerCase();
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return { ok: false, reason: "proof too long" };
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return { ok: false, reason: "proof too short" };
  if (fr !== a) return { ok: false, reason: "first root differs" };
  if (sr !== b) return { ok: false, reason: "second root differs" };
  return { ok: true, root: b };
}

/** The DER bytes of a PEM block (SubjectPublicKeyInfo). */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "").replace(/\s+/g, "");
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/**
 * Verifies an Ed25519 signature (base64) over the UTF-8 bytes of `text` with a public key in PEM
 * (SubjectPublicKeyInfo), in WebCrypto; `unsupported` when the browser has no Ed25519.
 */
export async function verifyEd25519(
  publicKeyPem: string,
  text: string,
  signatureB64: string,
): Promise<"valid" | "invalid" | "unsupported"> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey("spki", pemToDer(publicKeyPem), { name: "Ed25519" }, false, ["verify"]);
  } catch (e) {
    if (e instanceof DOMException && e.name === "NotSupportedError") return "unsupported";
    return "invalid";
  }
  const sig = Uint8Array.from(atob(signatureB64), (c) => c.charCodeAt(0));
  const ok = await subtle().verify({ name: "Ed25519" }, key, sig, new TextEncoder().encode(text));
  return ok ? "valid" : "invalid";
}
