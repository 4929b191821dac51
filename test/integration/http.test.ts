import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = {
  type: string;
  code: string;
  status: number;
  title: string;
  message: { "zh-CN": string; "en-US": string };
  field?: string;
  errors?: { field: string; code: string }[];
  requestId: string;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("HTTP shell", () => {
  it("GET /healthz names the database", async () => {
    const res = await t.client().get<{ status: string; database: string; version: string }>("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgresql" : "pglite",
      version: expect.any(String),
    });
  });

  it("bad input is problem+json naming each field in Chinese and English", async () => {
    const res = await t.client().post<Problem>("/api/auth/login", { username: 42 });
    expect(res.status).toBe(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.type).toBe("https://yizhan.dev/problems/validation_failed");
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual(["password", "username"]);
    expect(res.body.message["zh-CN"]).toContain("password: 必填");
    expect(res.body.message["en-US"]).toContain("password: Required");
    expect(res.body.requestId).toBeTruthy();
  });

  it("malformed JSON is a 400 problem, unknown API paths a 404 problem", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/problem\+json/);
    const missing = await t.client().get<Problem>("/api/no-such-thing");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
  });

  it("echoes a request id and sends security headers", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": "abc-123" },
    });
    expect(res.headers["x-request-id"]).toBe("abc-123");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("publishes OpenAPI 3 where every operation has an operationId", async () => {
    const res = await t
      .client()
      .get<{ openapi: string; paths: Record<string, Record<string, { operationId?: string }>> }>(
        "/api/openapi.json",
      );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const ops = Object.values(res.body.paths).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(5);
    for (const op of ops) expect(op.operationId).toBeTruthy();
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("login");
    expect(res.body.paths["/api/auth/login"].post.operationId).toBe("login");
  });
});
