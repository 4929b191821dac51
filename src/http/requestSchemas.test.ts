import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { RouteOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type AppContext, defaultConfig } from "../app/context";
import type { Database } from "../db/client";
import { FixedClock } from "../shared/clock";
import { buildServer } from "./server";

const SHARED_API = join(import.meta.dirname, "../shared/api");

/** Every value exported by a module of src/shared/api (the wire contract). */
async function sharedExports(): Promise<Set<unknown>> {
  const files = readdirSync(SHARED_API, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "schema.ts",
  );
  const values = new Set<unknown>();
  for (const f of files) for (const v of Object.values(await import(join(SHARED_API, f)))) values.add(v);
  return values;
}

/** The API's routes as declared, from a server built without a database. */
async function declaredRoutes(): Promise<RouteOptions[]> {
  const routes: RouteOptions[] = [];
  const ctx: AppContext = {
    database: {} as Database,
    clock: new FixedClock(new Date("2026-01-01T00:00:00Z")),
    // demo: the payment simulator's routes are declared too.
    config: { ...defaultConfig, demo: true },
  };
  const app = await buildServer(ctx, { logger: false, onRoute: (r) => routes.push(r) });
  await app.ready();
  await app.close();
  return routes;
}

type Declared = {
  body?: unknown;
  params?: unknown;
  querystring?: unknown;
  multipart?: { parts?: unknown; json?: unknown };
};

/**
 * One wire contract (issue 12): what a request may carry — its body, path parameters, query string,
 * multipart parts — is a schema exported from src/shared/api, the module the web client and the
 * OpenAPI document use too. A route that declares a private schema again fails here.
 */
describe("request schemas come from src/shared/api", () => {
  it("every route's body, params, querystring and multipart parts are exported from src/shared/api", async () => {
    const shared = await sharedExports();
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(100);
    const privateOnes: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const s = (r.schema ?? {}) as Declared;
      const parts: [string, unknown][] = [
        ["body", s.body],
        ["params", s.params],
        ["querystring", s.querystring],
        ["multipart.parts", s.multipart?.parts],
        ["multipart.json", s.multipart?.json],
      ];
      for (const [where, schema] of parts) {
        if (schema === undefined) continue;
        checked++;
        if (!shared.has(schema)) privateOnes.push(`${r.method} ${r.url} ${where}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(privateOnes).toEqual([]);
  });

  it("finds a private schema (the check can fail)", async () => {
    const shared = await sharedExports();
    expect(shared.has(z.object({ id: z.uuid() }))).toBe(false);
  });
});
