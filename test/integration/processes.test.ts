import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess, startServerInProcess } from "../helpers/cli";
import { startServerProcess } from "../helpers/processes";
import { adminQuery, withDatabase } from "../setup/testDatabase";

// One real database for these tests: a PGlite data dir, or a fresh PostgreSQL database.
const dir = mkdtempSync(join(tmpdir(), "yizhan-proc-"));
const serverUrl = process.env.DATABASE_URL;
const dbName = `yz_proc_${process.pid}`;
const env: Record<string, string | undefined> = serverUrl
  ? { DATABASE_URL: withDatabase(serverUrl, dbName), YIZHAN_DATA_DIR: undefined }
  : { DATABASE_URL: undefined, YIZHAN_DATA_DIR: join(dir, "data") };

beforeAll(async () => {
  if (serverUrl) await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function login(url: string, username: string, password: string) {
  return fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

// The commands run in this process (test/helpers/cli.ts); the restarted server is a real process.
describe("the yizhan command", { timeout: 180_000 }, () => {
  it("prints help, and exits non-zero with a clear message on bad arguments", async () => {
    const help = await runCliInProcess(["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("user");
    const unknown = await runCliInProcess(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = await runCliInProcess(["user", "add", "--username", "x"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--name is required");
    const badFlag = await runCliInProcess(["start", "--prot", "3000"], env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("--prot");
  });

  it("migrates, seeds the demo bureau, adds a user, and refuses an unknown organization", async () => {
    expect((await runCliInProcess(["migrate"], env)).code).toBe(0);
    const seeded = await runCliInProcess(["seed", "--demo"], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("Demo data loaded");
    const bad = await runCliInProcess(
      ["user", "add", "--username", "clerk9", "--name", "窗口九", "--password", "-", "--role", "clerk@NOPE"],
      env,
      "secret-pass-9\n",
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("NOPE");
    const ok = await runCliInProcess(
      [
        "user",
        "add",
        "--username",
        "clerk9",
        "--name",
        "窗口九",
        "--password",
        "-",
        "--role",
        "clerk@HY-ZRZY-WIN",
      ],
      env,
      "secret-pass-9\n",
    );
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
  });

  // The second server is a real process: SIGTERM (not the in-process stop) must end it with code 0, and
  // the data written through the first must be on disk, not in this process's memory.
  it("starts, stops cleanly, and keeps the data across a restart in another process that SIGTERM stops", async () => {
    const first = await startServerInProcess(["--port", "0", "--demo", "--host", "127.0.0.1"], env);
    expect(first.output()).toContain("Demo accounts");
    expect((await login(first.url, "clerk9", "secret-pass-9")).status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain("Stopped cleanly.");
    const second = await startServerProcess(["--port", "0", "--host", "127.0.0.1"], env);
    try {
      expect((await login(second.url, "clerk9", "secret-pass-9")).status).toBe(200);
      expect((await login(second.url, "admin", "demo1234")).status).toBe(200);
      const health = (await (await fetch(`${second.url}/healthz`)).json()) as { database: string };
      expect(health.database).toBe(serverUrl ? "postgresql" : "pglite");
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
