import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, KeyStore, signBytes } from "../../src/adapters/signing";
import { certificates } from "../../src/db/schema";
import { runCliInProcess } from "../helpers/cli";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

const keysDir = mkdtempSync(join(tmpdir(), "yizhan-keys-openssl-"));
process.env.YIZHAN_KEYS_DIR = keysDir;

const has = (cmd: string) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).status === 0;
const tools = has("openssl") || spawnSync("openssl", ["version"]).status === 0;

/** The shell block of docs/certificates.md that an outside party runs ("Verify with OpenSSL alone"). */
function docsScript(): string {
  const md = readFileSync(new URL("../../docs/certificates.md", import.meta.url), "utf8");
  const m = /```sh\n(# verify-with-openssl\n[\s\S]*?)```/.exec(md);
  if (!m) throw new Error("docs/certificates.md has no verify-with-openssl block");
  return m[1];
}

/**
 * Runs the documented commands in a fresh directory on `cert` (as downloaded); output and exit code.
 * Asynchronously: curl in the script asks this very process's server for the keys.
 */
async function runDocs(cert: string, base: string) {
  const dir = mkdtempSync(join(tmpdir(), "yizhan-ossl-doc-"));
  writeFileSync(join(dir, "certificate.json"), cert);
  const child = spawn("sh", ["-c", docsScript()], {
    cwd: dir,
    env: { PATH: process.env.PATH, CERT: "certificate.json", YIZHAN: base },
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => {
    out += b.toString("utf8");
  });
  child.stderr.on("data", (b: Buffer) => {
    out += b.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { out, code, dir };
}

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  // A real listening server: the documented commands fetch the keys with curl.
  base = (await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("127.0.0.1", "localhost");
  t.ctx.config.publicUrl = base;
});
afterAll(async () => t?.close());

/** A land-use planning permit taken through review and decision, issued; its certificate JSON as served. */
async function issuedPermitJson(): Promise<{ raw: string; id: string; applicant: TestClient }> {
  const applicant = await t.as("sanmu");
  const c = await caseRead(t, "completed", applicant);
  expect(c.status).toBe("completed");
  const list = await applicant.get<{ items: { id: string }[] }>(`/api/cases/${c.id}/certificates`);
  const id = list.body.items[0].id;
  const res = await t.app.inject({
    method: "GET",
    url: `/api/certificates/${id}/json`,
    headers: { cookie: applicant.cookieHeader() },
  });
  expect(res.statusCode).toBe(200);
  return { raw: res.body, id, applicant };
}

describe.runIf(tools && has("curl"))(
  "an outside party verifies with OpenSSL alone (docs/certificates.md)",
  () => {
    it("Ed25519: the documented commands verify a real issued certificate, its key id and its issuer", async () => {
      const { raw } = await issuedPermitJson();
      const doc = JSON.parse(raw) as {
        format: string;
        signature: { kid: string };
        payload: { number: string };
      };
      expect(doc.format).toBe("yizhan-certificate/2");
      const run = await runDocs(raw, base);
      expect(run.out).toContain("Signature Verified Successfully");
      expect(run.out).toContain(`key id signed: ${doc.signature.kid}`);
      expect(run.out).toMatch(new RegExp(`issuer: \\S+ owns key ${doc.signature.kid}`));
      // signed.json is what the outside party reads: the number, the key id and the signing time are in it.
      const signed = readFileSync(join(run.dir, "signed.json"), "utf8");
      expect(signed).toContain(doc.payload.number);
      expect(signed).toContain('"signedAt":"');
      // One changed byte of the signed data (地字第 … number), re-encoded: OpenSSL refuses it.
      const tampered = raw.replace(/"signedData":"([^"]*)"/, (_m, b64: string) => {
        const text = Buffer.from(b64, "base64")
          .toString("utf8")
          .replace(/(地字第\d+)\d号/, "$19号");
        return `"signedData":"${Buffer.from(text, "utf8").toString("base64")}"`;
      });
      expect(tampered).not.toBe(raw);
      const bad = await runDocs(tampered, base);
      expect(bad.out).toContain("Signature Verification Failure");
      expect(bad.out).not.toContain("Signature Verified Successfully");
    });

    it("SM2-SM3: the same commands verify (SM3 digest, empty signer ID)", async () => {
      new KeyStore(keysDir).rotate("HY-ZRZY", "SM2-SM3", t.clock.now());
      const { raw } = await issuedPermitJson();
      expect(JSON.parse(raw).signature).toMatchObject({ alg: "SM2-SM3", sm2Id: "" });
      const run = await runDocs(raw, base);
      expect(run.out).toContain("Signature Verified Successfully");
      expect(run.out).toMatch(/issuer: \S+ owns key /);
    });
  },
);

describe("certificates signed under the first scheme (payload only) still verify", () => {
  it("served as yizhan-certificate/1, valid online and offline, the CLI saying what its signature covers", async () => {
    const { id, applicant } = await issuedPermitJson();
    // A row as issued before issue 11: the signature over the canonical payload alone, no signed_data.
    const db = t.ctx.database.db;
    const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
    const store = new KeyStore(keysDir);
    const legacySignature = signBytes(
      row.algorithm,
      store.privateKeyPem(row.keyId),
      Buffer.from(canonicalJson(row.payload), "utf8"),
    ).toString("base64");
    await db
      .update(certificates)
      .set({ signature: legacySignature, signedData: null })
      .where(eq(certificates.id, id));
    const json = await applicant.get<{ format: string; signature: Record<string, unknown> }>(
      `/api/certificates/${id}/json`,
    );
    expect(json.body.format).toBe("yizhan-certificate/1");
    expect(json.body.signature.signedData).toBeUndefined();
    const anon = t.client();
    expect(
      (await anon.post<{ result: string }>("/api/public/certificates/verify", json.body)).body.result,
    ).toBe("valid");
    // Relabelled as format 2 it does not verify: the legacy signature does not cover the key id and time.
    const relabelled = { ...json.body, format: "yizhan-certificate/2" };
    expect(
      (await anon.post<{ result: string }>("/api/public/certificates/verify", relabelled)).body.result,
    ).toBe("tampered");
    const dir = mkdtempSync(join(tmpdir(), "yizhan-legacy-"));
    writeFileSync(join(dir, "cert.json"), JSON.stringify(json.body));
    // The JWKS as an outside party saves it, handed to the CLI as a file.
    writeFileSync(join(dir, "jwks.json"), (await t.client().get("/.well-known/jwks.json")).text);
    const cli = await runCliInProcess(
      ["verify-certificate", join(dir, "cert.json"), "--keys", join(dir, "jwks.json")],
      {
        YIZHAN_KEYS_DIR: join(dir, "none"),
        VITEST: undefined,
      },
    );
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("valid signature");
    expect(cli.stdout).toContain(
      "yizhan-certificate/1 (the first format): the signature covers the payload only",
    );
    if (tools) {
      // And with OpenSSL: the signed bytes of format 1 are the canonical payload.
      writeFileSync(join(dir, "payload.json"), canonicalJson(row.payload));
      writeFileSync(join(dir, "sig.bin"), Buffer.from(legacySignature, "base64"));
      writeFileSync(
        join(dir, "key.pem"),
        (await t.client().get(`/.well-known/yizhan-keys/${row.keyId}.pem`)).text,
      );
      const args = ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "payload.json"];
      const out = execFileSync(
        "openssl",
        [...args, "-sigfile", "sig.bin", ...(row.algorithm === "SM2-SM3" ? ["-digest", "sm3"] : [])],
        { cwd: dir },
      ).toString();
      expect(out).toContain("Signature Verified Successfully");
    }
  });
});
