import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess, startServerInProcess } from "../helpers/cli";
import { adminQuery, withDatabase } from "../setup/testDatabase";

// One database for these process tests: a PGlite data dir, or a fresh PostgreSQL database.
const dir = mkdtempSync(join(tmpdir(), "yizhan-puburl-"));
const serverUrl = process.env.DATABASE_URL;
const dbName = `yz_puburl_${process.pid}`;
const env: Record<string, string | undefined> = {
  ...(serverUrl
    ? { DATABASE_URL: withDatabase(serverUrl, dbName), YIZHAN_DATA_DIR: undefined }
    : { DATABASE_URL: undefined, YIZHAN_DATA_DIR: join(dir, "data") }),
  YIZHAN_PUBLIC_URL: undefined,
  YIZHAN_KEYS_DIR: join(dir, "keys"),
  YIZHAN_BACKGROUND: "0",
};

beforeAll(async () => {
  if (serverUrl) await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

// `yizhan start` runs in this process (test/helpers/cli.ts); its first start migrates a fresh database.
describe("YIZHAN_PUBLIC_URL / --public-url (issue 11, point 10)", { timeout: 120_000 }, () => {
  it("refuses a public URL that is not an http(s) address, naming where it came from", async () => {
    const flag = await runCliInProcess(["start", "--public-url", "ftp://yizhan.example.gov.cn"], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--public-url: must start with http:// or https://");
    const fromEnv = await runCliInProcess(["start"], { ...env, YIZHAN_PUBLIC_URL: "yizhan.example.gov.cn" });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain("YIZHAN_PUBLIC_URL: not a URL");
  });

  it("--no-demo on localhost: the banner warns that links will not work elsewhere", async () => {
    const server = await startServerInProcess(["--no-demo", "--port", "0", "--host", "127.0.0.1"], env);
    try {
      const port = new URL(server.url).port;
      expect(server.output()).toContain(`Public URL: http://localhost:${port}`);
      expect(server.output()).toContain(
        `WARNING: the public URL http://localhost:${port} is a localhost address`,
      );
      const keys = (await (await fetch(`${server.url}/.well-known/yizhan-keys.json`)).json()) as {
        issuer: string;
      };
      expect(keys.issuer).toBe(`http://localhost:${port}`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("--public-url: used for every absolute link, no warning", async () => {
    const server = await startServerInProcess(
      ["--no-demo", "--port", "0", "--host", "127.0.0.1", "--public-url", "https://yizhan.example.gov.cn/"],
      env,
    );
    try {
      expect(server.output()).toContain("Public URL: https://yizhan.example.gov.cn ");
      expect(server.output()).not.toContain("WARNING");
      const keys = (await (await fetch(`${server.url}/.well-known/yizhan-keys.json`)).json()) as {
        issuer: string;
      };
      expect(keys.issuer).toBe("https://yizhan.example.gov.cn");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
