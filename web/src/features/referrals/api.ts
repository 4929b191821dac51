import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiBody, call, type Schemas, yz } from "../../api/client";

/** A referral (转办) as the window sees it (the contract's `Referral`). */
export type Referral = Schemas["Referral"];

const KEY = ["referrals", "window"] as const;

/** The referrals of the window's organization, open ones first (GET /api/referrals). */
export function useWindowReferrals() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => call(yz.GET("/api/referrals")).then((r) => r.items),
  });
}

/** Items handled by another body (townships): what the window registers only to refer. */
export function useReferableItems() {
  return useQuery({
    queryKey: ["catalog", "items", "referable"],
    queryFn: () =>
      call(yz.GET("/api/catalog/items", { params: { query: { pageSize: 100 } } })).then((r) =>
        r.items.filter((i) => i.handledByTownship),
      ),
  });
}

/** Registers a matter to refer (registerReferral). */
export function useRegisterReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/referrals">) => call(yz.POST("/api/referrals", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
