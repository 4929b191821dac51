import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupSocketPath } from "../../src/db/backup";
import { type RunningYizhan, startYizhan } from "../../src/http/start";
import { FixedClock } from "../../src/shared/clock";
import type { CaseBody } from "../helpers/cases";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { TEST_NOW, testAppOn } from "../helpers/testApp";
import { TEST_PII_ENV } from "../setup/piiKeys";
import { adminQuery, withDatabase } from "../setup/testDatabase";

// Issue 16, point 5: a backup taken while the server runs, restored into a fresh instance, serves the
// same documents and its certificates verify — with an empty keys directory (verification needs only the
// public keys, which are in the database). PGlite: `yizhan backup` / `yizhan restore`. PostgreSQL: the
// documented pg_dump / pg_restore (docs/operations.md).

const pgServer = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "yizhan-backup-"));
const restoredDb = `yz_restored_${process.pid}`;
let source: Awaited<ReturnType<typeof cliDatabase>>;

afterAll(async () => {
  await source?.drop();
  if (pgServer) await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${restoredDb} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

/** A server on `env`'s database (in this process), with the test clock and its own keys directory. */
function serve(env: Record<string, string | undefined>, keysDir: string): Promise<RunningYizhan> {
  return startYizhan({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.YIZHAN_DATA_DIR,
    port: 0,
    logLevel: "silent",
    background: false,
    clock: new FixedClock(TEST_NOW),
    config: { demo: true, loginRateLimitPerMinute: 1000, keysDir },
    // The personal-data keys are the run's (test/setup/piiKeys.ts): a restored instance needs the key
    // file of the source (docs/operations.md), unlike the signing keys.
    env: { YIZHAN_KEYS_DIR: keysDir, ...TEST_PII_ENV },
  });
}

type Cert = { id: string; name: string };
/** What was made on the source server, to be found again after the restore. */
let made: { caseId: string; docUrl: string; pdf: Buffer; certId: string; certJson: unknown };

beforeAll(async () => {
  source = await cliDatabase();
  // On PGlite the keys are where they are by default, in the data directory: the backup must leave them out.
  const dataDir = source.env.YIZHAN_DATA_DIR;
  const running = await serve(source.env, dataDir ? join(dataDir, "keys") : join(dir, "keys-source"));
  try {
    const t = testAppOn(running.app, running.ctx);
    const clerk = await t.as("clerk");
    const c = await caseRead(t, "approved", clerk);
    const issued = await clerk.post<CaseBody>(`/api/cases/${c.id}/issue`, { expectedVersion: c.version });
    expect(issued.status).toBe(200);
    const applicant = await t.as("sanmu");
    const doc = issued.body.documents.find((d) => d.kind === "approval_decision");
    if (!doc) throw new Error("no decision document");
    const docUrl = `/api/cases/${c.id}/documents/${doc.id}/pdf`;
    const pdf = await running.app.inject({
      method: "GET",
      url: docUrl,
      headers: { cookie: applicant.cookieHeader() },
    });
    expect(pdf.statusCode).toBe(200);
    const wallet = await applicant.get<{ items: Cert[] }>("/api/wallet");
    const cert = wallet.body.items.find((i) => i.name === "建设用地规划许可证");
    if (!cert) throw new Error("no certificate in the wallet");
    const json = await applicant.get(`/api/certificates/${cert.id}/json`);
    expect(json.status).toBe(200);
    made = { caseId: c.id, docUrl, pdf: pdf.rawPayload, certId: cert.id, certJson: json.body };

    // The backup, taken while the source server runs.
    if (pgServer) {
      execFileSync("pg_dump", [
        "--format=custom",
        "--file",
        join(dir, "yizhan.dump"),
        source.env.DATABASE_URL as string,
      ]);
    } else {
      expect(existsSync(join(dataDir as string, "keys", "keys.json"))).toBe(true);
      expect(existsSync(backupSocketPath(dataDir as string))).toBe(true);
      const backup = await runCliInProcess(["backup", join(dir, "yizhan.backup")], source.env);
      expect(backup.stderr, backup.stdout).toContain("dumping the data directory");
      expect(backup.stdout).toMatch(/Backup written: .*taken by the running server, pid \d+/);
      expect(backup.code).toBe(0);
    }
  } finally {
    await running.close();
  }
});

describe.runIf(!pgServer)("yizhan backup / restore on the embedded database (issue 16, point 5)", () => {
  it("the backup holds the database and nothing else of the data directory (no signing keys, no lock)", () => {
    const tar = gunzipSync(readFileSync(join(dir, "yizhan.backup")));
    const names = new Set<string>();
    for (let offset = 0; offset + 512 <= tar.length; ) {
      const header = tar.subarray(offset, offset + 512);
      if (header.every((b) => b === 0)) break;
      const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
      names.add(name.replace(/^\/+/, "").split("/")[0] as string);
      offset +=
        512 + Math.ceil(Number.parseInt(header.subarray(124, 136).toString().trim() || "0", 8) / 512) * 512;
    }
    expect(names).toContain("PG_VERSION");
    expect(names).toContain("base");
    for (const never of ["keys", "yizhan.lock", "files"]) expect(names).not.toContain(never);
  });

  it("refuses to restore over a database, and into a directory in use", async () => {
    const file = join(dir, "yizhan.backup");
    const over = await runCliInProcess(["restore", file], source.env);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("already holds a database");
    const none = await runCliInProcess(["backup", join(dir, "x.backup")], {
      DATABASE_URL: undefined,
      YIZHAN_DATA_DIR: join(dir, "nothing"),
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("holds no database");
  });
});

describe("a restored instance serves the documents and verifies the certificates (issue 16, point 5)", () => {
  it("restores into a fresh instance: same document bytes, uploads, certificate valid, with no private key", async () => {
    let env: Record<string, string | undefined>;
    if (pgServer) {
      await adminQuery(pgServer, `CREATE DATABASE ${restoredDb}`);
      env = { DATABASE_URL: withDatabase(pgServer, restoredDb), YIZHAN_DATA_DIR: undefined };
      execFileSync("pg_restore", [
        "--no-owner",
        "--dbname",
        env.DATABASE_URL as string,
        join(dir, "yizhan.dump"),
      ]);
    } else {
      env = { DATABASE_URL: undefined, YIZHAN_DATA_DIR: join(dir, "restored") };
      const file = join(dir, "yizhan.backup");
      const restored = await runCliInProcess(["restore", file], env);
      expect(restored.stderr).toContain("applying migrations");
      expect(restored.stdout).toContain(`Restored ${file}`);
      expect(restored.code).toBe(0);
      expect(statSync(join(dir, "restored", "PG_VERSION")).isFile()).toBe(true);
    }
    // A fresh keys directory: this instance has never seen the source's private keys.
    const running = await serve(env, join(dir, "keys-restored"));
    try {
      const t = testAppOn(running.app, running.ctx);
      const applicant = await t.as("sanmu");
      const pdf = await running.app.inject({
        method: "GET",
        url: made.docUrl,
        headers: { cookie: applicant.cookieHeader() },
      });
      expect(pdf.statusCode).toBe(200);
      expect(Buffer.compare(pdf.rawPayload, made.pdf)).toBe(0);
      const c = await applicant.get<CaseBody>(`/api/cases/${made.caseId}`);
      const file = c.body.materials.flatMap((m) => m.files as { id: string }[])[0];
      if (!file) throw new Error("the restored case has no uploaded file");
      const upload = await applicant.get(`/api/cases/${made.caseId}/files/${file.id}`);
      expect(upload.status).toBe(200);
      expect(upload.text.startsWith("%PDF-")).toBe(true);
      const verified = await t
        .client()
        .post<{ result: string }>("/api/public/certificates/verify", made.certJson);
      expect(verified.body.result).toBe("valid");
      expect((await applicant.get(`/api/certificates/${made.certId}/pdf`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
