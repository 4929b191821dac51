import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import type { AppContext } from "../../src/app/context";
import { LOCK_FILE } from "../../src/db/dataDirLock";
import { startYizhan } from "../../src/http/start";
import type { Clock } from "../../src/shared/clock";
import { adminQuery, withDatabase } from "../setup/testDatabase";

export const WEB_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * All browser logins come from 127.0.0.1: allow more than production's 30 a minute so a growing suite
 * does not trip the per-IP limit (the limit itself is covered by the integration tests).
 */
const E2E_CONFIG = { loginRateLimitPerMinute: 300 };

export type TestServer = { url: string; ctx: AppContext; close(): Promise<void> };

/** What a test file may change about its server: a clock of its own (a FixedClock it moves). */
export type TestServerOptions = { clock?: Clock };

/**
 * Starts Yizhan in this process on a random port, in demo mode, on a database of its own: a fresh
 * temporary PGlite data dir (a copy of the one the global setup loaded), or — with `DATABASE_URL` set — a freshly created PostgreSQL database that
 * is dropped again by `close()`. Serves the built web application from dist/web.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `yz_e2e_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const app = await startYizhan({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: withDatabase(serverUrl, name),
      demo: true,
      clock: opts.clock,
      config: E2E_CONFIG,
      logLevel: "silent",
      webDir: WEB_DIR,
    });
    // The public address is the one the browser uses (QR codes, PDF footers point to it).
    app.ctx.config.publicUrl = app.url;
    return {
      url: app.url,
      ctx: app.ctx,
      async close() {
        await app.close();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "yizhan-e2e-"));
  // A copy of the demo database the global setup loaded once (see globalSetup.ts).
  const template = inject("e2eTemplateDir");
  if (template) {
    await cp(template, dataDir, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE) });
  }
  const app = await startYizhan({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    demo: true,
    clock: opts.clock,
    config: E2E_CONFIG,
    logLevel: "silent",
    webDir: WEB_DIR,
  });
  app.ctx.config.publicUrl = app.url;
  return {
    url: app.url,
    ctx: app.ctx,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
