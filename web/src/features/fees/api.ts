import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export type FeeLine = {
  code: string;
  name: string;
  basis: string;
  quantity: number;
  amountFen: number;
  grossFen: number;
  exemptionName: string | null;
};
export type Assessment = {
  id: string;
  number: string;
  status: "open" | "paid" | "void";
  totalFen: number;
  lines: FeeLine[];
};
export type Payment = {
  id: string;
  assessmentId: string;
  channel: "cash" | "pos" | "online";
  status: "pending" | "paid" | "failed" | "refunded";
  amountFen: number;
  receiptNumber: string | null;
  payUrl: string | null;
  paidAt: string | null;
  refund: { reason: string } | null;
};
export type CaseFees = {
  caseId: string;
  /** The item charges fees: no result before they are assessed and paid. */
  required: boolean;
  settled: boolean;
  abilities: { assess: boolean; recordWindowPayment: boolean; payOnline: boolean; refund: boolean };
  assessments: Assessment[];
  payments: Payment[];
};

export const feesKey = (caseId: string) => ["fees", caseId] as const;

/** A case's fees (getCaseFees). */
export function useCaseFees(caseId: string) {
  return useQuery({ queryKey: feesKey(caseId), queryFn: () => api<CaseFees>(`/api/cases/${caseId}/fees`) });
}

/** A fresh idempotency key for one payment attempt (the same click retried sends the same key). */
export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;
