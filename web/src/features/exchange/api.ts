import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiData, call, type Schemas, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts): no hand-written copies.

/** A referral (转办) as the receiving body sees it. */
export type Referral = Schemas["Referral"];
export type ReferralProgress = Referral["progress"][number];
/** A request for a material to a partner body (the contract's `PartnerRequest`). */
export type PartnerRequest = Schemas["PartnerRequest"];
/** A dataset of the exchange with its records (GET /api/exchange/datasets). */
export type Dataset = ApiData<"/api/exchange/datasets">["items"][number];
export type SharedRecord = Dataset["records"][number];
/** One read of shared data (GET /api/data-access-log). */
export type AccessLogEntry = ApiData<"/api/data-access-log">["items"][number];

const EXCHANGE = ["exchange"] as const;

export const useReferrals = () =>
  useQuery({
    queryKey: [...EXCHANGE, "referrals"],
    queryFn: () => call(yz.GET("/api/referrals")),
  });
export const usePartnerRequests = () =>
  useQuery({
    queryKey: [...EXCHANGE, "requests"],
    queryFn: () => call(yz.GET("/api/partner-requests")),
  });
export const useDatasets = () =>
  useQuery({
    queryKey: [...EXCHANGE, "datasets"],
    queryFn: () => call(yz.GET("/api/exchange/datasets")),
  });
export const useAccessLog = () =>
  useQuery({
    queryKey: [...EXCHANGE, "log"],
    queryFn: () => call(yz.GET("/api/data-access-log")),
  });
export const useProfile = (id: string | undefined) =>
  useQuery({
    queryKey: [...EXCHANGE, "profile", id],
    queryFn: () => call(yz.GET("/api/applicants/{id}/profile", { params: { path: { id: id ?? "" } } })),
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
