import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

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
  createdAt: string;
  template: { code: string; name: string; sharedMaterials: string[] };
  landContract: { number: string; signedAt: string; source: string } | null;
  landDelivery: { confirmationNo: string; deliveredAt: string; source: string } | null;
  clock: { caseId: string | null; deadline: string | null };
  cases: {
    id: string;
    number: string;
    itemName: string;
    status: string;
    submittedAt: string | null;
    completedAt: string | null;
  }[];
  certificates: { id: string; caseId: string; name: string; number: string; issuedAt: string }[];
  measure: Measure;
};
/** The four stages of a construction project, in order (国办发〔2019〕11号). */
export const STAGES = ["land_planning", "engineering_permit", "construction_permit", "completion"] as const;
export type Stage = (typeof STAGES)[number];

export type LandDelivery = {
  id: string;
  confirmationNo: string;
  deliveredAt: string;
  deliveredBy: string;
  deliveredTo: string;
  landContractNo: string | null;
  note: string;
  source: string;
  bundleId: string | null;
};
export type Project = {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  version: number;
  org: { code: string; name: string };
  parcel: {
    location: string;
    areaSqm: number;
    use: string;
    contractNo?: string | null;
    boundary?: { type: "Polygon"; coordinates: number[][][] } | null;
  };
  enterprise: { name: string; creditCode: string | null };
  helper: { name: string } | null;
  /** The outside body whose land-transfer system records the contract and the delivery by API. */
  landTransferOrg: { code: string; name: string } | null;
  prechecks: {
    itemCode: string;
    materialCode: string;
    materialName?: string;
    status: string;
    note: string | null;
    fileIds: string[];
  }[];
  contacts: { id: string; contactName: string; channel: string }[];
  siteSurveys: { id: string; surveyedOn: string; people: string[]; findings: string }[];
  meetings: {
    id: string;
    heldOn: string;
    topic: string;
    attendees: { name: string; department: string }[];
    decisions: string[];
    actionItems: { id: string; description: string; owner: string; dueOn: string; status: string }[];
  }[];
  landContracts: {
    id: string;
    number: string;
    signedAt: string;
    priceYuan: number;
    paymentStatus: string;
    source: string;
  }[];
  landDeliveries: LandDelivery[];
  bundles: Bundle[];
  timeline: {
    id: string;
    type: string;
    summary: string;
    at: string;
    actorName: string | null;
    data: Record<string, unknown>;
  }[];
  abilities: Record<string, boolean>;
};
export type ProjectSummary = {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  location: string;
  enterpriseName: string;
  helperName: string | null;
};

/** Projects the signed-in user may see. */
export function useProjects() {
  return useQuery({
    queryKey: ["projects"],
    queryFn: () => api<{ items: ProjectSummary[] }>("/api/projects"),
  });
}

/** One project with its timeline, bundles and measure. */
export function useProject(id: string) {
  return useQuery({ queryKey: ["project", id], queryFn: () => api<Project>(`/api/projects/${id}`) });
}

/** Records a site survey (现场踏勘). */
export function useRecordSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { surveyedOn: string; people: string[]; findings: string }) =>
      api<Project>(`/api/projects/${id}/site-surveys`, { method: "POST", body }),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
  });
}

/** Marks an action item done. */
export function useCompleteAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (actionItemId: string) =>
      api<Project>(`/api/projects/${id}/action-items/${actionItemId}/complete`, { method: "POST" }),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
  });
}

/** Moves the project forward (changeProjectStage) with the version the page shows. */
export function useChangeStage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { expectedVersion: number; stage: Stage; note: string; reason?: string }) =>
      api<Project>(`/api/projects/${id}/stage`, { method: "POST", body }),
    onSuccess: (p) => {
      qc.setQueryData(["project", id], p);
      void qc.invalidateQueries({ queryKey: ["projects"] });
    },
    // A stale page (409) is reloaded so the next attempt starts from what is true now.
    onError: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}

/** Names (or clears, with null) the project's land-transfer body, with the version the page shows. */
export function useSetLandTransferOrg(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { expectedVersion: number; orgCode: string | null }) =>
      api<Project>(`/api/projects/${id}/land-transfer-org`, { method: "PUT", body }),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
    // A stale page (409) is reloaded so the next attempt starts from what is true now.
    onError: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}

/** Why a contract or a delivery filed nothing: the bundle was filed already, or is not ready yet. */
export type NotFiled = {
  code: string;
  message: Record<"zh-CN" | "en-US", string>;
  errors?: { field: string; message?: Partial<Record<"zh-CN" | "en-US", string>> }[];
};

export type DeliveryResult = {
  delivery: LandDelivery;
  bundle: Bundle | null;
  notFiled: NotFiled | null;
};

/** Records a land delivery (recordLandDelivery): the trigger of 交地即交证. */
export function useRecordDelivery(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      confirmationNo: string;
      deliveredAt: string;
      deliveredBy: string;
      deliveredTo: string;
      landContractNo?: string;
      note?: string;
    }) => api<DeliveryResult>(`/api/projects/${id}/land-deliveries`, { method: "POST", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}
