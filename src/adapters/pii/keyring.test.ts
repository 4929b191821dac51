import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  addPiiHashKey,
  addPiiKey,
  decryptPii,
  encryptPii,
  keyIdOf,
  loadPiiKeyring,
  PII_KEY_FILE,
  piiHash,
  piiHashes,
} from "./keyring";

const dir = mkdtempSync(join(tmpdir(), "yizhan-pii-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the personal-data keyring (ADR 0016)", () => {
  it("creates its key file on first use (0600), encrypts with AES-256-GCM, refuses tampering", () => {
    const ring = loadPiiKeyring(dir, {});
    expect(statSync(join(dir, PII_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadPiiKeyring(dir, {}).active).toBe(ring.active);
    const a = encryptPii("340321198503122011", ring);
    const b = encryptPii("340321198503122011", ring);
    expect(a).not.toBe(b);
    expect(a).not.toContain("3403211985");
    expect(keyIdOf(a)).toBe(ring.active);
    expect(decryptPii(a, ring)).toBe("340321198503122011");
    expect(decryptPii("13805529876", ring)).toBe("13805529876"); // plaintext of an older version
    const tampered = `${a.slice(0, -2)}${a.endsWith("A") ? "B" : "A"}${a.slice(-1)}`;
    expect(() => decryptPii(tampered, ring)).toThrow();
    expect(piiHash(" 34032119850312201x ", ring)).toBe(piiHash("34032119850312201X", ring));
  });

  it("a new key becomes active, the old ones stay readable, the hash key does not change", () => {
    const before = loadPiiKeyring(dir, {});
    const old = encryptPii("13805529876", before);
    const after = addPiiKey(dir);
    expect(after.active).not.toBe(before.active);
    expect(decryptPii(old, after)).toBe("13805529876");
    expect(piiHash("x", after)).toBe(piiHash("x", before));
    expect(JSON.parse(readFileSync(join(dir, PII_KEY_FILE), "utf8")).keys).toHaveLength(2);
    const other = loadPiiKeyring(mkdtempSync(join(dir, "other-")), {});
    expect(() => decryptPii(old, other)).toThrow(/not in the keyring/);
  });

  it("a new hash key replaces the old one, which lookups still try; the encryption keys stay", () => {
    const before = loadPiiKeyring(dir, {});
    const after = addPiiHashKey(dir);
    expect(after.active).toBe(before.active);
    expect(piiHash("340321198503122011", after)).not.toBe(piiHash("340321198503122011", before));
    expect(piiHashes("340321198503122011", after)).toEqual([
      piiHash("340321198503122011", after),
      piiHash("340321198503122011", before),
    ]);
    expect(loadPiiKeyring(dir, {}).oldHashKeys.map((k) => k.toString("base64"))).toEqual(
      after.oldHashKeys.map((k) => k.toString("base64")),
    );
    expect(statSync(join(dir, PII_KEY_FILE)).mode & 0o777).toBe(0o600);
    const env = loadPiiKeyring(dir, {
      YIZHAN_PII_KEY: Buffer.alloc(32, 1).toString("base64"),
      YIZHAN_PII_HASH_KEY: Buffer.alloc(32, 3).toString("base64"),
      YIZHAN_PII_OLD_HASH_KEYS: Buffer.alloc(32, 2).toString("base64"),
    });
    expect(env.oldHashKeys).toHaveLength(1);
  });

  it("takes the keys from the environment instead", () => {
    const k = Buffer.alloc(32, 1).toString("base64");
    const h = Buffer.alloc(32, 2).toString("base64");
    const ring = loadPiiKeyring(dir, { YIZHAN_PII_KEY: k, YIZHAN_PII_HASH_KEY: h });
    expect(ring.source).toBe("environment");
    expect(() => loadPiiKeyring(dir, { YIZHAN_PII_KEY: k })).toThrow(/YIZHAN_PII_HASH_KEY/);
    expect(() => loadPiiKeyring(dir, { YIZHAN_PII_KEY: "short", YIZHAN_PII_HASH_KEY: h })).toThrow(
      /32 bytes/,
    );
  });
});
