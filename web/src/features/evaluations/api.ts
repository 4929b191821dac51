import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  TCaseEvaluations,
  TEvaluation,
  TEvaluationInvitation,
  TEvaluationSettings,
  TEvaluationTablet,
  TMyOpenInvitations,
  TRectification,
  TSatisfactionStats,
} from "../../../../src/shared/api/evaluations";
import type {
  TSubmitEvaluation,
  TUpdateEvaluationSettings,
  TUpdateRectification,
} from "../../../../src/shared/api/requests/evaluations";
import { api } from "../../api/client";

export {
  EVALUATION_LEVELS,
  EVALUATION_TAGS,
} from "../../../../src/shared/api/evaluations";
export type {
  TCaseEvaluations,
  TEvaluation,
  TEvaluationInvitation,
  TEvaluationSettings,
  TRectification,
  TSatisfactionStats,
  TSubmitEvaluation,
};

/** The rating form by signed-link token, tablet token or invitation id (getEvaluationInvitation). */
export function useInvitation(ref: string | undefined) {
  return useQuery({
    queryKey: ["evaluation-invitation", ref],
    queryFn: () => api<TEvaluationInvitation>(`/api/evaluation-invitations/${encodeURIComponent(ref ?? "")}`),
    enabled: Boolean(ref),
    retry: false,
  });
}

export type SubmitResult = { id: string; level: string; rectificationId: string | null };

/** submitEvaluation. */
export function useSubmitEvaluation(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TSubmitEvaluation) =>
      api<SubmitResult>(`/api/evaluation-invitations/${encodeURIComponent(ref)}/evaluation`, {
        method: "POST",
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["case-evaluations"] }),
  });
}

/** listCaseEvaluations. */
export function useCaseEvaluations(caseId: string) {
  return useQuery({
    queryKey: ["case-evaluations", caseId],
    queryFn: () => api<TCaseEvaluations>(`/api/cases/${caseId}/evaluations`),
  });
}

/** openEvaluationTablet. */
export function useOpenTablet(caseId: string) {
  return useMutation({
    mutationFn: (body: { deviceLabel: string }) =>
      api<TEvaluationTablet>(`/api/cases/${caseId}/evaluation-tablet`, { method: "POST", body }),
  });
}

/** listEvaluations (the staff drill-down). */
export function useEvaluations(params: Record<string, string>) {
  const q = new URLSearchParams(params).toString();
  return useQuery({
    queryKey: ["evaluations", q],
    queryFn: () => api<{ items: TEvaluation[]; total: number }>(`/api/evaluations?${q}`),
  });
}

/** listRectifications. */
export function useRectifications(status: "open" | "closed" | "all") {
  return useQuery({
    queryKey: ["rectifications", status],
    queryFn: () =>
      api<{ items: TRectification[] }>(`/api/rectifications${status === "all" ? "" : `?status=${status}`}`),
  });
}

function useInvalidateAll() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["rectifications"] }),
      qc.invalidateQueries({ queryKey: ["evaluations"] }),
      qc.invalidateQueries({ queryKey: ["case-evaluations"] }),
    ]);
}

/** updateRectification. */
export function useUpdateRectification() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateRectification }) =>
      api<TRectification>(`/api/rectifications/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

/** appealEvaluation. */
export function useAppeal() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<TEvaluation>(`/api/evaluations/${id}/appeal`, { method: "POST", body: { reason } }),
    onSuccess: invalidate,
  });
}

/** decideAppeal. */
export function useDecideAppeal() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: "uphold" | "dismiss"; reason: string }) =>
      api<TEvaluation>(`/api/evaluations/${id}/appeal-decision`, {
        method: "POST",
        body: { decision, reason },
      }),
    onSuccess: invalidate,
  });
}

/** getSatisfactionStats (public). */
export function useSatisfactionStats(from?: string, to?: string) {
  const q = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return useQuery({
    queryKey: ["satisfaction", q],
    queryFn: () => api<TSatisfactionStats>(`/api/public/satisfaction${q ? `?${q}` : ""}`),
  });
}

/** listEvaluationSettings. */
export function useEvaluationSettings() {
  return useQuery({
    queryKey: ["evaluation-settings"],
    queryFn: () => api<{ items: TEvaluationSettings[] }>("/api/evaluation-settings"),
  });
}

/** updateEvaluationSettings. */
export function useUpdateEvaluationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, body }: { orgId: string; body: TUpdateEvaluationSettings }) =>
      api<TEvaluationSettings>(`/api/evaluation-settings/${orgId}`, { method: "PUT", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["evaluation-settings"] }),
  });
}

/** listMyEvaluationInvitations: the applicant's open invitations. */
export function useMyOpenInvitations() {
  return useQuery({
    queryKey: ["case-evaluations", "mine"],
    queryFn: () => api<TMyOpenInvitations>("/api/me/evaluation-invitations"),
  });
}
