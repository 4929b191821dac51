import type { Executor } from "../../db/client";

/**
 * Whether a case's fees are settled (a case with unpaid fees cannot be issued). Fee assessments and
 * payments arrive with the fees feature; until a case has an assessment there is nothing to pay.
 */
export async function feesSettled(_ex: Executor, _caseId: string): Promise<boolean> {
  return true;
}
