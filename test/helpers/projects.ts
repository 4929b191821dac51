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
