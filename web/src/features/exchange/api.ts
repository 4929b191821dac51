import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, type ProblemBody } from "../../api/ApiError";
import { api, readCookie } from "../../api/client";

export type ReferralProgress = { status: string; note: string; at: string; actorName: string };
export type Referral = {
  id: string;
  caseNumber: string | null;
  itemName: string;
  fromOrgName: string;
  toOrgName: string;
  applicant: {
    kind: string;
    name: string;
    idNumber: string | null;
    creditCode: string | null;
    phone: string | null;
    address: string | null;
  };
  details: Record<string, unknown>;
  reason: string;
  policyReference: string;
  status: "sent" | "received" | "in_progress" | "done";
  progress: ReferralProgress[];
  referredAt: string;
  version: number;
  abilities: Record<string, boolean>;
};
export type PartnerRequest = {
  id: string;
  caseNumber: string;
  itemName: string;
  fromOrgName: string;
  materialName: string;
  note: string | null;
  dueOn: string;
  status: string;
  version: number;
  abilities: { answer: boolean };
};
export type SharedRecord = {
  id: string;
  subjectCode: string;
  subjectName: string;
  validUntil: string | null;
  publishedAt: string;
  fields: Record<string, string>;
};
export type Dataset = { code: string; name: string; providerName: string; records: SharedRecord[] };
export type AccessLogEntry = {
  id: string;
  at: string;
  actorName: string;
  actorOrgName: string | null;
  purpose: string;
  datasetCode: string;
  subjectCode: string;
  caseNumber: string | null;
  outcome: string;
};

const EXCHANGE = ["exchange"] as const;

export const useReferrals = () =>
  useQuery({
    queryKey: [...EXCHANGE, "referrals"],
    queryFn: () => api<{ items: Referral[] }>("/api/referrals"),
  });
export const usePartnerRequests = () =>
  useQuery({
    queryKey: [...EXCHANGE, "requests"],
    queryFn: () => api<{ items: PartnerRequest[] }>("/api/partner-requests"),
  });
export const useDatasets = () =>
  useQuery({
    queryKey: [...EXCHANGE, "datasets"],
    queryFn: () => api<{ items: Dataset[] }>("/api/exchange/datasets"),
  });
export const useAccessLog = () =>
  useQuery({
    queryKey: [...EXCHANGE, "log"],
    queryFn: () => api<{ items: AccessLogEntry[] }>("/api/data-access-log"),
  });
export const useProfile = (id: string | undefined) =>
  useQuery({
    queryKey: [...EXCHANGE, "profile", id],
    queryFn: () => api<Record<string, unknown>>(`/api/applicants/${id}/profile`),
    enabled: !!id,
  });

/** Any write of the feature, then refresh everything it shows (and the cases). */
export function useExchangeWrite<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: EXCHANGE });
      void qc.invalidateQueries({ queryKey: ["cases"] });
    },
  });
}

/** Posts a multipart form (file + fields) with the CSRF header. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const token = readCookie("yz_csrf");
  const res = await fetch(path, {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: token ? { "x-csrf-token": token } : {},
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiError(res.status, (body ?? {}) as ProblemBody);
  return body as T;
}
