import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/http/server";
import { TestClient } from "../helpers/client";
import { caseIn } from "../helpers/factories";
import { REG_FORM } from "../helpers/forms";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Fees = { assessments: { id: string; status: string }[]; settled: boolean };

let t: TestApp;
/** A second server on the same database, not in demo mode (how a bureau runs it). */
let production: FastifyInstance;
let orderId: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  production = await buildServer(
    { ...t.ctx, config: { ...t.ctx.config, demo: false } },
    { logger: false, checkResponses: true },
  );
  await production.ready();
  // A registration case approved, its fees assessed by the window, an online payment started by sanmu.
  const built = await caseIn(t, "approved", {
    itemCode: "state-land-first-registration",
    formData: REG_FORM,
  });
  const clerk = await t.as("clerk");
  const fees = await clerk.post<Fees>(`/api/cases/${built.id}/fees/assessments`, {});
  expect(fees.status, JSON.stringify(fees.body)).toBe(201);
  const applicant = await t.as("sanmu");
  const started = await applicant.post<{ id: string; payUrl: string }>(
    `/api/cases/${built.id}/fees/online-payments`,
    { assessmentId: fees.body.assessments[0].id, idempotencyKey: "demo-surface-0001" },
  );
  expect(started.status).toBe(201);
  expect(started.body.payUrl).toContain("/pay/simulator?order=");
  orderId = started.body.id;
  caseId = built.id;
});
afterAll(async () => {
  await production?.close();
  await t?.close();
});

const orderUrl = () => `/api/payment-simulator/orders/${orderId}`;

describe("the payment simulator (demo mode only)", () => {
  it("needs a session: anonymous callers get 401 and pay nothing", async () => {
    const anon = t.client();
    expect((await anon.get(orderUrl())).status).toBe(401);
    expect((await anon.post(`${orderUrl()}/pay`, { outcome: "SUCCESS" })).status).toBe(401);
  });

  it("needs the session's CSRF token on the write", async () => {
    const applicant = await t.as("sanmu");
    applicant.sendCsrf = false;
    const res = await applicant.post<{ code: string }>(`${orderUrl()}/pay`, { outcome: "SUCCESS" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("csrf_invalid");
  });

  it("is the payer's only: another applicant and a reviewer get 403", async () => {
    for (const who of ["citizen", "reviewer-registry"]) {
      const other = await t.as(who);
      expect((await other.get(orderUrl())).status, who).toBe(403);
      expect((await other.post(`${orderUrl()}/pay`, { outcome: "SUCCESS" })).status, who).toBe(403);
    }
    const fees = await (await t.as("clerk")).get<Fees>(`/api/cases/${caseId}/fees`);
    expect(fees.body.settled).toBe(false);
  });

  it("the payer with session and CSRF sees the order and pays it", async () => {
    const applicant = await t.as("sanmu");
    const order = await applicant.get<{ orderId: string; amountFen: number; status: string }>(orderUrl());
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ orderId, status: "pending" });
    const paid = await applicant.post<{ outcome: string }>(`${orderUrl()}/pay`, { outcome: "SUCCESS" });
    expect(paid.status).toBe(200);
    expect(paid.body.outcome).toBe("paid");
    const fees = await applicant.get<Fees>(`/api/cases/${caseId}/fees`);
    expect(fees.body.settled).toBe(true);
  });

  it("does not exist outside demo mode: 404 even for the payer, and not in the OpenAPI document", async () => {
    const applicant = new TestClient(production);
    expect((await applicant.login("sanmu")).status).toBe(200);
    expect((await applicant.get(orderUrl())).status).toBe(404);
    expect((await applicant.post(`${orderUrl()}/pay`, { outcome: "SUCCESS" })).status).toBe(404);
    const doc = await applicant.get<{ paths: Record<string, unknown> }>("/api/openapi.json");
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    expect(paths).toContain("/api/payments/callback");
    expect(paths.filter((p) => p.startsWith("/api/payment-simulator"))).toEqual([]);
    // The demo server's document does list them (the check above can fail).
    const demoDoc = await t.client().get<{ paths: Record<string, unknown> }>("/api/openapi.json");
    expect(Object.keys(demoDoc.body.paths)).toContain("/api/payment-simulator/orders/{id}/pay");
  });
});
