import type { TestClient } from "./client";
import type { TestApp } from "./testApp";

/** A tiny but real PDF (detected as application/pdf by its content). */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export type CaseBody = {
  id: string;
  number: string;
  queryCode: string | null;
  status: string;
  version: number;
  deadline?: string | null;
  clock: {
    state: string;
    deadline: string | null;
    remainingWorkingDays: number | null;
    provisional: boolean;
    pausedWorkingDays: number;
  };
  materials: {
    code: string;
    name: string;
    status: string;
    required: boolean;
    source: string;
    files: unknown[];
  }[];
  reviewTasks: {
    id: string;
    stepCode: string;
    stepName: string;
    orgCode: string;
    status: string;
    version: number;
    dueOn: string | null;
    returns: number;
  }[];
  documents: { id: string; kind: string; number: string; title: string }[];
  abilities: Record<string, boolean>;
  returnsCount: number;
  extensionDays: number;
  finishedOnSpot: boolean;
  acceptedOn: string | null;
  receivedOn: string | null;
};

/** Form data that satisfies the 建设用地规划许可证核发 schema. */
export const LAND_PERMIT_FORM = {
  projectName: "安徽三木新材料年产5万吨项目",
  projectCode: "2026-340321-30-03-012345",
  location: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  landArea: 53_333.5,
  landUse: "工业用地",
  supplyMethod: "出让",
  contractNo: "怀土出〔2026〕18号",
};

/** Files an application as `applicant` (draft), fills the form and uploads every applicant material. */
export async function draftWithMaterials(
  _t: TestApp,
  applicant: TestClient,
  itemCode = "construction-land-planning-permit",
  formData: Record<string, unknown> = LAND_PERMIT_FORM,
): Promise<CaseBody> {
  const created = await applicant.post<CaseBody>("/api/cases", { itemCode, formData });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  let c = created.body;
  for (const m of c.materials.filter((m) => m.required && m.source === "upload")) {
    const res = await applicant.upload<{ case: CaseBody }>(
      `/api/cases/${c.id}/materials/${m.code}/files`,
      `${m.name}.pdf`,
      PDF,
      "application/pdf",
    );
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
    c = res.body.case;
  }
  return c;
}

/** Submits a draft and returns the case. */
export async function submit(applicant: TestClient, c: CaseBody): Promise<CaseBody> {
  const res = await applicant.post<CaseBody>(`/api/cases/${c.id}/submit`, { expectedVersion: c.version });
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${res.text}`);
  return res.body;
}

/** The clerk passes every material that was provided. */
export async function passAll(clerk: TestClient, c: CaseBody): Promise<CaseBody> {
  const checks = c.materials
    .filter((m) => m.status !== "pending" || m.required)
    .map((m) => ({ materialCode: m.code, status: "pass" }));
  const res = await clerk.post<CaseBody>(`/api/cases/${c.id}/material-checks`, {
    expectedVersion: c.version,
    checks,
  });
  if (res.status !== 200) throw new Error(`check failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A case of the land-use planning permit accepted by the window (in review in two departments). */
export async function acceptedCase(
  t: TestApp,
): Promise<{ c: CaseBody; applicant: TestClient; clerk: TestClient }> {
  const applicant = await t.as("sanmu");
  const clerk = await t.as("clerk");
  let c = await submit(applicant, await draftWithMaterials(t, applicant));
  c = await passAll(clerk, c);
  const res = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, { expectedVersion: c.version });
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${res.text}`);
  return { c: res.body, applicant, clerk };
}

/**
 * The window assesses the case's fees (when the item charges any) and takes them in cash: what every
 * issue of a charged item needs first (issue 11). Returns without a call for items without fees.
 */
export async function settleFees(clerk: TestClient, caseId: string): Promise<void> {
  const fees = await clerk.get<{
    required: boolean;
    settled: boolean;
    assessments: { id: string; status: string }[];
  }>(`/api/cases/${caseId}/fees`);
  if (fees.status !== 200) throw new Error(`fees failed: ${fees.status} ${fees.text}`);
  if (!fees.body.required || fees.body.settled) return;
  let open = fees.body.assessments.find((a) => a.status === "open");
  if (!open) {
    const assessed = await clerk.post<{ assessments: { id: string; status: string }[] }>(
      `/api/cases/${caseId}/fees/assessments`,
      {},
    );
    if (assessed.status !== 201) throw new Error(`assess failed: ${assessed.status} ${assessed.text}`);
    open = assessed.body.assessments.find((a) => a.status === "open");
  }
  if (!open) return;
  const paid = await clerk.post(`/api/cases/${caseId}/fees/window-payments`, {
    assessmentId: open.id,
    channel: "cash",
    idempotencyKey: `test-${open.id}`,
  });
  if (paid.status !== 201) throw new Error(`payment failed: ${paid.status} ${paid.text}`);
}
