import { PDF } from "./cases";
import type { TestClient } from "./client";
import type { TestApp } from "./testApp";

export type Measure = {
  contractAt: string | null;
  certificatesAt: string | null;
  workingMinutes: number | null;
  workingHours: number | null;
  sameDay: boolean | null;
};
export type Bundle = {
  id: string;
  status: string;
  template: { code: string; name: string };
  cases: { id: string; itemCode: string; status: string }[];
  certificates: { name: string; number: string }[];
  clock: { caseId: string | null; deadline: string | null };
  measure: Measure;
};
export type Project = {
  id: string;
  code: string;
  timeline: { type: string; summary: string }[];
  meetings: { actionItems: { id: string; status: string }[] }[];
  siteSurveys: unknown[];
  prechecks: { itemCode: string; materialCode: string; status: string }[];
  bundles: Bundle[];
  measure: (Measure & { bundleId: string })[];
  abilities: Record<string, boolean>;
};

/** Local (Asia/Shanghai) time on a date as an instant. */
export const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/** Uploads the test PDF as a project file and returns its id. */
export async function uploadFile(
  _t: TestApp,
  helper: TestClient,
  projectId: string,
  name: string,
): Promise<string> {
  const res = await helper.upload<{ fileId: string }>(
    `/api/projects/${projectId}/files`,
    name,
    PDF,
    "application/pdf",
  );
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status}`);
  return res.body.fileId;
}

/** The required applicant materials of the two items of the land bundles, by item. */
export const REQUIRED_MATERIALS = {
  "construction-land-planning-permit": [
    "application_form",
    "land_grant_contract",
    "parcel_map",
    "planning_conditions",
    "project_approval",
  ],
  "state-land-first-registration": [
    "registration_application",
    "land_price_payment_proof",
    "cadastral_survey",
  ],
} as const;

/** Opens a project for the demo enterprise (安徽三木新材料) as the helper and returns it. */
export async function openProject(
  helper: TestClient,
  sanmu: TestClient,
  code: string,
  name: string,
  extra: { landTransferOrgCode?: string } = {},
) {
  const me = await sanmu.get<{ id: string }>("/api/auth/me");
  const res = await helper.post<Project & { version: number; stage: string }>("/api/projects", {
    code,
    name,
    enterpriseId: me.body.id,
    parcel: { location: "怀远县经济开发区禹王路南侧", areaSqm: 30000, use: "工业用地" },
    ...extra,
  });
  if (res.status !== 201) throw new Error(`createProject: ${res.status} ${res.text}`);
  return res.body;
}

/** Pre-checks every required material of both items (pass, one uploaded file each). */
export async function precheckAll(t: TestApp, helper: TestClient, projectId: string): Promise<void> {
  for (const [itemCode, codes] of Object.entries(REQUIRED_MATERIALS)) {
    const checks = [];
    for (const code of codes)
      checks.push({
        materialCode: code,
        status: "pass",
        fileIds: [await uploadFile(t, helper, projectId, `${code}.pdf`)],
      });
    const res = await helper.put(`/api/projects/${projectId}/prechecks`, { itemCode, checks });
    if (res.status !== 200) throw new Error(`savePrecheck ${itemCode}: ${res.status} ${res.text}`);
  }
}
