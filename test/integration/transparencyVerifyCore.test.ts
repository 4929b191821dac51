import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/adapters/signing/canonicalJson";
import { CompactRange, entryLeafHash } from "../../src/app/transparency/verify/compactRange";
import {
  type CheckpointLike,
  checkCheckpoint,
  LogChecker,
} from "../../src/app/transparency/verify/logChecker";
import { hex, leafHash, mth } from "../helpers/rfc6962";

// verify-log's own streaming tree and entry checks, held against the independent RFC 6962 verifier.

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const KEY = {
  keyId: "k1",
  algorithm: "Ed25519",
  publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
};

function checkpoint(treeSize: number, rootHash: string, origin = "https://yizhan.test"): CheckpointLike {
  const timestamp = "2026-11-24T01:00:00.000Z";
  const note = `yizhan-transparency/v1\n${origin}\n${treeSize}\n${rootHash}\n${timestamp}\n`;
  const signature = sign(null, Buffer.from(note), privateKey).toString("base64");
  return { treeSize, rootHash, timestamp, keyId: "k1", algorithm: "Ed25519", note, signature };
}

/** A small log of case events for two cases, chained by prevHash/hash, plus an admin entry. */
function sampleEntries(): string[] {
  const heads: Record<string, { seq: number; hash: string | null }> = {};
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    if (i === 5) {
      out.push(
        canonicalJson({ v: 1, kind: "admin_audit", id: `a${i}`, at: "2026-11-24T01:00:00Z", action: "x" }),
      );
      continue;
    }
    const caseId = i % 2 === 0 ? "case-a" : "case-b";
    const head = heads[caseId] ?? { seq: 0, hash: null };
    const hash = `h${i}`;
    out.push(
      canonicalJson({
        v: 1,
        kind: "case_event",
        id: `e${i}`,
        at: "2026-11-24T01:00:00Z",
        type: "t",
        caseId,
        seq: head.seq + 1,
        prevHash: head.hash,
        hash,
      }),
    );
    heads[caseId] = { seq: head.seq + 1, hash };
  }
  return out;
}

describe("verify-log's streaming tree (CompactRange)", () => {
  it("gives the same root as the independent MTH at every size up to 300", () => {
    const range = new CompactRange();
    const leaves: Buffer[] = [];
    expect(hex(range.root())).toBe(hex(mth([])));
    for (let i = 0; i < 300; i++) {
      const entry = `entry ${i}`;
      const l = entryLeafHash(entry);
      expect(hex(l)).toBe(hex(leafHash(entry)));
      range.append(l);
      leaves.push(l);
      expect(hex(range.root()), `size ${i + 1}`).toBe(hex(mth(leaves)));
    }
  });
});

describe("LogChecker", () => {
  const entries = sampleEntries();
  const rootAt = (n: number) => hex(mth(entries.slice(0, n).map((e) => leafHash(e))));

  function run(list: string[], checkpoints: CheckpointLike[]) {
    const checker = new LogChecker(checkpoints);
    list.forEach((e, i) => {
      checker.add(i, e, hex(leafHash(e)));
    });
    return checker.report();
  }

  it("passes an untouched log with its checkpoints", () => {
    const report = run(entries, [checkpoint(4, rootAt(4)), checkpoint(12, rootAt(12))]);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, treeSize: 12, checkpointsChecked: 2, rootHash: rootAt(12) });
  });

  it("a changed entry breaks the root of the checkpoints that cover it, from the last good one", () => {
    const changed = [...entries];
    changed[6] = (changed[6] as string).replace('"type":"t"', '"type":"u"');
    const report = run(changed, [
      checkpoint(4, rootAt(4)),
      checkpoint(8, rootAt(8)),
      checkpoint(12, rootAt(12)),
    ]);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toMatchObject({ code: "checkpoint_root", leafIndex: 4, treeSize: 8 });
  });

  it("a dropped event breaks its case's chain at the event that follows", () => {
    const dropped = entries.filter((_, i) => i !== 4);
    const report = run(dropped, []);
    // entries 0,2,(4 gone),6 are case-a: the event that was at 6 is now leaf 5 and follows seq 2.
    expect(report.firstBad).toMatchObject({ code: "chain_seq", leafIndex: 5, caseId: "case-a", seq: 4 });
    expect(report.findings.map((f) => f.code)).toContain("chain_link");
  });

  it("a stored leaf hash that is not H(0x00 ‖ entry) is reported at its index", () => {
    const checker = new LogChecker([]);
    entries.forEach((e, i) => {
      checker.add(i, e, i === 9 ? hex(leafHash(`${e} `)) : hex(leafHash(e)));
    });
    expect(checker.report().firstBad).toMatchObject({ code: "leaf_hash", leafIndex: 9 });
  });

  it("checks a checkpoint's note and signature", () => {
    const good = checkpoint(4, rootAt(4));
    expect(checkCheckpoint(good, [KEY], "https://yizhan.test")).toEqual([]);
    expect(checkCheckpoint({ ...good, rootHash: rootAt(3) }, [KEY]).map((f) => f.code)).toEqual([
      "checkpoint_note",
    ]);
    expect(
      checkCheckpoint({ ...good, note: good.note.replace("\n4\n", "\n5\n"), treeSize: 5 }, [KEY]).map(
        (f) => f.code,
      ),
    ).toEqual(["checkpoint_signature"]);
    expect(checkCheckpoint(good, [{ ...KEY, keyId: "other" }]).map((f) => f.code)).toEqual([
      "checkpoint_key",
    ]);
    expect(checkCheckpoint(good, [KEY], "https://elsewhere.test").map((f) => f.code)).toEqual([
      "checkpoint_origin",
    ]);
  });
});
