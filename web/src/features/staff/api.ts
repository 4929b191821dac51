import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TSetAbsence, TUpdatePost } from "../../../../src/shared/api/requests/staff";
import type {
  THandoverResult,
  THandoverTask,
  TStaffAbsence,
  TStaffMember,
  TStaffPost,
  TStaffRoster,
} from "../../../../src/shared/api/staff";
import { call, yz } from "../../api/client";

export type { THandoverTask, TStaffAbsence, TStaffMember, TStaffPost, TStaffRoster };

/** listStaff: the roster of the windows and sections the supervisor manages. */
export function useStaffRoster() {
  return useQuery({
    queryKey: ["staff"],
    queryFn: async (): Promise<TStaffRoster> => call(yz.GET("/api/staff", { params: { query: {} } })),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["staff"] });
}

/** setAbsence: 登记请假/外出. */
export function useSetAbsence() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: TSetAbsence): Promise<TStaffAbsence> =>
      call(yz.POST("/api/staff-absences", { body })),
    onSuccess: done,
  });
}

/** endAbsence: the person is back. */
export function useEndAbsence() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (v: { id: string; expectedVersion: number }): Promise<TStaffAbsence> =>
      call(
        yz.POST("/api/staff-absences/{id}/end", {
          params: { path: { id: v.id } },
          body: { expectedVersion: v.expectedVersion },
        }),
      ),
    onSuccess: done,
  });
}

/** updatePost: A岗 / B岗. */
export function useUpdatePost() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (v: { id: string } & TUpdatePost): Promise<TStaffPost> =>
      call(
        yz.PUT("/api/staff-posts/{id}", {
          params: { path: { id: v.id } },
          body: { expectedVersion: v.expectedVersion, holderId: v.holderId, backupId: v.backupId },
        }),
      ),
    onSuccess: done,
  });
}

/** handOverReviewTasks: 转交B岗 (one task or all). */
export function useHandOver() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (tasks: { taskId: string; expectedVersion: number }[]): Promise<THandoverResult> =>
      call(yz.POST("/api/staff-handover", { body: { tasks } })),
    onSettled: done,
  });
}
