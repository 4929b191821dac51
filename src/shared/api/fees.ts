/** Fees (收费单) and payments on the wire; amounts are integer fen (分). */
import { z } from "zod";
import { ZInstant } from "./common";

/** A payment as stored: channel, provider, amount, state and its instants. */
export const ZPayment = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    caseId: z.string(),
    channel: z.enum(["cash", "pos", "online"]),
    provider: z.string(),
    amountFen: z.number(),
    status: z.enum(["pending", "paid", "failed", "refunded"]),
    idempotencyKey: z.string(),
    providerTxnId: z.string().nullable(),
    receiptNumber: z.string().nullable(),
    payUrl: z.string().nullable().describe("Online payments: where the payer is sent"),
    recordedBy: z.string().nullable(),
    createdAt: ZInstant,
    paidAt: ZInstant.nullable(),
    failedAt: ZInstant.nullable(),
    refundedAt: ZInstant.nullable(),
  })
  .meta({ id: "Payment" });
export type TPayment = z.infer<typeof ZPayment>;

/** A case's fees: assessments with their lines, payments with refunds, and what the caller may do. */
export const ZCaseFees = z
  .object({
    caseId: z.string(),
    required: z.boolean().describe("The item charges fees"),
    settled: z.boolean().describe("Nothing is owed before the result may be issued"),
    abilities: z.object({
      assess: z.boolean(),
      recordWindowPayment: z.boolean(),
      payOnline: z.boolean(),
      refund: z.boolean(),
    }),
    assessments: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        status: z.enum(["open", "paid", "void"]),
        totalFen: z.number(),
        note: z.string().nullable(),
        assessedAt: ZInstant,
        paidAt: ZInstant.nullable(),
        lines: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            basis: z.string(),
            unit: z.string(),
            unitPriceFen: z.number(),
            quantity: z.number(),
            grossFen: z.number(),
            exemptionName: z.string().nullable(),
            amountFen: z.number(),
          }),
        ),
      }),
    ),
    payments: z.array(
      z.object({
        id: z.string(),
        assessmentId: z.string(),
        channel: z.enum(["cash", "pos", "online"]),
        status: z.enum(["pending", "paid", "failed", "refunded"]),
        amountFen: z.number(),
        receiptNumber: z.string().nullable(),
        providerTxnId: z.string().nullable(),
        payUrl: z.string().nullable(),
        createdAt: ZInstant,
        paidAt: ZInstant.nullable(),
        refund: z.object({ reason: z.string(), amountFen: z.number(), at: ZInstant }).nullable(),
      }),
    ),
  })
  .meta({ id: "CaseFees" });
export type TCaseFees = z.infer<typeof ZCaseFees>;

/** What a gateway callback did: applied, or recorded and ignored. */
export const ZCallbackOutcome = z.object({
  outcome: z.enum(["paid", "failed", "duplicate", "ignored_late", "amount_mismatch", "unknown_order"]),
});

/** An online payment order as the local gateway simulator shows it (demo and tests only). */
export const ZSimulatorOrder = z.object({
  orderId: z.string(),
  amountFen: z.number(),
  status: z.enum(["pending", "paid", "failed", "refunded"]),
});
