import { asc, desc, eq, inArray } from "drizzle-orm";
import { renderNotice } from "../../adapters/pdf";
import { feeAssessments, feeLines, organizations, payments, refunds } from "../../db/schema";
import { notFound, YizhanError } from "../../domain/errors";
import { maskIdentifier } from "../../domain/rules/identifiers";
import type { TCaseFees } from "../../shared/api/fees";
import type { Actor } from "../actor";
import { casePolicyRecord, loadCase } from "../cases/caseRows";
import { chargesFees, itemInfo } from "../cases/itemInfo";
import type { AppContext } from "../context";
import { abilities, authorize } from "../policies";

/**
 * A case's fees: assessments with lines, payments with refunds, and what the caller may do. `required`:
 * the item charges fees; `settled`: nothing is owed before the result may be issued.
 */
export async function getCaseFees(ctx: AppContext, actor: Actor, caseId: string): Promise<TCaseFees> {
  const db = ctx.database.db;
  const c = await loadCase(db, caseId);
  const rec = casePolicyRecord(c);
  authorize(actor, "readFees", "case", rec);
  const assessments = await db
    .select()
    .from(feeAssessments)
    .where(eq(feeAssessments.caseId, caseId))
    .orderBy(desc(feeAssessments.assessedAt));
  const ids = assessments.map((a) => a.id);
  const lines = ids.length
    ? await db.select().from(feeLines).where(inArray(feeLines.assessmentId, ids)).orderBy(asc(feeLines.seq))
    : [];
  const pays = await db
    .select()
    .from(payments)
    .where(eq(payments.caseId, caseId))
    .orderBy(desc(payments.createdAt));
  const refs = pays.length
    ? await db
        .select()
        .from(refunds)
        .where(
          inArray(
            refunds.paymentId,
            pays.map((p) => p.id),
          ),
        )
    : [];
  const a = abilities(actor, "case", rec);
  // The item's schedule charges fees: no result before an assessment exists and nothing is open on it.
  const required = chargesFees((await itemInfo(db, c.itemVersionId)).content);
  const assessed = assessments.some((x) => x.status !== "void");
  return {
    caseId,
    required,
    settled: !assessments.some((x) => x.status === "open" && x.totalFen > 0) && (!required || assessed),
    abilities: {
      assess: a.assessFees ?? false,
      recordWindowPayment: a.recordWindowPayment ?? false,
      payOnline: a.payOnline ?? false,
      refund: a.refundPayment ?? false,
    },
    assessments: assessments.map((x) => ({
      id: x.id,
      number: x.number,
      status: x.status,
      totalFen: x.totalFen,
      note: x.note,
      assessedAt: x.assessedAt.toISOString(),
      paidAt: x.paidAt?.toISOString() ?? null,
      lines: lines
        .filter((l) => l.assessmentId === x.id)
        .map((l) => ({
          code: l.code,
          name: l.name,
          basis: l.basis,
          unit: l.unit,
          unitPriceFen: l.unitPriceFen,
          quantity: l.quantity,
          grossFen: l.grossFen,
          exemptionName: l.exemptionName,
          amountFen: l.amountFen,
        })),
    })),
    payments: pays.map((p) => {
      const r = refs.find((x) => x.paymentId === p.id);
      return {
        id: p.id,
        assessmentId: p.assessmentId,
        channel: p.channel,
        status: p.status,
        amountFen: p.amountFen,
        receiptNumber: p.receiptNumber,
        providerTxnId: p.providerTxnId,
        payUrl: p.status === "pending" ? p.payUrl : null,
        createdAt: p.createdAt.toISOString(),
        paidAt: p.paidAt?.toISOString() ?? null,
        refund: r ? { reason: r.reason, amountFen: r.amountFen, at: r.createdAt.toISOString() } : null,
      };
    }),
  };
}
export type CaseFees = Awaited<ReturnType<typeof getCaseFees>>;

const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();

/** 缴费凭证 of a paid (or refunded) payment as PDF (renderNotice('receipt'); 行政许可法 Art. 59). */
export async function paymentReceiptPdf(ctx: AppContext, actor: Actor, paymentId: string) {
  const db = ctx.database.db;
  const [p] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!p) throw notFound({ "zh-CN": "缴费记录", "en-US": "Payment" });
  const c = await loadCase(db, p.caseId);
  authorize(actor, "readFees", "case", casePolicyRecord(c));
  if (!p.paidAt || !p.receiptNumber) {
    throw new YizhanError("not_paid", 409, {
      "zh-CN": "尚未缴费，无缴费凭证",
      "en-US": "Not paid: no receipt",
    });
  }
  const lines = await db
    .select()
    .from(feeLines)
    .where(eq(feeLines.assessmentId, p.assessmentId))
    .orderBy(asc(feeLines.seq));
  const [org] = await db.select().from(organizations).where(eq(organizations.id, c.orgId));
  const paid = local(p.paidAt);
  const pdf = await renderNotice("receipt", {
    receiptNumber: p.receiptNumber,
    issuedOn: paid.slice(0, 10),
    paidAt: `${paid.slice(0, 10)} ${paid.slice(11, 16)}`,
    org: { name: org.name, address: org.address ?? undefined, phone: org.phone ?? undefined },
    payer: {
      name: c.applicant.name,
      idNumber: maskIdentifier(c.applicant.creditCode ?? c.applicant.idNumber ?? ""),
    },
    item: { code: (await itemInfo(db, c.itemVersionId)).content.catalogCode, name: c.itemName },
    caseNumber: c.number,
    lines: lines.map((l) => ({
      name: l.exemptionName ? `${l.name}（${l.exemptionName}）` : l.name,
      basis: l.basis,
      quantity: String(l.quantity),
      amountFen: l.amountFen,
    })),
    channel: p.channel,
    transactionNumber: p.providerTxnId ?? p.id,
  });
  return { bytes: pdf, fileName: `缴费凭证-${p.receiptNumber}.pdf` };
}

/**
 * An online payment order as the local gateway simulator shows it (demo mode only): for whoever may pay
 * the case online (its applicant, or the clerk who filed for them), else 403; 404 for anything that is
 * not an online payment.
 */
export async function simulatorOrder(ctx: AppContext, actor: Actor, paymentId: string) {
  const db = ctx.database.db;
  const [p] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (p?.channel !== "online") throw notFound({ "zh-CN": "支付订单", "en-US": "Order" });
  authorize(actor, "payOnline", "case", casePolicyRecord(await loadCase(db, p.caseId)));
  return p;
}
