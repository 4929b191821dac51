import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jwkOf, KeyStore, publishedKeySet, signPayload } from "../../src/adapters/signing";
import { runCliInProcess } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "yizhan-keys-cli-"));
const keysDir = join(dir, "keys");
const env = { YIZHAN_KEYS_DIR: keysDir, DATABASE_URL: undefined, VITEST: undefined };

describe("yizhan keys and verify-certificate", { timeout: 180_000 }, () => {
  it("init, rotate, list; a certificate verifies offline before and after rotation, a tampered one does not", async () => {
    const init = await runCliInProcess(["keys", "init", "--org", "HY-ZRZY"], env);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/created HY-ZRZY-\d{8}-[0-9a-f]{12} \(Ed25519\)/);
    const store = new KeyStore(keysDir);
    const k1 = store.active("HY-ZRZY");
    if (!k1) throw new Error("no key");
    const doc = signPayload(
      {
        name: "建设用地规划许可证",
        number: "地字第340321202600001号",
        issuer: { name: "怀远县自然资源和规划局" },
      },
      { ...k1, privateKeyPem: store.privateKeyPem(k1.kid) },
      new Date(),
    );
    const file = join(dir, "cert.json");
    writeFileSync(file, JSON.stringify(doc));
    const rotate = await runCliInProcess(["keys", "rotate", "--org", "HY-ZRZY", "--alg", "SM2-SM3"], env);
    expect(rotate.stdout).toContain(`${k1.kid} retired`);
    const keysFile = join(dir, "published.json");
    writeFileSync(keysFile, JSON.stringify(publishedKeySet("test", new KeyStore(keysDir).list())));
    const ok = await runCliInProcess(["verify-certificate", file, "--keys", keysFile], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("valid signature: 建设用地规划许可证 地字第340321202600001号");
    expect(ok.stdout).toContain("retired key");
    writeFileSync(file, readFileSync(file, "utf8").replace("00001号", "00002号"));
    const bad = await runCliInProcess(["verify-certificate", file], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("tampered");
    const list = await runCliInProcess(["keys", "list"], env);
    expect(list.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("verify-certificate takes the JWKS as well as the keys document, and says clearly when there is no key store", {
    timeout: 120_000,
  }, async () => {
    const store = new KeyStore(join(dir, "jwks-keys"));
    const key = store.init("HY-ZRZY", "Ed25519");
    const doc = signPayload(
      {
        name: "建设用地规划许可证",
        number: "地字第340321202600002号",
        issuer: { name: "怀远县自然资源和规划局" },
      },
      { ...key, privateKeyPem: store.privateKeyPem(key.kid) },
      new Date(),
    );
    const file = join(dir, "cert2.json");
    writeFileSync(file, JSON.stringify(doc));
    const jwksFile = join(dir, "jwks.json");
    writeFileSync(jwksFile, JSON.stringify({ keys: publishedKeySet("test", store.list()).keys.map(jwkOf) }));
    expect(readFileSync(jwksFile, "utf8")).not.toContain("PUBLIC KEY");
    const ok = await runCliInProcess(["verify-certificate", file, "--keys", jwksFile], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("valid signature: 建设用地规划许可证 地字第340321202600002号");
    expect(ok.stdout).toContain("signing time and key id are covered by the signature");

    const nowhere = join(dir, "no-such-store");
    const none = await runCliInProcess(["verify-certificate", file], { ...env, YIZHAN_KEYS_DIR: nowhere });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no key store found: ${nowhere} has no keys.json`);
    expect(none.stderr).toContain("--keys https://<server>/.well-known/jwks.json");
    expect(none.stdout).not.toContain("unknown key");

    const list = await runCliInProcess(["keys", "list"], { ...env, YIZHAN_KEYS_DIR: nowhere });
    expect(list.code).toBe(1);
    expect(list.stdout).toBe("");
    expect(list.stderr).toContain(`No key store in ${nowhere} (no keys.json)`);
  });
});
