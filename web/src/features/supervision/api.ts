import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  TScorecard,
  TScorecardList,
  TSupervisionCaseList,
  TSupervisionDashboard,
} from "../../../../src/shared/api/supervisionFigures";
import { apiPath, call, yz } from "../../api/client";

export type { TScorecard, TScorecardList, TSupervisionCaseList, TSupervisionDashboard };

export type FigurePeriod = { from: string; to: string; orgId?: string };

/** getSupervisionDashboard: the figures of a month range (and an office). */
export function useSupervisionDashboard(p: FigurePeriod) {
  return useQuery({
    queryKey: ["supervision", "dashboard", p],
    queryFn: async (): Promise<TSupervisionDashboard> =>
      call(yz.GET("/api/supervision/dashboard", { params: { query: p } })),
    // Keep the last figures (and the office list) on screen while another period or office loads.
    placeholderData: (previous) => previous,
  });
}

export type DrillQuery = FigurePeriod & {
  figure: TSupervisionCaseList["figure"];
  userId?: string;
  clockState?: "normal" | "yellow" | "red" | "paused";
  rule?: string;
};

/** listSupervisionCases: the cases behind one figure (null: nothing asked). */
export function useSupervisionCases(q: DrillQuery | null) {
  return useQuery({
    queryKey: ["supervision", "cases", q],
    queryFn: async (): Promise<TSupervisionCaseList> =>
      call(yz.GET("/api/supervision/cases", { params: { query: q as DrillQuery } })),
    enabled: q !== null,
  });
}

/** listScorecards: a month's cards. */
export function useScorecards(month: string) {
  return useQuery({
    queryKey: ["supervision", "scorecards", month],
    queryFn: async (): Promise<TScorecardList> =>
      call(yz.GET("/api/supervision/scorecards", { params: { query: { month } } })),
  });
}

/** signScorecard: comment and sign a card (it is frozen afterwards). */
export function useSignScorecard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { card: TScorecard; comment: string }): Promise<TScorecard> =>
      call(
        yz.POST("/api/supervision/scorecards/{month}/{kind}/{subjectId}/sign", {
          params: { path: { month: v.card.month, kind: v.card.subjectKind, subjectId: v.card.subjectId } },
          body: { comment: v.comment, expectedVersion: v.card.version },
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: ["supervision", "scorecards"] }),
  });
}

/** The exportScorecards link of a month (a file download). */
export function scorecardExportUrl(month: string, format: "csv" | "xlsx"): string {
  return `${apiPath("/api/supervision/scorecards/export")}?month=${month}&format=${format}`;
}
