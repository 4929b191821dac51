import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startServerProcess } from "../helpers/processes";
import { adminQuery, withDatabase } from "../setup/testDatabase";

// One real database for these process-level tests: a PGlite data dir, or a fresh PostgreSQL database.
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

// Every call spawns a `yizhan` process (tsx compiles on start): seconds each, more on a loaded machine.
describe("the yizhan command", { timeout: 180_000 }, () => {
  it("prints help, and exits non-zero with a clear message on bad arguments", () => {
    const help = runCli(["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("user");
    const unknown = runCli(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = runCli(["user", "add", "--username", "x"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--name is required");
    const badFlag = runCli(["start", "--prot", "3000"], env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("--prot");
  });

  it("migrates, seeds the demo bureau, adds a user, and refuses an unknown organization", () => {
    expect(runCli(["migrate"], env).code).toBe(0);
    const seeded = runCli(["seed", "--demo"], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("Demo data loaded");
    const bad = runCli(
      ["user", "add", "--username", "clerk9", "--name", "窗口九", "--password", "-", "--role", "clerk@NOPE"],
      env,
      "secret-pass-9\n",
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("NOPE");
    const ok = runCli(
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

  it("starts, stops cleanly on SIGTERM, and keeps the data across the restart", async () => {
    const first = await startServerProcess(["--port", "0", "--demo", "--host", "127.0.0.1"], env);
    expect(first.output()).toContain("Demo accounts");
    expect((await login(first.url, "clerk9", "secret-pass-9")).status).toBe(200);
    expect(await first.stop()).toBe(0);
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
