import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TAlert, TAlertList } from "../../../../src/shared/api/alerts";
import { call, yz } from "../../api/client";

export type { TAlert, TAlertList };

export type AlertFilters = {
  status?: "open" | "acknowledged" | "closed";
  rule?: string;
  severity?: "yellow" | "red";
  caseNumber?: string;
};

/** listAlerts: the supervisor's alert desk. */
export function useAlerts(filters: AlertFilters, enabled = true) {
  return useQuery({
    queryKey: ["alerts", filters],
    queryFn: async (): Promise<TAlertList> => call(yz.GET("/api/alerts", { params: { query: filters } })),
    enabled,
  });
}

/** acknowledgeAlert or closeAlert, with a comment (required to close). */
export function useAlertAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: {
      id: string;
      action: "acknowledge" | "close";
      comment: string;
      expectedVersion: number;
    }): Promise<TAlert> => {
      const body = { comment: v.comment, expectedVersion: v.expectedVersion };
      const params = { path: { id: v.id } };
      return v.action === "close"
        ? call(yz.POST("/api/alerts/{id}/close", { params, body }))
        : call(yz.POST("/api/alerts/{id}/acknowledge", { params, body }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
