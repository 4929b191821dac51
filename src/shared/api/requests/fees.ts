/**
 * Requests of the fees operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { multiline, multilineText } from "../../text";

export const ZAssessFees = z.object({
  /** Overrides of the facts read from the form (e.g. the clerk confirms the enterprise's size). */
  smallMicroEnterprise: z.boolean().optional(),
  extraCertificates: z.number().int().min(0).max(100).optional(),
  note: multilineText(500).optional(),
});

export const ZIdempotencyKey = z.string().min(8).max(100);

export const ZWindowPayment = z.object({
  assessmentId: z.uuid(),
  channel: z.enum(["cash", "pos"]),
  /** The client's key for this payment: the same key twice records one payment. */
  idempotencyKey: ZIdempotencyKey,
  /** POS terminal reference (交易参考号), when paid by card. */
  terminalReference: z.string().max(60).optional(),
});

export const ZOnlinePayment = z.object({ assessmentId: z.uuid(), idempotencyKey: ZIdempotencyKey });

export const ZRefund = z.object({ reason: multiline(z.string().trim().min(2).max(500)) });

export const ZFeeCaseIdParams = z.object({ id: z.uuid() });

export const ZPaymentCallbackBody = z
  .unknown()
  .describe("The gateway's notification as it signs it (checked by the gateway adapter)");

export const ZSimulatePaymentBody = z.object({ outcome: z.enum(["SUCCESS", "FAILED"]).default("SUCCESS") });
