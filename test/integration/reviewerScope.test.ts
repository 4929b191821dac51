import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../src/app/auth/loadActor";
import { logDataAccess } from "../../src/app/sharedData/accessLog";
import { type CaseBody, draftWithMaterials, passAll, submit } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 11, point 14 (ADR 0006): a reviewer reads only the cases with a review task of their
// department — and everything of such a case the same way: its certificate (metadata, JSON, PDF), fees,
// receipts, documents, files, timeline and the data-access log. A 不动产首次登记 is reviewed by the
// registration center alone: the planning section's reviewer has no business with it.

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-reviewer-scope-"));

const REG_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  rightHolderCode: "91340321MA2T5ABC0H",
  parcelLocation: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  unitNumber: "340321003001GB00018W00000000",
  parcelArea: 53333.5,
  landUse: "工业用地",
  rightNature: "出让",
  contractNo: "怀土出〔2026〕18号",
  termStart: "2026-11-01",
  termEnd: "2076-10-31",
  extraCertificates: 0,
};

type Fees = { assessments: { id: string }[]; payments: { id: string }[] };

let t: TestApp;
let c: CaseBody;
let certId: string;
let paymentId: string;
let documentId: string;
let fileId: string;
let planning: TestClient;
let registry: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const applicant = await t.as("sanmu");
  const clerk = await t.as("clerk");
  c = await passAll(
    clerk,
    await submit(
      applicant,
      await draftWithMaterials(t, applicant, "state-land-first-registration", REG_FORM),
    ),
  );
  const accepted = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, { expectedVersion: c.version });
  expect(accepted.status).toBe(200);
  expect(accepted.body.reviewTasks.map((x) => x.orgCode)).toEqual(["HY-ZRZY-BDC"]);
  registry = await t.as("reviewer-registry");
  planning = await t.as("reviewer-planning");
  const task = accepted.body.reviewTasks[0];
  const reviewed = await registry.post<CaseBody>(`/api/review-tasks/${task.id}/complete`, {
    expectedVersion: task.version,
    outcome: "approve",
    opinion: "权属清楚",
  });
  const decided = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/decide`, {
    expectedVersion: reviewed.body.version,
    outcome: "approve",
    reasons: "准予登记",
  });
  expect(decided.body.status).toBe("approved");
  const fees = await clerk.post<Fees>(`/api/cases/${c.id}/fees/assessments`, {});
  expect(fees.status).toBe(201);
  const paid = await clerk.post<{ id: string }>(`/api/cases/${c.id}/fees/window-payments`, {
    assessmentId: fees.body.assessments[0].id,
    channel: "cash",
    idempotencyKey: "reviewer-scope-1",
  });
  expect(paid.status).toBe(201);
  paymentId = paid.body.id;
  const issued = await clerk.post<CaseBody>(`/api/cases/${c.id}/issue`, {
    expectedVersion: decided.body.version,
  });
  expect(issued.body.status).toBe("completed");
  c = issued.body;
  const certs = await clerk.get<{ items: { id: string }[] }>(`/api/cases/${c.id}/certificates`);
  certId = certs.body.items[0].id;
  documentId = c.documents[0].id;
  const withFile = c.materials.find((m) => m.files.length > 0) as CaseBody["materials"][number];
  fileId = (withFile.files[0] as { id: string }).id;
  // The window fetched the applicant's deed-tax proof for this case: one line of the access log.
  const clerkActor = await loadActor(
    t.ctx.database.db,
    (await clerk.get<{ id: string }>("/api/auth/me")).body.id,
  );
  await logDataAccess(t.ctx.database.db, {
    actor: clerkActor,
    at: t.clock.now(),
    purpose: "办件审查：契税完税证明",
    subjectUserId: null,
    subjectCode: "91340321MA2T5ABC0H",
    datasetCode: "deed_tax_proof",
    caseId: c.id,
    connector: "directory",
    outcome: "ok",
  });
});
afterAll(async () => t?.close());

/** Every read of the case and of what belongs to it. */
const reads = () => [
  `/api/cases/${c.id}`,
  `/api/cases/${c.id}/timeline`,
  `/api/cases/${c.id}/documents/${documentId}/pdf`,
  `/api/cases/${c.id}/files/${fileId}`,
  `/api/cases/${c.id}/certificates`,
  `/api/certificates/${certId}`,
  `/api/certificates/${certId}/json`,
  `/api/certificates/${certId}/pdf`,
  `/api/cases/${c.id}/fees`,
  `/api/payments/${paymentId}/receipt`,
];

describe("a reviewer reads only the cases of their department's review tasks", () => {
  it("the reviewing department reads the case, its certificate (JSON, PDF), fees, receipt, documents and files", async () => {
    for (const url of reads()) expect((await registry.get(url)).status, url).toBe(200);
  });

  it("another department's reviewer reads none of it (certificate, fees and receipt included)", async () => {
    for (const url of reads()) expect([403, 404], url).toContain((await planning.get(url)).status);
    // Nor does the case appear in their list or search.
    const list = await planning.get<{ items: { id: string }[] }>(
      `/api/cases?q=${encodeURIComponent(c.number)}`,
    );
    expect(list.body.items.map((x) => x.id)).not.toContain(c.id);
  });

  it("the data-access log: the reviewing department sees the case's accesses, another department's reviewer does not", async () => {
    type Log = { items: { caseId: string | null }[] };
    const mine = await registry.get<Log>("/api/data-access-log");
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x) => x.caseId)).toContain(c.id);
    const other = await planning.get<Log>("/api/data-access-log");
    expect(other.status).toBe(200);
    expect(other.body.items.map((x) => x.caseId)).not.toContain(c.id);
    // The window that made the access still reads it.
    const window = await (await t.as("clerk")).get<Log>("/api/data-access-log");
    expect(window.body.items.map((x) => x.caseId)).toContain(c.id);
  });
});
