import type { FastifyInstance } from "fastify";
import { type AppContext, type Config, defaultConfig } from "../../src/app/context";
import { buildServer } from "../../src/http/server";
import { FixedClock } from "../../src/shared/clock";
import { openTestDatabase } from "../setup/testDatabase";
import { TestClient } from "./client";

/** One server on one test database, with the demo bureau loaded and a clock the test controls. */
export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  clock: FixedClock;
  /** A new client; `as(username)` also logs it in. */
  client(ip?: string): TestClient;
  as(username: string): Promise<TestClient>;
  close(): Promise<void>;
};

/** A Tuesday morning in the county's office hours (2026-11-24 09:00 Asia/Shanghai). */
export const TEST_NOW = new Date("2026-11-24T01:00:00Z");

/**
 * Starts a test application on a fresh copy of the demo database (PGlite, or PostgreSQL with DATABASE_URL);
 * with `webDir`, it serves that built web application too.
 */
export async function createTestApp(
  config: Partial<Config> = {},
  server: { webDir?: string } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new FixedClock(TEST_NOW);
  const ctx: AppContext = {
    database,
    clock,
    config: { ...defaultConfig, demo: true, loginRateLimitPerMinute: 1000, ...config },
  };
  const app = await buildServer(ctx, { logger: false, checkResponses: true, webDir: server.webDir });
  await app.ready();
  return {
    ...testAppOn(app, ctx),
    clock,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The TestApp shape the factories need, on a server built elsewhere (a second server, a started one). */
export function testAppOn(app: FastifyInstance, ctx: AppContext): TestApp {
  return {
    app,
    ctx,
    clock: ctx.clock as FixedClock,
    client: (ip) => new TestClient(app, ip),
    async as(username) {
      const c = new TestClient(app);
      const res = await c.login(username);
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
      return c;
    },
    close: async () => {},
  };
}
