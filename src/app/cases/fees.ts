import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { feeAssessments } from "../../db/schema";

/**
 * Whether a case's fees are settled: no assessment (收费单) with an amount due is still open. A case
 * with unpaid assessed fees cannot be issued (the domain guard answers 422 `fees_unpaid`); a case
 * without an assessment has nothing to pay (行政许可法 Art. 58: no fee without a legal basis).
 */
export async function feesSettled(ex: Executor, caseId: string): Promise<boolean> {
  const open = await ex
    .select({ id: feeAssessments.id })
    .from(feeAssessments)
    .where(
      and(
        eq(feeAssessments.caseId, caseId),
        eq(feeAssessments.status, "open"),
        gt(feeAssessments.totalFen, 0),
      ),
    )
    .limit(1);
  return open.length === 0;
}
