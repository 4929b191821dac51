import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CaseDetail, CaseSummary } from "../cases/types";

/** One review task of the inbox (GET /api/review-tasks), with its case and what the caller may do. */
export type InboxTask = {
  id: string;
  caseId: string;
  stepCode: string;
  stepName: string;
  orgName: string;
  lead: boolean;
  mode: string;
  /** open | claimed | returned (waiting, approved and cancelled ones are not listed by default) */
  status: string;
  openedOn: string | null;
  dueOn: string | null;
  claimedBy: string | null;
  returns: number;
  opinion: string | null;
  version: number;
  abilities: { claim?: boolean; comment?: boolean; complete?: boolean };
  case: {
    id: string;
    number: string;
    itemName: string;
    title: string;
    status: string;
    deadline: string | null;
    applicantName: string;
    version: number;
  };
};

const TASKS = ["review-tasks"] as const;

/** The caller's departments' open tasks, most urgent first. */
export function useInboxTasks() {
  return useQuery({
    queryKey: TASKS,
    queryFn: () => api<{ items: InboxTask[] }>("/api/review-tasks").then((r) => r.items),
    refetchInterval: 60_000,
  });
}

/**
 * 待决定 (approvers): cases in review whose every review task is approved. The list does not carry
 * the tasks, so each case in review is read in full.
 */
export function useAwaitingDecision(enabled: boolean) {
  const list = useQuery({
    queryKey: ["cases", "list", "in_review"],
    queryFn: () =>
      api<{ items: CaseSummary[] }>("/api/cases?status=in_review&limit=100").then((r) => r.items),
    enabled,
  });
  const details = useQueries({
    queries: (list.data ?? []).map((c) => ({
      queryKey: ["cases", "detail", c.id],
      queryFn: () => api<CaseDetail>(`/api/cases/${c.id}`),
    })),
  });
  const ready = details
    .map((d) => d.data)
    .filter((c): c is CaseDetail => !!c)
    .filter((c) => c.status === "in_review" && c.reviewTasks.length > 0)
    .filter((c) => c.reviewTasks.every((t) => t.status === "approved"));
  return {
    items: ready,
    isLoading: list.isLoading || details.some((d) => d.isLoading),
    error: list.error ?? details.find((d) => d.error)?.error ?? null,
    refetch: () => list.refetch(),
  };
}

function useTaskMutation<B>(fn: (b: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: TASKS }),
        qc.invalidateQueries({ queryKey: ["cases"] }),
      ]);
    },
  });
}

/** Claim a task of one's department. */
export function useClaimTask() {
  return useTaskMutation((t: { id: string; version: number }) =>
    api(`/api/review-tasks/${t.id}/claim`, { method: "POST", body: { expectedVersion: t.version } }),
  );
}

/** Comment on a task (审查意见往来). */
export function useCommentTask() {
  return useTaskMutation((b: { id: string; text: string }) =>
    api(`/api/review-tasks/${b.id}/comments`, { method: "POST", body: { text: b.text } }),
  );
}

/** Approve the task, or return it with an opinion. */
export function useCompleteTask() {
  return useTaskMutation(
    (b: { id: string; version: number; outcome: "approve" | "return"; opinion: string }) =>
      api<CaseDetail>(`/api/review-tasks/${b.id}/complete`, {
        method: "POST",
        body: { expectedVersion: b.version, outcome: b.outcome, opinion: b.opinion },
      }),
  );
}
