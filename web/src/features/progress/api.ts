import { useQuery } from "@tanstack/react-query";
import type { Bilingual } from "../../api/ApiError";
import { api } from "../../api/client";
import type { ClockState } from "../cases/types";

/** GET /api/public/progress: what the public may know of a case (nothing personal). */
export type PublicProgress = {
  number: string;
  itemName: string;
  orgName: string;
  status: string;
  statusLabel: Bilingual;
  receivedOn: string | null;
  acceptedOn: string | null;
  deadline: string | null;
  clock: { state: ClockState; provisional: boolean; remainingWorkingDays: number | null };
  finishedOnSpot: boolean;
  completedAt: string | null;
  steps: { type: string; at: string; status: string | null }[];
  reviews: { stepName: string; orgName: string; status: string }[];
};

/** A case's public progress by number and query code; runs only when both are given. */
export function usePublicProgress(number: string, queryCode: string) {
  return useQuery({
    queryKey: ["public-progress", number, queryCode],
    queryFn: () => api<PublicProgress>(`/api/public/progress?${new URLSearchParams({ number, queryCode })}`),
    enabled: Boolean(number && queryCode),
  });
}
