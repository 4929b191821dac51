import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCallback } from "../../src/adapters/payment/simulator";
import { extractPdf } from "../../src/adapters/pdf/extractText";
import { KeyStore } from "../../src/adapters/signing";
import { type CaseBody, draftWithMaterials } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { REG_FORM } from "../helpers/forms";
import { createTestApp, type TestApp } from "../helpers/testApp";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-it-"));

type Cert = {
  id: string;
  number: string;
  status: string;
  name: string;
  algorithm: string;
  keyId: string;
  verifyUrl: string;
  fields: { name: string; value: string }[];
};
type Fees = {
  settled: boolean;
  assessments: {
    id: string;
    status: string;
    totalFen: number;
    lines: { code: string; amountFen: number; exemptionName: string | null }[];
  }[];
  payments: { id: string; status: string; receiptNumber: string | null }[];
};
type Verification = { result: string; certificate?: { holderCode: string; number: string } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const pdfText = async (client: TestClient, url: string) => {
  const raw = await t.app.inject({ method: "GET", url, headers: { cookie: client.cookieHeader() } });
  expect(raw.statusCode).toBe(200);
  expect(raw.headers["content-type"]).toBe("application/pdf");
  return (await extractPdf(raw.rawPayload)).text;
};

/** An approved land-planning-permit case (both reviews done, decided), built by the factory. */
async function approvedLandPermit(): Promise<{ c: CaseBody; clerk: TestClient; applicant: TestClient }> {
  const clerk = await t.as("clerk");
  const c = await caseRead(t, "approved", clerk);
  expect(c.status).toBe("approved");
  return { c, clerk, applicant: await t.as("sanmu") };
}

/** A 不动产首次登记 case approved (the registry section reviewed), fees not yet assessed. */
async function approvedRegistration(form: Record<string, unknown> = REG_FORM) {
  const clerk = await t.as("clerk");
  const c = await caseRead(t, "approved", clerk, {
    itemCode: "state-land-first-registration",
    formData: form,
  });
  expect(c.status).toBe("approved");
  return { c, clerk };
}

let permit: Cert;
let title: Cert;
let regCase: CaseBody;

describe("certificates on issue, wallet and once-only", () => {
  it("issuing a planning permit signs a certificate into the holder's wallet; keys are published", async () => {
    const { c, clerk, applicant } = await approvedLandPermit();
    const issued = await clerk.post<CaseBody>(`/api/cases/${c.id}/issue`, { expectedVersion: c.version });
    expect(issued.body.status).toBe("completed");
    const wallet = await applicant.get<{ items: Cert[] }>("/api/wallet");
    expect(wallet.status).toBe(200);
    permit = wallet.body.items[0];
    expect(permit).toMatchObject({ name: "建设用地规划许可证", status: "valid", algorithm: "Ed25519" });
    expect(permit.number).toMatch(/^地字第3403212026\d{5}号$/);
    const keys = await t
      .client()
      .get<{ keys: { kid: string; publicKeyPem: string }[] }>("/.well-known/yizhan-keys.json");
    expect(keys.body.keys.map((k) => k.kid)).toContain(permit.keyId);
    const jwks = await t
      .client()
      .get<{ keys: { kid: string; kty: string; crv: string; x: string }[] }>("/.well-known/jwks.json");
    expect(jwks.body.keys.find((k) => k.kid === permit.keyId)).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    expect((await (await t.as("citizen")).get(`/api/certificates/${permit.id}`)).status).toBe(403);
  });

  it("a later case needing that result gets it from the wallet: 'provided from certificate No. …'", async () => {
    const applicant = await t.as("sanmu");
    const draft = await draftWithMaterials(t, applicant, "state-land-first-registration", REG_FORM);
    const m = draft.materials.find(
      (x) => x.code === "land_planning_permit",
    ) as CaseBody["materials"][number] & { sourceLabel?: string };
    expect(m.source).toBe("certificate");
    expect(m.status).toBe("provided");
    expect(m.sourceLabel).toBe(`证照库：建设用地规划许可证 No. ${permit.number}`);
  });
});

describe("fees, payments and issue", () => {
  it("a case with unpaid assessed fees cannot be issued (422 fees_unpaid)", async () => {
    const applicant = await t.as("sanmu");
    const { c, clerk } = await approvedRegistration();
    regCase = c;
    expect((await applicant.post(`/api/cases/${c.id}/fees/assessments`, {})).status).toBe(403);
    const fees = await clerk.post<Fees>(`/api/cases/${c.id}/fees/assessments`, {});
    expect(fees.status).toBe(201);
    const a = fees.body.assessments[0];
    expect(a.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ["registration_fee", 55000],
      ["certificate_fee", 1000],
    ]);
    expect(a.totalFen).toBe(56000);
    const refused = await clerk.post<{ code: string; status: number }>(`/api/cases/${c.id}/issue`, {
      expectedVersion: c.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("fees_unpaid");
  });

  it("online payment: replayed and out-of-order callbacks never double-count; forged ones are refused", async () => {
    const applicant = await t.as("sanmu");
    const fees = await applicant.get<Fees>(`/api/cases/${regCase.id}/fees`);
    const a = fees.body.assessments[0];
    const started = await applicant.post<{ id: string; payUrl: string; status: string }>(
      `/api/cases/${regCase.id}/fees/online-payments`,
      { assessmentId: a.id, idempotencyKey: "online-key-0001" },
    );
    expect(started.status).toBe(201);
    expect(started.body.payUrl).toMatch(/^\/pay\/simulator\?order=/);
    const again = await applicant.post<{ id: string }>(`/api/cases/${regCase.id}/fees/online-payments`, {
      assessmentId: a.id,
      idempotencyKey: "online-key-0001",
    });
    expect(again.body.id).toBe(started.body.id);
    const success = signCallback({
      orderId: started.body.id,
      transactionId: "SIM-TXN-1",
      status: "SUCCESS",
      amountFen: 56000,
      paidAt: "2026-11-24T02:00:00.000Z",
    });
    const failedLate = signCallback({
      orderId: started.body.id,
      transactionId: "SIM-TXN-0",
      status: "FAILED",
      amountFen: 56000,
      paidAt: "2026-11-24T01:59:00.000Z",
    });
    const anon = t.client();
    expect((await anon.post("/api/payments/callback", { ...success, amountFen: 1 })).status).toBe(401);
    const outcomes: string[] = [];
    for (const body of [success, success, failedLate, success]) {
      outcomes.push((await anon.post<{ outcome: string }>("/api/payments/callback", body)).body.outcome);
    }
    expect(outcomes).toEqual(["paid", "duplicate", "ignored_late", "duplicate"]);
    const after = await applicant.get<Fees>(`/api/cases/${regCase.id}/fees`);
    expect(after.body.settled).toBe(true);
    expect(after.body.payments.filter((p) => p.status === "paid")).toHaveLength(1);
    const receipt = await pdfText(applicant, `/api/payments/${started.body.id}/receipt`);
    expect(receipt).toContain("缴费凭证");
    expect(receipt).toContain("不动产登记费");
    expect(receipt).toContain("伍佰陆拾元整");
  });

  it("after payment the case is issued with a 不动产权证书 (fields, PDF with QR and red-line map, signed JSON)", async () => {
    const clerk = await t.as("clerk");
    const applicant = await t.as("sanmu");
    const cur = await clerk.get<CaseBody>(`/api/cases/${regCase.id}`);
    const issued = await clerk.post<CaseBody>(`/api/cases/${regCase.id}/issue`, {
      expectedVersion: cur.body.version,
    });
    expect(issued.status).toBe(200);
    const list = await applicant.get<{ items: Cert[] }>(`/api/cases/${regCase.id}/certificates`);
    title = list.body.items[0];
    expect(title.number).toMatch(/^皖（2026）怀远县不动产权第\d{7}号$/);
    const printed = Object.fromEntries(title.fields.map((f) => [f.name, f.value]));
    // Nothing defaulted: the application states no 共有情况, so the certificate prints none.
    expect(printed.共有情况).toBeUndefined();
    expect(printed).toMatchObject({
      坐落: REG_FORM.parcelLocation,
      不动产单元号: REG_FORM.unitNumber,
      权利人: REG_FORM.rightHolder,
      权利类型: "国有建设用地使用权",
      权利性质: "出让",
      用途: "工业用地",
      使用期限: "2026-11-01起2076-10-31止",
    });
    const text = await pdfText(applicant, `/api/certificates/${title.id}/pdf`);
    for (const s of [
      "中华人民共和国",
      "不动产权证书",
      title.number,
      "坐落",
      "权利人",
      "不动产单元号",
      "扫码核验真伪",
      "附图：宗地红线图",
      "怀远县自然资源和规划局",
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ""));
    }
    const json = await applicant.get<{ payload: Record<string, unknown>; signature: { kid: string } }>(
      `/api/certificates/${title.id}/json`,
    );
    const anon = t.client();
    expect((await anon.post<Verification>("/api/public/certificates/verify", json.body)).body.result).toBe(
      "valid",
    );
    const forged = JSON.parse(JSON.stringify(json.body).replace("工业用地", "商业用地"));
    expect((await anon.post<Verification>("/api/public/certificates/verify", forged)).body.result).toBe(
      "tampered",
    );
    const unknownKey = {
      ...json.body,
      signature: { ...json.body.signature, kid: "HY-ZRZY-19990101-000000000000" },
    };
    expect((await anon.post<Verification>("/api/public/certificates/verify", unknownKey)).body.result).toBe(
      "unknown",
    );
    const link = new URL(title.verifyUrl);
    const byLink = await anon.get<Verification>(`/api/public/certificates/verify${link.search}`);
    expect(byLink.body.result).toBe("valid");
    expect(byLink.body.certificate?.holderCode).toContain("****");
    expect(
      (await anon.get<Verification>(`/api/public/certificates/verify?id=${permit.id}&d=0000000000000000`))
        .body.result,
    ).toBe("tampered");
    expect(
      (
        await anon.get<Verification>(
          "/api/public/certificates/verify?id=01890000-0000-7000-8000-000000000000",
        )
      ).body.result,
    ).toBe("unknown");
  });

  it("window payment is idempotent; a refund needs a reason and reopens the fees; exemption for small and micro enterprises", async () => {
    const { c, clerk } = await approvedRegistration({
      ...REG_FORM,
      boundary: undefined,
      isSmallMicroEnterprise: true,
      extraCertificates: 2,
    });
    const fees = await clerk.post<Fees>(`/api/cases/${c.id}/fees/assessments`, {});
    const a = fees.body.assessments[0];
    expect(a.lines.find((l) => l.code === "registration_fee")).toMatchObject({
      amountFen: 0,
      exemptionName: "小微企业免收不动产登记费",
    });
    expect(a.totalFen).toBe(2000);
    const body = {
      assessmentId: a.id,
      channel: "pos",
      idempotencyKey: "window-key-0001",
      terminalReference: "POS123456",
    };
    const p1 = await clerk.post<{ id: string; status: string }>(
      `/api/cases/${c.id}/fees/window-payments`,
      body,
    );
    const p2 = await clerk.post<{ id: string; status: string }>(
      `/api/cases/${c.id}/fees/window-payments`,
      body,
    );
    expect(p1.status).toBe(201);
    expect(p2.body.id).toBe(p1.body.id);
    expect((await clerk.get<Fees>(`/api/cases/${c.id}/fees`)).body.payments).toHaveLength(1);
    expect((await clerk.post(`/api/payments/${p1.body.id}/refund`, { reason: "" })).status).toBe(422);
    const refunded = await clerk.post<{ status: string }>(`/api/payments/${p1.body.id}/refund`, {
      reason: "重复缴费，原路退回",
    });
    expect(refunded.body.status).toBe("refunded");
    expect((await clerk.post(`/api/payments/${p1.body.id}/refund`, { reason: "再次退费" })).status).toBe(409);
    const now = await clerk.get<Fees>(`/api/cases/${c.id}/fees`);
    expect(now.body.settled).toBe(false);
    const cur = await clerk.get<CaseBody>(`/api/cases/${c.id}`);
    expect((await clerk.post(`/api/cases/${c.id}/issue`, { expectedVersion: cur.body.version })).status).toBe(
      422,
    );
  });
});

describe("revocation and key rotation", () => {
  it("an approver revokes with a reason (the clerk may not); verification then answers revoked", async () => {
    const clerk = await t.as("clerk");
    const approver = await t.as("approver");
    expect(
      (await clerk.post(`/api/certificates/${permit.id}/revoke`, { kind: "revoke", reason: "核发错误" }))
        .status,
    ).toBe(403);
    expect(
      (await approver.post(`/api/certificates/${permit.id}/revoke`, { kind: "revoke", reason: "" })).status,
    ).toBe(422);
    const r = await approver.post<Cert & { revocationReason: string }>(
      `/api/certificates/${permit.id}/revoke`,
      { kind: "cancel", reason: "规划条件调整，原证注销" },
    );
    expect(r.body.status).toBe("revoked");
    const link = new URL(permit.verifyUrl);
    expect(
      (await t.client().get<Verification>(`/api/public/certificates/verify${link.search}`)).body.result,
    ).toBe("revoked");
    // once-only no longer offers a revoked certificate
    const draft = await draftWithMaterials(t, await t.as("sanmu"), "state-land-first-registration", REG_FORM);
    expect(draft.materials.find((x) => x.code === "land_planning_permit")?.status).toBe("pending");
  });

  it("after rotation to SM2-SM3, new certificates use the new key and old ones still verify", async () => {
    const store = new KeyStore();
    const rotated = store.rotate("HY-ZRZY", "SM2-SM3", t.clock.now());
    const { c, clerk } = await approvedLandPermit();
    expect((await clerk.post(`/api/cases/${c.id}/issue`, { expectedVersion: c.version })).status).toBe(200);
    const list = await clerk.get<{ items: Cert[] }>(`/api/cases/${c.id}/certificates`);
    expect(list.body.items[0]).toMatchObject({ algorithm: "SM2-SM3", keyId: rotated.kid });
    const applicant = await t.as("sanmu");
    const anon = t.client();
    for (const id of [list.body.items[0].id, title.id]) {
      const json = await applicant.get(`/api/certificates/${id}/json`);
      expect((await anon.post<Verification>("/api/public/certificates/verify", json.body)).body.result).toBe(
        "valid",
      );
    }
    const keys = await anon.get<{ keys: { kid: string; retired: string | null }[] }>(
      "/.well-known/yizhan-keys.json",
    );
    expect(keys.body.keys.find((k) => k.kid === title.keyId)?.retired).not.toBeNull();
  });
});
