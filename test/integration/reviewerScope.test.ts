import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../src/app/auth/loadActor";
import { logDataAccess } from "../../src/app/sharedData/accessLog";
import type { CaseBody } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
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
  const clerk = await t.as("clerk");
  // Reviewed by the registration center alone, decided, fees assessed and paid at the window, issued.
  c = await caseRead(t, "completed", clerk, {
    itemCode: "state-land-first-registration",
    formData: REG_FORM,
  });
  expect(c.status).toBe("completed");
  expect(c.reviewTasks.map((x) => x.orgCode)).toEqual(["HY-ZRZY-BDC"]);
  registry = await t.as("reviewer-registry");
  planning = await t.as("reviewer-planning");
  const fees = await clerk.get<Fees>(`/api/cases/${c.id}/fees`);
  expect(fees.body.payments).toHaveLength(1);
  paymentId = fees.body.payments[0].id;
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
