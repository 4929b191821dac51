import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ItemSummary } from "../workbench/api";

/** A referral (转办) as the window sees it. */
export type Referral = {
  id: string;
  caseNumber: string | null;
  itemCode: string;
  itemName: string;
  toOrgName: string;
  applicant: { kind: string; name: string };
  reason: string | null;
  policyReference: string | null;
  status: "sent" | "received" | "in_progress" | "done";
  progress: { status: string; note: string; at: string; actorName: string }[];
  referredAt: string;
};

const KEY = ["referrals", "window"] as const;

/** The referrals of the window's organization, open ones first (GET /api/referrals). */
export function useWindowReferrals() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api<{ items: Referral[] }>("/api/referrals").then((r) => r.items),
  });
}

/** Items handled by another body (townships): what the window registers only to refer. */
export function useReferableItems() {
  return useQuery({
    queryKey: ["catalog", "items", "referable"],
    queryFn: () =>
      api<{ items: ItemSummary[] }>("/api/catalog/items?pageSize=100").then((r) =>
        r.items.filter((i) => i.handledByTownship),
      ),
  });
}

/** Registers a matter to refer (registerReferral). */
export function useRegisterReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      itemCode: string;
      applicantId: string;
      toOrgCode: string;
      reason?: string;
      details: Record<string, unknown>;
    }) => api<Referral>("/api/referrals", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
