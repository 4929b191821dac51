import { type AppContext, type Config, defaultConfig } from "../app/context";
import type { Database } from "../db/client";
import { FixedClock } from "../shared/clock";
import { buildServer } from "./server";

/** A database that refuses every use: the document is built from the routes alone. */
const NO_DATABASE = new Proxy({} as Database, {
  get(_target, key) {
    throw new Error(`The OpenAPI document is built without a database (used: ${String(key)})`);
  },
});

/**
 * The OpenAPI document of the API as the server serves it at `/api/openapi.json`, built from the
 * routes without a database or a listening socket (`npm run lint:api`, `npm run gen:client`, tests).
 * The default configuration: the demo-only payment simulator is left out.
 */
export async function openApiDocument(config: Partial<Config> = {}): Promise<Record<string, unknown>> {
  const ctx: AppContext = {
    database: NO_DATABASE,
    clock: new FixedClock(new Date("2026-01-01T00:00:00Z")),
    config: { ...defaultConfig, ...config },
  };
  const app = await buildServer(ctx, { logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
