import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  TCaseEvaluations,
  TEvaluation,
  TEvaluationInvitation,
  TEvaluationSettings,
  TMyOpenInvitations,
  TRectification,
  TSatisfactionStats,
} from "../../../../src/shared/api/evaluations";
import type {
  TListEvaluations,
  TSubmitEvaluation,
  TUpdateEvaluationSettings,
  TUpdateRectification,
} from "../../../../src/shared/api/requests/evaluations";
import { type ApiBody, call, yz } from "../../api/client";

export { EVALUATION_LEVELS, EVALUATION_TAGS } from "../../../../src/shared/api/evaluations";
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
    queryFn: async (): Promise<TEvaluationInvitation> =>
      call(yz.GET("/api/evaluation-invitations/{ref}", { params: { path: { ref: ref ?? "" } } })),
    enabled: Boolean(ref),
    retry: false,
  });
}

export type SubmitResult = { id: string; level: string; rectificationId: string | null };

/** submitEvaluation. */
export function useSubmitEvaluation(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: TSubmitEvaluation): Promise<SubmitResult> =>
      call(
        yz.POST("/api/evaluation-invitations/{ref}/evaluation", {
          params: { path: { ref } },
          // The form sends one level per dimension shown (a partial record only in the zod type).
          body: body as ApiBody<"/api/evaluation-invitations/{ref}/evaluation">,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["case-evaluations"] }),
  });
}

/** listCaseEvaluations. */
export function useCaseEvaluations(caseId: string) {
  return useQuery({
    queryKey: ["case-evaluations", caseId],
    queryFn: async (): Promise<TCaseEvaluations> =>
      call(yz.GET("/api/cases/{id}/evaluations", { params: { path: { id: caseId } } })),
  });
}

/** openEvaluationTablet. */
export function useOpenTablet(caseId: string) {
  return useMutation({
    mutationFn: async (body: { deviceLabel: string }) =>
      call(yz.POST("/api/cases/{id}/evaluation-tablet", { params: { path: { id: caseId } }, body })),
  });
}

/** listEvaluations (the staff drill-down). */
export function useEvaluations(params: Partial<TListEvaluations>) {
  return useQuery({
    queryKey: ["evaluations", params],
    queryFn: async (): Promise<{ items: TEvaluation[]; total: number }> =>
      call(yz.GET("/api/evaluations", { params: { query: params } })),
  });
}

/** listRectifications. */
export function useRectifications(status: "open" | "closed" | "all") {
  return useQuery({
    queryKey: ["rectifications", status],
    queryFn: async (): Promise<{ items: TRectification[] }> =>
      call(yz.GET("/api/rectifications", { params: { query: status === "all" ? {} : { status } } })),
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
    mutationFn: async ({ id, body }: { id: string; body: TUpdateRectification }): Promise<TRectification> =>
      call(yz.PATCH("/api/rectifications/{id}", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** appealEvaluation. */
export function useAppeal() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }): Promise<TEvaluation> =>
      call(yz.POST("/api/evaluations/{id}/appeal", { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

/** decideAppeal. */
export function useDecideAppeal() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({
      id,
      decision,
      reason,
    }: {
      id: string;
      decision: "uphold" | "dismiss";
      reason: string;
    }): Promise<TEvaluation> =>
      call(
        yz.POST("/api/evaluations/{id}/appeal-decision", {
          params: { path: { id } },
          body: { decision, reason },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** getSatisfactionStats (public). */
export function useSatisfactionStats(from?: string, to?: string) {
  return useQuery({
    queryKey: ["satisfaction", from, to],
    queryFn: async (): Promise<TSatisfactionStats> =>
      call(yz.GET("/api/public/satisfaction", { params: { query: { from, to } } })),
  });
}

/** listEvaluationSettings. */
export function useEvaluationSettings() {
  return useQuery({
    queryKey: ["evaluation-settings"],
    queryFn: async (): Promise<{ items: TEvaluationSettings[] }> => call(yz.GET("/api/evaluation-settings")),
  });
}

/** updateEvaluationSettings. */
export function useUpdateEvaluationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      orgId,
      body,
    }: {
      orgId: string;
      body: TUpdateEvaluationSettings;
    }): Promise<TEvaluationSettings> =>
      call(yz.PUT("/api/evaluation-settings/{id}", { params: { path: { id: orgId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["evaluation-settings"] }),
  });
}

/** listMyEvaluationInvitations: the applicant's open invitations. */
export function useMyOpenInvitations() {
  return useQuery({
    queryKey: ["case-evaluations", "mine"],
    queryFn: async (): Promise<TMyOpenInvitations> => call(yz.GET("/api/me/evaluation-invitations")),
  });
}
