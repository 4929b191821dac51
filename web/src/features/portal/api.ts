import { useQuery } from "@tanstack/react-query";
import { type ApiData, call, yz } from "../../api/client";

/** An item an applicant may apply for (GET /api/catalog/items, the public catalog). */
export type ApplicableItem = ApiData<"/api/catalog/items">["items"][number];

/** Items of the public catalog that can be applied for online. */
export function useApplicableItems() {
  return useQuery({
    queryKey: ["portal", "items"],
    queryFn: async () => {
      const r = await call(yz.GET("/api/catalog/items", { params: { query: { pageSize: 100 } } }));
      return r.items.filter((i) => i.onlineAvailable && !i.handledByTownship);
    },
    staleTime: 5 * 60_000,
  });
}
