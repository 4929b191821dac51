import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TAlert, TAlertList, TSupervisionSettings } from "../../../../src/shared/api/alerts";
import { call, yz } from "../../api/client";

export type { TAlert, TAlertList, TSupervisionSettings };

export type AlertFilters = {
  status?: "open" | "acknowledged" | "closed";
  rule?: string;
  severity?: "yellow" | "red";
  caseNumber?: string;
  /** "true": only the alerts open past their response date. */
  overdue?: "true";
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

/** getSupervisionSettings: the thresholds that apply to an organization (default: the caller's). */
export function useSupervisionSettings(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["supervision-settings", orgId ?? ""],
    queryFn: async (): Promise<TSupervisionSettings> =>
      call(yz.GET("/api/supervision-settings", { params: { query: orgId ? { orgId } : {} } })),
    enabled,
  });
}

export type SettingsInput = TSupervisionSettings["thresholds"] & {
  respondWorkingDays: Record<string, number>;
  expectedVersion: number;
};

/** updateSupervisionSettings: the organization's own thresholds. */
export function useUpdateSupervisionSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { orgId: string; body: SettingsInput }): Promise<TSupervisionSettings> =>
      call(
        yz.PUT("/api/supervision-settings/{orgId}", { params: { path: { orgId: v.orgId } }, body: v.body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["supervision-settings"] }),
  });
}
