import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { RouteOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type AppContext, defaultConfig } from "../app/context";
import type { Database } from "../db/client";
import { FixedClock } from "../shared/clock";
import { binaryMedia } from "./openapi";
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
  response?: Record<string, unknown>;
};

/**
 * A response declared by media type rather than as one zod schema: `{ description, content }`, as
 * http/openapi.ts `binaryResponse` builds it (a PDF, a PEM file, an uploaded file) or as the one-time notice
 * sheet declares it (PDF or JSON). Exempt from the check only as far as its media are binary (the one
 * shared `binaryMedia`, no schema of ours); a JSON medium's schema must still be exported from
 * src/shared/api. Answers undefined for anything else (a zod schema, checked as such).
 */
function mediaOf(value: unknown): { binary: number; schemas: unknown[] } | undefined {
  if (!value || typeof value !== "object" || value instanceof z.ZodType) return undefined;
  const v = value as { description?: unknown; content?: unknown };
  if (typeof v.description !== "string" || !v.content || typeof v.content !== "object") return undefined;
  const media = Object.values(v.content as Record<string, { schema?: unknown }>);
  if (media.length === 0) return undefined;
  const binary = media.filter((m) => m === binaryMedia).length;
  return { binary, schemas: media.filter((m) => m !== binaryMedia).map((m) => m?.schema) };
}

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

  it("every route's response schemas (each status) are exported from src/shared/api", async () => {
    const shared = await sharedExports();
    const routes = await declaredRoutes();
    const privateOnes: string[] = [];
    let checked = 0;
    const binary = new Set<string>();
    for (const r of routes) {
      const response = ((r.schema ?? {}) as Declared).response ?? {};
      for (const [status, schema] of Object.entries(response)) {
        checked++;
        const media = mediaOf(schema);
        if (media?.binary) binary.add(`${r.url} ${status}`);
        for (const s of media ? media.schemas : [schema])
          if (!shared.has(s)) privateOnes.push(`${r.method} ${r.url} ${status}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The binary ones are few and known: the signing key (PEM), a case document, certificate, receipt and
    // one-time notice sheet as PDF, an uploaded file (a GET and its HEAD twin count once), the scorecards
    // as XLSX or CSV, a policy document's attachment, the open data as CSV.
    expect([...binary].sort()).toEqual([
      "/.well-known/yizhan-keys/:file 200",
      "/api/cases/:id/documents/:docId/pdf 200",
      "/api/cases/:id/files/:fileId 200",
      "/api/catalog/items/:code/notice-sheet 200",
      "/api/certificates/:id/pdf 200",
      "/api/payments/:id/receipt 200",
      "/api/policy-documents/:id/attachments/:fileId 200",
      "/api/public/open-data/decisions.csv 200",
      "/api/public/open-data/figures.csv 200",
      "/api/supervision/scorecards/export 200",
    ]);
    expect(privateOnes).toEqual([]);
  });

  it("finds a private schema (the check can fail)", async () => {
    const shared = await sharedExports();
    expect(shared.has(z.object({ id: z.uuid() }))).toBe(false);
  });
});
