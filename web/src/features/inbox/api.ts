import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiData, call, yz } from "../../api/client";
import type { QueueFilterValues } from "../cases/QueueFilters";
import type { CaseDetail } from "../cases/types";

/** One review task of the inbox (GET /api/review-tasks), with its case and what the caller may do. */
export type InboxTask = ApiData<"/api/review-tasks">["items"][number];

const TASKS = ["review-tasks"] as const;

/** Inbox filters: search, item, dates (the task opened). */
export type InboxFilters = Pick<QueueFilterValues, "q" | "itemCode" | "from" | "to">;

/** The caller's departments' tasks to do (most urgent first) or the caller's 已办 (latest first). */
export function useInboxTasks(view: "todo" | "done" = "todo", filters: InboxFilters = {}) {
  return useQuery({
    queryKey: [...TASKS, view, filters],
    queryFn: () =>
      call(yz.GET("/api/review-tasks", { params: { query: { ...filters, view } } })).then((r) => r.items),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

/** The numbers on the inbox's tabs (to do, done) under the same filters. */
export function useInboxCounts(filters: InboxFilters = {}) {
  return useQuery({
    queryKey: [...TASKS, "counts", filters],
    queryFn: () => call(yz.GET("/api/review-tasks/counts", { params: { query: filters } })),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

/**
 * 待决定 (approvers): cases in review whose every review task is approved (`queue=awaiting_decision`);
 * each is read in full for the departments' opinions.
 */
export function useAwaitingDecision(enabled: boolean, filters: QueueFilterValues = {}) {
  const list = useQuery({
    queryKey: ["cases", "list", "awaiting_decision", filters],
    queryFn: () =>
      call(
        yz.GET("/api/cases", { params: { query: { ...filters, queue: "awaiting_decision", limit: 100 } } }),
      ).then((r) => r.items),
    enabled,
  });
  const details = useQueries({
    queries: (list.data ?? []).map((c) => ({
      queryKey: ["cases", "detail", c.id],
      queryFn: () => call(yz.GET("/api/cases/{id}", { params: { path: { id: c.id } } })),
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
    call(
      yz.POST("/api/review-tasks/{id}/claim", {
        params: { path: { id: t.id } },
        body: { expectedVersion: t.version },
      }),
    ),
  );
}

/** Comment on a task (审查意见往来). */
export function useCommentTask() {
  return useTaskMutation((b: { id: string; text: string }) =>
    call(
      yz.POST("/api/review-tasks/{id}/comments", { params: { path: { id: b.id } }, body: { text: b.text } }),
    ),
  );
}

/** Approve the task, or return it with an opinion. */
export function useCompleteTask() {
  return useTaskMutation(
    (b: { id: string; version: number; outcome: "approve" | "return"; opinion: string }) =>
      call(
        yz.POST("/api/review-tasks/{id}/complete", {
          params: { path: { id: b.id } },
          body: { expectedVersion: b.version, outcome: b.outcome, opinion: b.opinion },
        }),
      ),
  );
}
