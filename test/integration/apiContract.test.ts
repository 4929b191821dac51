import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBody } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 12, items 4 and 5: what the OpenAPI document says about access is what the server does, and
// integrators find a case by the number they hold (findCaseByNumber) within the scope of reading it.

type Operation = { operationId: string; security?: Record<string, string[]>[]; responses: object };
type Problem = { code: string; status: number };

let t: TestApp;
let ops: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (
    await t.client().get<{ paths: Record<string, Record<string, Operation>> }>("/api/openapi.json")
  ).body;
  ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(async () => t?.close());

/** The operation's path with made-up parameters (a fresh UUID for ids, `x` for the rest). */
const urlOf = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === "id" || name.endsWith("Id") ? randomUUID() : "x",
  );

describe("access as the document declares it", () => {
  it("refuses every operation that needs a session with 401 problem+json to a caller without one, whatever the input", async () => {
    const session = ops.filter((o) => o.op.security?.length && o.op.security.every((s) => "session" in s));
    expect(session.length).toBeGreaterThan(80);
    const misses: string[] = [];
    for (const o of session) {
      const res = await t
        .client()
        .request<Problem>(o.method, urlOf(o.path), o.method === "GET" ? undefined : { junk: "\u0000" });
      if (res.status !== 401 || res.body.code !== "unauthenticated")
        misses.push(`${o.op.operationId} → ${res.status} ${res.text.slice(0, 120)}`);
      else expect(String(res.headers["content-type"])).toContain("application/problem+json");
    }
    expect(misses).toEqual([]);
  });

  it("answers public and optional operations without a session (401 only where the document names it)", async () => {
    const open = ops.filter(
      (o) =>
        o.method === "GET" && (o.op.security?.length === 0 || o.op.security?.some((s) => !("session" in s))),
    );
    expect(open.map((o) => o.op.operationId)).toEqual(
      expect.arrayContaining(["health", "listServiceItems", "getCalendarStatus", "getSigningKeys"]),
    );
    const misses: string[] = [];
    for (const o of open) {
      const res = await t.client().get(urlOf(o.path));
      if (res.status === 401 && !("401" in o.op.responses)) misses.push(`${o.op.operationId} → 401`);
    }
    expect(misses).toEqual([]);
  });
});

describe("findCaseByNumber", () => {
  let c: CaseBody;
  beforeAll(async () => {
    c = await caseRead(t, "in_review", await t.as("sanmu"));
  });

  it("gives the applicant and the window the case by its human number, as getCase does", async () => {
    for (const user of ["sanmu", "clerk", "reviewer-planning"]) {
      const client = await t.as(user);
      const byNumber = await client.get<CaseBody>(`/api/case-numbers/${encodeURIComponent(c.number)}`);
      expect(byNumber.status, user).toBe(200);
      expect(byNumber.body).toEqual((await client.get<CaseBody>(`/api/cases/${c.id}`)).body);
    }
  });

  it("is a 404 for an unknown number and for a case the caller may not read (its existence not disclosed)", async () => {
    const citizen = await t.as("citizen");
    expect((await citizen.get(`/api/cases/${c.id}`)).status).toBe(403);
    const other = await citizen.get<Problem>(`/api/case-numbers/${encodeURIComponent(c.number)}`);
    const unknown = await citizen.get<Problem>("/api/case-numbers/340321-20991231-9999");
    for (const res of [other, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("not_found");
      expect(String(res.headers["content-type"])).toContain("application/problem+json");
    }
    // A department without a task on the case does not read it either (ADR 0006).
    const registry = await t.as("reviewer-registry");
    expect((await registry.get(`/api/case-numbers/${encodeURIComponent(c.number)}`)).status).toBe(404);
    expect((await t.client().get(`/api/case-numbers/${encodeURIComponent(c.number)}`)).status).toBe(401);
  });

  it("names the parameter when the number is not one (422)", async () => {
    const clerk = await t.as("clerk");
    const res = await clerk.get<Problem & { errors: { field: string }[] }>(
      `/api/case-numbers/${"9".repeat(41)}`,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toContain("number");
  });
});
