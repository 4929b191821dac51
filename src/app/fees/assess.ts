import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { feeAssessments, feeLines, payments } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import { assessFeeLines, feeFacts } from "../../domain/fees/assess";
import type { ZAssessFees } from "../../shared/api/requests/fees";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import { itemInfo } from "../cases/itemInfo";
import type { AppContext } from "../context";

export type TAssessFees = z.infer<typeof ZAssessFees>;

/** Next value of a named counter inside the caller's transaction. */
export async function nextCounter(ex: Executor, key: string): Promise<number> {
  const res = await ex.execute(
    sql`insert into counters (key, value) values (${key}, 1)
        on conflict (key) do update set value = counters.value + 1 returning value`,
  );
  return Number((res as unknown as { rows: { value: number }[] }).rows[0].value);
}

const compact = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");

/**
 * 收费单: assesses a case's fees from the fee schedule of the item version it was filed under
 * (行政许可法 Art. 58–59; amounts in integer fen), with per-unit rules and exemptions such as the small and
 * micro enterprise exemption (财税〔2016〕79号; a flag in the form, the clerk's confirmation). An open
 * assessment without payments is replaced; one with a payment in flight or paid cannot be (409).
 */
export async function assessFees(ctx: AppContext, actor: Actor, caseId: string, input: TAssessFees) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { result } = await changeCase(tx, actor, caseId, {
      change: "assessFees",
      now,
      apply: async (c) => {
        const previous = await tx
          .select()
          .from(feeAssessments)
          .where(and(eq(feeAssessments.caseId, c.id), inArray(feeAssessments.status, ["open", "paid"])));
        if (previous.length) {
          const busy = await tx
            .select({ id: payments.id })
            .from(payments)
            .where(
              and(
                inArray(
                  payments.assessmentId,
                  previous.map((p) => p.id),
                ),
                inArray(payments.status, ["pending", "paid"]),
              ),
            );
          if (busy.length) {
            throw new YizhanError("fees_already_paid", 409, {
              "zh-CN": "已有缴费或正在支付的收费单，不能重新核定（如需更正请先退费）",
              "en-US": "A payment exists for the current assessment; refund it before reassessing",
            });
          }
          await tx
            .update(feeAssessments)
            .set({ status: "void" })
            .where(
              inArray(
                feeAssessments.id,
                previous.map((p) => p.id),
              ),
            );
        }
        const item = await itemInfo(tx, c.itemVersionId);
        const form = {
          ...c.formData,
          ...(input.extraCertificates !== undefined ? { extraCertificates: input.extraCertificates } : {}),
          ...(input.smallMicroEnterprise !== undefined
            ? { isSmallMicroEnterprise: input.smallMicroEnterprise }
            : {}),
        };
        const facts = feeFacts(form, {});
        const lines = assessFeeLines(item.content.fees, facts);
        const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
        const serial = await nextCounter(tx, `fee:${compact(now)}`);
        const [a] = await tx
          .insert(feeAssessments)
          .values({
            caseId: c.id,
            number: `SF${compact(now)}${String(serial).padStart(4, "0")}`,
            status: totalFen === 0 ? "paid" : "open",
            totalFen,
            facts,
            note: input.note ?? null,
            assessedBy: actor.userId,
            assessedAt: now,
            paidAt: totalFen === 0 ? now : null,
          })
          .returning();
        if (lines.length)
          await tx.insert(feeLines).values(lines.map((l, i) => ({ ...l, seq: i + 1, assessmentId: a.id })));
        return {
          result: a,
          data: { assessmentId: a.id, number: a.number, totalFen, lines: lines.length },
        };
      },
    });
    return result;
  });
}
