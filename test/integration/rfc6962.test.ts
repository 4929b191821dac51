import { describe, expect, it } from "vitest";
import {
  auditPath,
  consistencyProof,
  hex,
  leafHash,
  mth,
  nodeHash,
  rootFromInclusion,
  sha256,
  splitPoint,
  unhex,
  verifyConsistency,
  verifyInclusion,
} from "../helpers/rfc6962";

// The independent RFC 6962 verifier the transparency tests trust, checked against the reference vectors
// of Certificate Transparency (certificate-transparency-go merkle tests): eight inputs, the tree head for
// each size, and the published inclusion and consistency proofs (leaf numbers there are 1-based; here the
// leaf index is 0-based).
const INPUTS = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => Buffer.from(h, "hex"));
const LEAVES = INPUTS.map(leafHash);
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const rootOf = (n: number) => unhex(ROOTS[n - 1] as string);

const INCLUSION = [
  { index: 0, size: 1, path: [] },
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
  { index: 2, size: 3, path: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
  {
    index: 1,
    size: 5,
    path: [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];

const CONSISTENCY = [
  { first: 1, second: 1, proof: [] },
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
  {
    first: 2,
    second: 8,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
];

/** Every way of spoiling a proof that a verifier must refuse. */
function spoiled(proof: Buffer[]): Buffer[][] {
  const out: Buffer[][] = [
    [...proof, Buffer.alloc(32)],
    [Buffer.alloc(32), ...proof],
  ];
  if (proof.length > 0) out.push(proof.slice(0, -1), proof.slice(1));
  proof.forEach((_, i) => {
    const copy = proof.map((b) => Buffer.from(b));
    (copy[i] as Buffer)[0] ^= 0x08;
    out.push(copy);
  });
  if (proof.length > 1) out.push([...proof].reverse());
  return out;
}

describe("the independent RFC 6962 verifier (test/helpers/rfc6962.ts)", () => {
  it("computes the reference tree heads, and the split is the largest power of two below n", () => {
    expect(hex(mth([]))).toBe(EMPTY);
    expect(hex(sha256())).toBe(EMPTY);
    for (let n = 1; n <= 8; n++) expect(hex(mth(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n - 1]);
    expect([2, 3, 4, 5, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512]);
    // The prefixes are what separates a leaf from a node: H(0x01‖a‖b) ≠ H(0x00‖a‖b).
    const [a, b] = LEAVES as [Buffer, Buffer];
    expect(nodeHash(a, b).equals(leafHash(Buffer.concat([a, b])))).toBe(false);
    expect(hex(nodeHash(a, b))).toBe(ROOTS[1]);
  });

  it("produces and verifies the published inclusion proofs, and refuses every spoiled one", () => {
    for (const v of INCLUSION) {
      const leaf = LEAVES[v.index] as Buffer;
      expect(auditPath(LEAVES, v.index, v.size).map(hex)).toEqual(v.path);
      const path = v.path.map(unhex);
      expect(verifyInclusion(v.index, v.size, leaf, path, rootOf(v.size))).toBe(true);
      for (const bad of spoiled(path))
        expect(verifyInclusion(v.index, v.size, leaf, bad, rootOf(v.size))).toBe(false);
      if (v.size > 1) {
        expect(verifyInclusion(v.index ^ 1, v.size, leaf, path, rootOf(v.size))).toBe(false);
        expect(
          verifyInclusion(v.index, v.size, LEAVES[(v.index + 1) % 8] as Buffer, path, rootOf(v.size)),
        ).toBe(false);
      }
      expect(verifyInclusion(v.index, v.size * 2, leaf, path, rootOf(v.size))).toBe(false);
      expect(verifyInclusion(v.index, v.size, leaf, path, unhex(EMPTY))).toBe(false);
    }
    expect(rootFromInclusion(8, 8, LEAVES[0] as Buffer, [])).toBeNull();
    expect(rootFromInclusion(-1, 8, LEAVES[0] as Buffer, [])).toBeNull();
  });

  it("produces and verifies the published consistency proofs, and refuses every spoiled one", () => {
    for (const v of CONSISTENCY) {
      expect(consistencyProof(LEAVES, v.first, v.second).map(hex)).toEqual(v.proof);
      const proof = v.proof.map(unhex);
      const [r1, r2] = [rootOf(v.first), rootOf(v.second)];
      expect(verifyConsistency(v.first, v.second, r1, r2, proof)).toBe(true);
      if (v.first === v.second) continue;
      for (const bad of spoiled(proof)) expect(verifyConsistency(v.first, v.second, r1, r2, bad)).toBe(false);
      expect(verifyConsistency(v.first, v.second, r2, r1, proof)).toBe(false);
      expect(verifyConsistency(v.first, v.second, unhex(EMPTY), r2, proof)).toBe(false);
      expect(verifyConsistency(v.first, v.second, r1, unhex(EMPTY), proof)).toBe(false);
      expect(verifyConsistency(v.first, v.second, r1, r2, [])).toBe(false);
      // A rewritten history: the same old size with a different root never verifies.
      expect(verifyConsistency(v.first, v.second, rootOf(v.first === 1 ? 2 : v.first - 1), r2, proof)).toBe(
        false,
      );
    }
    expect(verifyConsistency(0, 8, unhex(EMPTY), rootOf(8), [])).toBe(true);
    expect(verifyConsistency(3, 3, rootOf(3), rootOf(4), [])).toBe(false);
    expect(verifyConsistency(5, 3, rootOf(5), rootOf(3), [])).toBe(false);
  });

  it("every proof of every leaf and size pair up to 40 leaves verifies, and only for the right root", () => {
    const many = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
    const roots = Array.from({ length: 41 }, (_, n) => mth(many.slice(0, n)));
    let checked = 0;
    for (let n = 1; n <= 40; n++) {
      for (let m = 0; m < n; m++) {
        const path = auditPath(many, m, n);
        expect(verifyInclusion(m, n, many[m] as Buffer, path, roots[n] as Buffer)).toBe(true);
        expect(verifyInclusion(m, n, many[m] as Buffer, path, roots[n - 1] as Buffer)).toBe(false);
        checked++;
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(many, m, n);
        expect(verifyConsistency(m, n, roots[m] as Buffer, roots[n] as Buffer, proof)).toBe(true);
        if (m < n)
          expect(verifyConsistency(m, n, roots[m - 1] as Buffer, roots[n] as Buffer, proof)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(40 * 41);
  });
});
