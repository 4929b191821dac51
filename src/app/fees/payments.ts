import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { paymentGateway } from "../../adapters/payment/simulator";
import type { Tx } from "../../db/client";
import { feeAssessments, paymentCallbacks, payments, refunds } from "../../db/schema";
import { invalid, notFound, YizhanError } from "../../domain/errors";
import type { TPayment } from "../../shared/api/fees";
import type { ZOnlinePayment, ZRefund, ZWindowPayment } from "../../shared/api/requests/fees";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { nextCounter } from "./assess";

/** The open assessment of a case, locked (404 / 409 otherwise). */
async function openAssessment(tx: Tx, caseId: string, assessmentId: string) {
  const [a] = await tx
    .select()
    .from(feeAssessments)
    .where(and(eq(feeAssessments.id, assessmentId), eq(feeAssessments.caseId, caseId)))
    .for("update");
  if (!a) throw notFound({ "zh-CN": "收费单", "en-US": "Fee assessment" });
  if (a.status !== "open") {
    throw new YizhanError("assessment_not_open", 409, {
      "zh-CN": a.status === "paid" ? "该收费单已缴清" : "该收费单已作废",
      "en-US": a.status === "paid" ? "This assessment is already paid" : "This assessment is void",
    });
  }
  return a;
}

const receiptNo = async (tx: Tx, now: Date) =>
  `PJ${now.getUTCFullYear()}${String(await nextCounter(tx, `receipt:${now.getUTCFullYear()}`)).padStart(6, "0")}`;

/** Marks a payment paid and its assessment settled (pending → paid), in the caller's transaction. */
async function settle(tx: Tx, paymentId: string, assessmentId: string, txnId: string, now: Date) {
  await tx
    .update(payments)
    .set({ status: "paid", providerTxnId: txnId, paidAt: now, receiptNumber: await receiptNo(tx, now) })
    .where(eq(payments.id, paymentId));
  await tx
    .update(feeAssessments)
    .set({ status: "paid", paidAt: now })
    .where(eq(feeAssessments.id, assessmentId));
}

/** A payment row as it leaves the server (every column; instants as ISO strings). */
export function presentPayment(p: typeof payments.$inferSelect): TPayment {
  return {
    id: p.id,
    assessmentId: p.assessmentId,
    caseId: p.caseId,
    channel: p.channel,
    provider: p.provider,
    amountFen: p.amountFen,
    status: p.status,
    idempotencyKey: p.idempotencyKey,
    providerTxnId: p.providerTxnId,
    receiptNumber: p.receiptNumber,
    payUrl: p.payUrl,
    recordedBy: p.recordedBy,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
    failedAt: p.failedAt?.toISOString() ?? null,
    refundedAt: p.refundedAt?.toISOString() ?? null,
  };
}

/** An earlier request with the same idempotency key, if any (must be for the same case). */
async function byIdempotencyKey(tx: Tx, caseId: string, key: string) {
  const [p] = await tx.select().from(payments).where(eq(payments.idempotencyKey, key));
  if (p && p.caseId !== caseId)
    throw invalid("idempotencyKey", "reused", {
      "zh-CN": "幂等键已被使用",
      "en-US": "Idempotency key already used",
    });
  return p;
}

/**
 * Payment at the window in cash or by POS, recorded by the clerk (行政许可法 Art. 59: paid over in full,
 * receipt given). Idempotent: the same `idempotencyKey` returns the payment already recorded.
 */
export async function recordWindowPayment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZWindowPayment>,
): Promise<TPayment> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { result } = await changeCase(tx, actor, caseId, {
      change: "recordPayment",
      action: "recordWindowPayment",
      now,
      apply: async () => {
        const again = await byIdempotencyKey(tx, caseId, input.idempotencyKey);
        if (again) return { result: again, skip: true };
        const a = await openAssessment(tx, caseId, input.assessmentId);
        const txn = `${input.channel.toUpperCase()}-${input.terminalReference ?? input.idempotencyKey}`;
        const [p] = await tx
          .insert(payments)
          .values({
            assessmentId: a.id,
            caseId,
            channel: input.channel,
            provider: "window",
            amountFen: a.totalFen,
            status: "pending",
            idempotencyKey: input.idempotencyKey,
            recordedBy: actor.userId,
            createdAt: now,
          })
          .returning();
        await settle(tx, p.id, a.id, txn, now);
        const [saved] = await tx.select().from(payments).where(eq(payments.id, p.id));
        return {
          result: saved,
          data: { paymentId: p.id, channel: input.channel, amountFen: a.totalFen, assessmentId: a.id },
        };
      },
    });
    return presentPayment(result);
  });
}

/** Starts an online payment with the gateway; the payer is sent to `payUrl`. Idempotent by key. */
export async function startOnlinePayment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZOnlinePayment>,
): Promise<TPayment> {
  const now = ctx.clock.now();
  const gateway = paymentGateway();
  return ctx.database.db.transaction(async (tx) => {
    const { result } = await changeCase(tx, actor, caseId, {
      change: "startOnlinePayment",
      action: "payOnline",
      now,
      apply: async (c) => {
        const again = await byIdempotencyKey(tx, caseId, input.idempotencyKey);
        if (again) return { result: again, skip: true };
        const a = await openAssessment(tx, caseId, input.assessmentId);
        const [p] = await tx
          .insert(payments)
          .values({
            assessmentId: a.id,
            caseId,
            channel: "online",
            provider: gateway.name,
            amountFen: a.totalFen,
            status: "pending",
            idempotencyKey: input.idempotencyKey,
            recordedBy: actor.userId,
            createdAt: now,
          })
          .returning();
        const { payUrl } = await gateway.createOrder({
          orderId: p.id,
          amountFen: a.totalFen,
          subject: `${c.itemName} ${c.number}`,
        });
        await tx.update(payments).set({ payUrl }).where(eq(payments.id, p.id));
        return { result: { ...p, payUrl }, data: { paymentId: p.id, amountFen: a.totalFen } };
      },
    });
    return presentPayment(result);
  });
}

/** What a callback did: applied, or ignored as a duplicate / late / mismatched notification. */
export type CallbackOutcome =
  | "paid"
  | "failed"
  | "duplicate"
  | "ignored_late"
  | "amount_mismatch"
  | "unknown_order";

/**
 * Gateway callback (signed; 401 when not authentic). Idempotent and order-proof: the payment's state
 * machine pending → paid → refunded (or pending → failed) only moves forward, the provider transaction
 * id is unique, and a replayed, late or out-of-order callback is recorded but never counts twice.
 */
export async function handlePaymentCallback(
  ctx: AppContext,
  body: unknown,
): Promise<{ outcome: CallbackOutcome }> {
  const gateway = paymentGateway();
  const n = gateway.parseCallback(body);
  if (!n) {
    throw new YizhanError("invalid_signature", 401, {
      "zh-CN": "支付回调签名无效",
      "en-US": "Invalid payment callback signature",
    });
  }
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [p] = z.uuid().safeParse(n.orderId).success
      ? await tx.select().from(payments).where(eq(payments.id, n.orderId)).for("update")
      : [];
    let outcome: CallbackOutcome;
    if (!p) outcome = "unknown_order";
    else if (p.status === "pending" && n.status === "FAILED") outcome = "failed";
    else if (p.status === "pending" && n.amountFen !== p.amountFen) outcome = "amount_mismatch";
    else if (p.status === "pending") outcome = "paid";
    else if (p.providerTxnId === n.transactionId) outcome = "duplicate";
    else outcome = "ignored_late";
    await tx.insert(paymentCallbacks).values({
      provider: n.provider,
      providerTxnId: n.transactionId,
      paymentId: p?.id ?? null,
      payload: body as Record<string, unknown>,
      outcome,
      receivedAt: now,
    });
    if (!p) return { outcome };
    if (outcome === "paid") {
      // The gateway acts (no actor): the payment it settles is on the case, locked by the runner.
      await changeCase(tx, null, p.caseId, {
        change: "recordPayment",
        now,
        apply: async () => {
          await settle(tx, p.id, p.assessmentId, n.transactionId, now);
          return {
            result: null,
            data: {
              paymentId: p.id,
              channel: "online",
              amountFen: p.amountFen,
              transactionId: n.transactionId,
            },
          };
        },
      });
    } else if (outcome === "failed") {
      await tx
        .update(payments)
        .set({ status: "failed", failedAt: now, providerTxnId: n.transactionId })
        .where(eq(payments.id, p.id));
    }
    return { outcome };
  });
}

/**
 * Refund of a paid payment in full, with a reason (paid → refunded); the assessment is open again,
 * so the case again cannot be issued until paid. Online payments are refunded through the gateway.
 */
export async function refundPayment(
  ctx: AppContext,
  actor: Actor,
  paymentId: string,
  input: z.infer<typeof ZRefund>,
): Promise<TPayment> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!p) throw notFound({ "zh-CN": "缴费记录", "en-US": "Payment" });
    const { result } = await changeCase(tx, actor, p.caseId, {
      change: "refundPayment",
      now,
      apply: async () => {
        if (p.status !== "paid") {
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "只有已缴费的款项可以退费",
            "en-US": "Only paid payments can be refunded",
          });
        }
        const r =
          p.channel === "online"
            ? await paymentGateway().refund({
                orderId: p.id,
                transactionId: p.providerTxnId ?? "",
                amountFen: p.amountFen,
                reason: input.reason,
              })
            : { refundId: null };
        await tx.insert(refunds).values({
          paymentId: p.id,
          amountFen: p.amountFen,
          reason: input.reason,
          providerRefundId: r.refundId,
          refundedBy: actor.userId,
          createdAt: now,
        });
        await tx.update(payments).set({ status: "refunded", refundedAt: now }).where(eq(payments.id, p.id));
        await tx
          .update(feeAssessments)
          .set({ status: "open", paidAt: null })
          .where(and(eq(feeAssessments.id, p.assessmentId), sql`${feeAssessments.status} = 'paid'`));
        const [saved] = await tx.select().from(payments).where(eq(payments.id, p.id));
        return {
          result: saved,
          data: { paymentId: p.id, amountFen: p.amountFen, reason: input.reason },
        };
      },
    });
    return presentPayment(result);
  });
}
