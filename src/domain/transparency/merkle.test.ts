import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  completedNodes,
  consistencyPlan,
  fromHex,
  inclusionPlan,
  MemoryTree,
  merkleHasher,
  nodesOf,
  splitPoint,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from "./merkle";

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const H = merkleHasher(sha256);

// The Certificate Transparency reference data (RFC 6962 test vectors as the CT implementations publish
// them): eight leaves, the tree head of every size 0..8, two audit paths and three consistency proofs.
const LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(fromHex);
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const INCLUSION = [
  {
    index: 0,
    size: 8,
    path: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];
const CONSISTENCY = [
  { first: 1, second: 1, proof: [] as string[] },
  {
    first: 1,
    second: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];

/** MTH straight from RFC 6962 §2.1's definition (recursive, O(n)): the reference for bigger trees. */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return H.nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const reference = new MemoryTree(H, LEAVES.map(H.leafHash));
const many = Array.from({ length: 70 }, (_, i) => H.leafHash(new Uint8Array([i, (i * 7) & 255])));
const big = new MemoryTree(H, many);

describe("merkle (RFC 6962 §2.1)", () => {
  it("gives the reference tree head of every size 0..8", () => {
    for (let n = 0; n <= 8; n++) expect(toHex(reference.root(n))).toBe(ROOTS[n]);
  });

  it("splits at the largest power of two smaller than n (not the midpoint)", () => {
    expect([2, 3, 4, 5, 6, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 4, 8, 512]);
    expect(() => splitPoint(1)).toThrow(RangeError);
  });

  it("gives the reference audit paths and consistency proofs", () => {
    for (const v of INCLUSION) expect(reference.inclusionProof(v.index, v.size).map(toHex)).toEqual(v.path);
    for (const v of CONSISTENCY)
      expect(reference.consistencyProof(v.first, v.second).map(toHex)).toEqual(v.proof);
  });

  it("verifies the reference proofs and refuses them altered", () => {
    for (const v of INCLUSION) {
      const leaf = H.leafHash(LEAVES[v.index]);
      const root = fromHex(ROOTS[v.size]);
      const path = v.path.map(fromHex);
      expect(verifyInclusion(H, leaf, v.index, v.size, path, root)).toBe(true);
      expect(verifyInclusion(H, leaf, v.index + 1, v.size, path, root)).toBe(false);
      // (A leftmost leaf's path does not bind the size: leaf 0's path is the same in trees of 5 to 8.)
      if (v.index === 5) expect(verifyInclusion(H, leaf, v.index, v.size - 2, path, root)).toBe(false);
      expect(verifyInclusion(H, leaf, v.index, v.size, path.slice(1), root)).toBe(false);
      expect(verifyInclusion(H, leaf, v.index, v.size, [...path, path[0]], root)).toBe(false);
      expect(verifyInclusion(H, H.leafHash(LEAVES[7 - v.index]), v.index, v.size, path, root)).toBe(false);
    }
    for (const v of CONSISTENCY.slice(1)) {
      const [r1, r2] = [fromHex(ROOTS[v.first]), fromHex(ROOTS[v.second])];
      const proof = v.proof.map(fromHex);
      expect(verifyConsistency(H, v.first, v.second, proof, r1, r2)).toBe(true);
      expect(verifyConsistency(H, v.first, v.second, proof, r2, r1)).toBe(false);
      expect(verifyConsistency(H, v.first, v.second, proof.slice(0, -1), r1, r2)).toBe(false);
      expect(verifyConsistency(H, v.first, v.second, [], r1, r2)).toBe(false);
    }
  });

  it("agrees with the recursive definition and verifies every proof of trees up to 70 leaves", () => {
    for (let n = 1; n <= many.length; n++) {
      const root = big.root(n);
      expect(toHex(root)).toBe(toHex(mth(many.slice(0, n))));
      for (let m = 0; m < n; m++) {
        const path = big.inclusionProof(m, n);
        expect(verifyInclusion(H, many[m], m, n, path, root)).toBe(true);
        expect(verifyInclusion(H, many[(m + 1) % n], m, n, path, root)).toBe(n === 1);
      }
      for (let m = 1; m <= n; m++) {
        const proof = big.consistencyProof(m, n);
        expect(verifyConsistency(H, m, n, proof, big.root(m), root)).toBe(true);
        if (m < n) expect(verifyConsistency(H, m, n, proof, big.root(m - 1 || 1), root)).toBe(m === 1);
      }
    }
  });

  it("reads O(log n) stored nodes for a proof in a tree of a million leaves", () => {
    const n = 1_000_000;
    for (const m of [0, 1, 499_999, 999_999]) {
      expect(nodesOf(inclusionPlan(m, n)).length).toBeLessThanOrEqual(2 * 20);
      expect(nodesOf(consistencyPlan(m + 1, n)).length).toBeLessThanOrEqual(2 * 20);
    }
  });

  it("lists the perfect subtrees a batch completes, children before parents", () => {
    expect(completedNodes(0, 4)).toEqual([
      { level: 1, index: 0 },
      { level: 1, index: 1 },
      { level: 2, index: 0 },
    ]);
    expect(completedNodes(4, 5)).toEqual([]);
    expect(completedNodes(7, 8)).toEqual([
      { level: 1, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 0 },
    ]);
  });

  it("refuses impossible requests", () => {
    expect(() => inclusionPlan(5, 5)).toThrow(RangeError);
    expect(() => consistencyPlan(6, 5)).toThrow(RangeError);
    expect(verifyInclusion(H, many[0], -1, 5, [], big.root(5))).toBe(false);
    expect(verifyConsistency(H, 6, 5, [], big.root(5), big.root(5))).toBe(false);
    expect(() => fromHex("zz")).toThrow(RangeError);
  });
});
