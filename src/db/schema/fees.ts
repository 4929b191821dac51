import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ASSESSMENT_STATUSES, PAYMENT_CHANNELS, PAYMENT_STATUSES } from "../../domain/fees/enumerations";
import { cases } from "./cases";
import { id, instant } from "./common";
import { users } from "./users";

/** A fee assessment (收费单) of a case: open until paid in full; void when superseded. */
export const feeAssessments = pgTable(
  "fee_assessments",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    status: text("status", { enum: ASSESSMENT_STATUSES }).notNull(),
    totalFen: integer("total_fen").notNull(),
    /** What the assessment was computed from (units, housing or not, exemption flags). */
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull().default({}),
    note: text("note"),
    assessedBy: uuid("assessed_by").references(() => users.id),
    assessedAt: instant("assessed_at").notNull(),
    paidAt: instant("paid_at"),
  },
  (t) => [
    index("fee_assessments_case_idx").on(t.caseId),
    uniqueIndex("fee_assessments_number_uq").on(t.number),
  ],
);

/** One line of an assessment: fee item, unit price, quantity, exemption, amount in integer fen. */
export const feeLines = pgTable(
  "fee_lines",
  {
    id: id(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => feeAssessments.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    basis: text("basis").notNull(),
    unit: text("unit").notNull(),
    unitPriceFen: integer("unit_price_fen").notNull(),
    quantity: doublePrecision("quantity").notNull(),
    grossFen: integer("gross_fen").notNull(),
    exemptionCode: text("exemption_code"),
    exemptionName: text("exemption_name"),
    amountFen: integer("amount_fen").notNull(),
  },
  (t) => [index("fee_lines_assessment_idx").on(t.assessmentId)],
);

/**
 * A payment of an assessment. Idempotent: `idempotency_key` and the provider's transaction id are
 * unique, so a repeated request or a replayed callback never counts twice.
 */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => feeAssessments.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: PAYMENT_CHANNELS }).notNull(),
    provider: text("provider").notNull(),
    amountFen: integer("amount_fen").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    providerTxnId: text("provider_txn_id"),
    receiptNumber: text("receipt_number"),
    payUrl: text("pay_url"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: instant("created_at").notNull(),
    paidAt: instant("paid_at"),
    failedAt: instant("failed_at"),
    refundedAt: instant("refunded_at"),
  },
  (t) => [
    uniqueIndex("payments_idempotency_uq").on(t.idempotencyKey),
    uniqueIndex("payments_provider_txn_uq").on(t.provider, t.providerTxnId),
    index("payments_case_idx").on(t.caseId),
    index("payments_assessment_idx").on(t.assessmentId),
  ],
);

/** A refund of a payment, with its reason (one full refund per payment). */
export const refunds = pgTable(
  "refunds",
  {
    id: id(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    amountFen: integer("amount_fen").notNull(),
    reason: text("reason").notNull(),
    providerRefundId: text("provider_refund_id"),
    refundedBy: uuid("refunded_by").references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("refunds_payment_uq").on(t.paymentId)],
);

/** Every gateway callback as received (audit trail; replays and out-of-order ones included). */
export const paymentCallbacks = pgTable(
  "payment_callbacks",
  {
    id: id(),
    provider: text("provider").notNull(),
    providerTxnId: text("provider_txn_id"),
    paymentId: uuid("payment_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    outcome: text("outcome").notNull(),
    receivedAt: instant("received_at").notNull(),
  },
  (t) => [index("payment_callbacks_payment_idx").on(t.paymentId)],
);
