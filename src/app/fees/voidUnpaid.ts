import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client";

/**
 * Voids the open fee assessments of a case that closes without a result (withdrawn, refused, referred,
 * denied): nothing is delivered, so nothing is owed (行政许可法 Art. 58–59; 发改价格规〔2016〕2559号 charges
 * registration and certificate fees for a registration made). An assessment with a payment pending or
 * paid stays as it is — that money is settled or refunded through the payment, never by voiding.
 * Returns the numbers of the assessments voided.
 */
export async function voidUnpaidFees(ex: Executor, caseId: string): Promise<string[]> {
  const rows = await queryRows<{ number: string }>(
    ex,
    sql`UPDATE fee_assessments a SET status = 'void'
        WHERE a.case_id = ${caseId} AND a.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.assessment_id = a.id AND p.status IN ('pending', 'paid'))
        RETURNING a.number`,
  );
  return rows.map((r) => r.number);
}
