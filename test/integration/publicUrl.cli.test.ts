import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase, runCliInProcess, startServerInProcess } from "../helpers/cli";

// A copy of the migrated database for these tests (test/helpers/cli.ts).
const dir = mkdtempSync(join(tmpdir(), "yizhan-puburl-"));
let env: Record<string, string | undefined> = {};
let db: Awaited<ReturnType<typeof cliDatabase>>;

beforeAll(async () => {
  db = await cliDatabase();
  env = {
    ...db.env,
    YIZHAN_PUBLIC_URL: undefined,
    YIZHAN_KEYS_DIR: join(dir, "keys"),
    YIZHAN_BACKGROUND: "0",
  };
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

// `yizhan start` runs in this process (test/helpers/cli.ts).
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
