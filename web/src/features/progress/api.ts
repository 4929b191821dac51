import { useQuery } from "@tanstack/react-query";
import { type ApiData, call, yz } from "../../api/client";

/** GET /api/public/progress: what the public may know of a case (nothing personal). */
export type PublicProgress = ApiData<"/api/public/progress">;

/** A case's public progress by number and query code; runs only when both are given. */
export function usePublicProgress(number: string, queryCode: string) {
  return useQuery({
    queryKey: ["public-progress", number, queryCode],
    queryFn: () => call(yz.GET("/api/public/progress", { params: { query: { number, queryCode } } })),
    enabled: Boolean(number && queryCode),
  });
}
