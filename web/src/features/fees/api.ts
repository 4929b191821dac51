import { useQuery } from "@tanstack/react-query";
import { call, type Schemas, yz } from "../../api/client";

/** A case's fees (the contract's `CaseFees`). */
export type CaseFees = Schemas["CaseFees"];
export type Assessment = CaseFees["assessments"][number];
export type FeeLine = Assessment["lines"][number];
export type Payment = CaseFees["payments"][number];

export const feesKey = (caseId: string) => ["fees", caseId] as const;

/** A case's fees (getCaseFees). */
export function useCaseFees(caseId: string) {
  return useQuery({
    queryKey: feesKey(caseId),
    queryFn: () => call(yz.GET("/api/cases/{id}/fees", { params: { path: { id: caseId } } })),
  });
}

/** A fresh idempotency key for one payment attempt (the same click retried sends the same key). */
export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;
