import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyEd25519,
  verifyInclusion,
} from "./merkle";

/**
 * The browser's RFC 6962 checks against a reference tree built here with node:crypto, straight from the
 * RFC's definitions (MTH, PATH, SUBPROOF of §2.1.1 and §2.1.2), independent of merkle.ts.
 */
const h = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const refLeaf = (entry: string) => h(Buffer.from([0]), Buffer.from(entry, "utf8"));
const k = (n: number) => {
  let x = 1;
  while (x * 2 < n) x *= 2;
  return x;
};
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return h();
  if (d.length === 1) return d[0];
  const s = k(d.length);
  return h(Buffer.from([1]), mth(d.slice(0, s)), mth(d.slice(s)));
}
function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s
    ? [...path(m, d.slice(0, s)), mth(d.slice(s))]
    : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [mth(d)];
  const s = k(n);
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}
const hex = (b: Buffer) => b.toString("hex");
const entries = Array.from({ length: 23 }, (_, i) =>
  JSON.stringify({ v: 1, kind: "case_event", id: `e${i}`, at: "2026-11-24T01:00:00.000Z" }),
);
const leaves = entries.map(refLeaf);

describe("RFC 6962 hashing", () => {
  it("hashes leaves and nodes with the 0x00 / 0x01 prefixes", async () => {
    expect(await leafHash(entries[0])).toBe(hex(leaves[0]));
    expect(await nodeHash(hex(leaves[0]), hex(leaves[1]))).toBe(
      hex(h(Buffer.from([1]), leaves[0], leaves[1])),
    );
    // The well-known value: the empty tree's root is SHA-256 of the empty string.
    expect(await rootOf([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
  it("splits at the largest power of two smaller than n", () => {
    expect([2, 3, 4, 5, 8, 9, 23].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 16]);
  });
  it("computes the same root as the reference for every size", async () => {
    for (let n = 1; n <= leaves.length; n++)
      expect(await rootOf(leaves.slice(0, n).map(hex))).toBe(hex(mth(leaves.slice(0, n))));
  });
});

describe("inclusion proofs", () => {
  it("verifies every leaf of every tree size up to 23", async () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = hex(mth(tree));
      for (let m = 0; m < n; m++) {
        const res = await verifyInclusion(m, n, hex(tree[m]), path(m, tree).map(hex), root);
        expect(res, `leaf ${m} of ${n}`).toEqual({ ok: true, root });
      }
    }
  });
  it("refuses a wrong leaf, a changed path, a wrong index, a short or long path", async () => {
    const n = 13;
    const tree = leaves.slice(0, n);
    const root = hex(mth(tree));
    const p = path(5, tree).map(hex);
    expect((await verifyInclusion(5, n, hex(tree[6]), p, root)).ok).toBe(false);
    const changed = [...p];
    changed[1] = changed[1].replace(/^./, (c) => (c === "0" ? "1" : "0"));
    expect((await verifyInclusion(5, n, hex(tree[5]), changed, root)).ok).toBe(false);
    expect((await verifyInclusion(4, n, hex(tree[5]), p, root)).ok).toBe(false);
    expect(await verifyInclusion(5, n, hex(tree[5]), p.slice(0, -1), root)).toEqual({
      ok: false,
      reason: "audit path too short",
    });
    expect(await verifyInclusion(5, n, hex(tree[5]), [...p, p[0]], root)).toEqual({
      ok: false,
      reason: "audit path too long",
    });
    expect((await verifyInclusion(13, n, hex(tree[5]), p, root)).ok).toBe(false);
  });
});

describe("consistency proofs", () => {
  it("verifies every pair of sizes up to 23 and refuses a changed old tree", async () => {
    for (let n = 1; n <= leaves.length; n++)
      for (let m = 1; m <= n; m++) {
        const proof = m === n ? [] : subproof(m, leaves.slice(0, n), true).map(hex);
        const a = hex(mth(leaves.slice(0, m)));
        const b = hex(mth(leaves.slice(0, n)));
        expect((await verifyConsistency(m, n, a, b, proof)).ok, `${m} → ${n}`).toBe(true);
        if (m < n) {
          const forged = [...leaves.slice(0, m)];
          forged[0] = refLeaf("tampered");
          expect((await verifyConsistency(m, n, hex(mth(forged)), b, proof)).ok, `forged ${m} → ${n}`).toBe(
            false,
          );
        }
      }
  });
});

describe("Ed25519 checkpoint signatures in WebCrypto", () => {
  it("accepts the key's signature over the note and refuses a changed note", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const note = "yizhan-transparency/v1\nhttps://yizhan.example.gov.cn\n23\nabc\n2026-11-24T01:00:00Z\n";
    const sig = sign(null, Buffer.from(note, "utf8"), privateKey).toString("base64");
    expect(await verifyEd25519(pem, note, sig)).toBe("valid");
    expect(await verifyEd25519(pem, note.replace("23", "24"), sig)).toBe("invalid");
  });
});
