import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateTrainingSession, TRecordAttendance } from "../../../../src/shared/api/requests/training";
import type {
  TTrainingHistory,
  TTrainingOptions,
  TTrainingSession,
  TTrainingSessionSummary,
} from "../../../../src/shared/api/training";
import { type ApiBody, call, yz } from "../../api/client";

export { ATTENDANCE_STATUSES } from "../../../../src/shared/api/training";
export type { TTrainingHistory, TTrainingOptions, TTrainingSession, TTrainingSessionSummary };

/** listTrainingSessions. */
export function useTrainingSessions() {
  return useQuery({
    queryKey: ["training-sessions"],
    queryFn: async (): Promise<{ items: TTrainingSessionSummary[] }> =>
      call(yz.GET("/api/training-sessions", { params: { query: { limit: 200 } } })),
  });
}

/** getTrainingSession. */
export function useTrainingSession(id: string | null) {
  return useQuery({
    queryKey: ["training-session", id],
    queryFn: async (): Promise<TTrainingSession> =>
      call(yz.GET("/api/training-sessions/{id}", { params: { path: { id: id ?? "" } } })),
    enabled: !!id,
  });
}

/** getTrainingOptions: the organizations and staff a supervisor plans for. */
export function useTrainingOptions(enabled = true) {
  return useQuery({
    queryKey: ["training-options"],
    queryFn: async (): Promise<TTrainingOptions> => call(yz.GET("/api/training-options")),
    enabled,
  });
}

/** getTrainingHistory. */
export function useTrainingHistory(userId: string | null) {
  return useQuery({
    queryKey: ["training-history", userId],
    queryFn: async (): Promise<TTrainingHistory> =>
      call(yz.GET("/api/staff/{id}/training", { params: { path: { id: userId ?? "" } } })),
    enabled: !!userId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["training-sessions"] }),
      qc.invalidateQueries({ queryKey: ["training-session"] }),
      qc.invalidateQueries({ queryKey: ["training-history"] }),
    ]);
}

/** createTrainingSession. */
export function useCreateTrainingSession() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: TCreateTrainingSession): Promise<TTrainingSession> =>
      call(yz.POST("/api/training-sessions", { body: body as ApiBody<"/api/training-sessions"> })),
    onSuccess: invalidate,
  });
}

/** recordAttendance. */
export function useRecordAttendance() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TRecordAttendance }): Promise<TTrainingSession> =>
      call(yz.PUT("/api/training-sessions/{id}/attendance", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}
