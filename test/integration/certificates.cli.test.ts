import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KeyStore, publishedKeySet, signPayload } from "../../src/adapters/signing";
import { runCli } from "../helpers/processes";

const dir = mkdtempSync(join(tmpdir(), "yizhan-keys-cli-"));
const keysDir = join(dir, "keys");
const env = { YIZHAN_KEYS_DIR: keysDir, DATABASE_URL: undefined, VITEST: undefined };

describe("yizhan keys and verify-certificate", () => {
  it("init, rotate, list; a certificate verifies offline before and after rotation, a tampered one does not", async () => {
    const init = await runCli(["keys", "init", "--org", "HY-ZRZY"], env);
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
    const rotate = await runCli(["keys", "rotate", "--org", "HY-ZRZY", "--alg", "SM2-SM3"], env);
    expect(rotate.stdout).toContain(`${k1.kid} retired`);
    const keysFile = join(dir, "published.json");
    writeFileSync(keysFile, JSON.stringify(publishedKeySet("test", new KeyStore(keysDir).list())));
    const ok = await runCli(["verify-certificate", file, "--keys", keysFile], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("valid signature: 建设用地规划许可证 地字第340321202600001号");
    expect(ok.stdout).toContain("retired key");
    writeFileSync(file, readFileSync(file, "utf8").replace("00001号", "00002号"));
    const bad = await runCli(["verify-certificate", file], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("tampered");
    const list = await runCli(["keys", "list"], env);
    expect(list.stdout.trim().split("\n")).toHaveLength(2);
  });
});
