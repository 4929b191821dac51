import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  TOpenDataCatalog,
  TPublicDecision,
  TPublicDecisionList,
  TPublicFigures,
} from "../../../../src/shared/api/publicPortal";
import type { TListPublicDecisionsQuery } from "../../../../src/shared/api/requests/publicPortal";
import { call, yz } from "../../api/client";

export type { TOpenDataCatalog, TPublicDecision, TPublicDecisionList, TPublicFigures };
export type DecisionFilters = Partial<Pick<TListPublicDecisionsQuery, "item" | "from" | "to" | "q">> & {
  page: number;
};

/** One page of the published decisions (listPublicDecisions, public). */
export function usePublicDecisions(f: DecisionFilters) {
  return useQuery({
    queryKey: ["public-decisions", f],
    queryFn: async (): Promise<TPublicDecisionList> =>
      call(yz.GET("/api/public/decisions", { params: { query: { ...f, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

/** The live figures of the last 12 months (getPublicFigures, public). */
export function usePublicFigures() {
  return useQuery({
    queryKey: ["public-figures"],
    queryFn: async (): Promise<TPublicFigures> => call(yz.GET("/api/public/figures", {})),
  });
}

/** The open data sets with their absolute links (getOpenDataCatalog, public). */
export function useOpenDataCatalog() {
  return useQuery({
    queryKey: ["open-data"],
    queryFn: async (): Promise<TOpenDataCatalog> => call(yz.GET("/api/public/open-data", {})),
    staleTime: 5 * 60_000,
  });
}
