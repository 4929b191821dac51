import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

/** An item an applicant may apply for (GET /api/catalog/items, the public catalog). */
export type ApplicableItem = {
  code: string;
  name: string;
  orgName: string;
  handlingType: string;
  promisedLimitDays: number;
  onlineAvailable: boolean;
  handledByTownship: boolean;
};

/** Items of the public catalog that can be applied for online. */
export function useApplicableItems() {
  return useQuery({
    queryKey: ["portal", "items"],
    queryFn: async () => {
      const r = await api<{ items: ApplicableItem[] }>("/api/catalog/items?pageSize=100");
      return r.items.filter((i) => i.onlineAvailable && !i.handledByTownship);
    },
    staleTime: 5 * 60_000,
  });
}
