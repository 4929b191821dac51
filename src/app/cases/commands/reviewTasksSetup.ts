import { eq, type SQLWrapper } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { reviewTasks } from "../../../db/schema";
import { planReviewTasks } from "../../../domain/cases/reviewPlan";
import type { AppContext } from "../../context";
import { findOrganizations } from "../../organizations/orgCache";
import type { LoadedCase } from "../caseRows";
import { type ItemInfo, planSteps } from "../itemInfo";

/**
 * Creates the review tasks of a case at acceptance (并联审批): one per review step of the item
 * version, parallel steps open at once with a due date inside the case limit, sequential ones wait.
 * Returns the organizations whose reviewers now have work. With `later` the insert is handed over to
 * be sent with the case's save.
 */
export async function createReviewTasks(
  ctx: AppContext,
  tx: Tx,
  c: LoadedCase,
  item: ItemInfo,
  today: string,
  caseDeadline: string | null,
  cal: { addWorkingDays(d: string, n: number): string },
  now: Date,
  later?: (write: SQLWrapper) => void,
): Promise<string[]> {
  const steps = planSteps(item.content);
  if (steps.length === 0) return [];
  const orgs = await findOrganizations(ctx, [...new Set(steps.map((s) => s.orgCode))], tx);
  const orgId = new Map([...orgs.values()].map((o) => [o.code, o.id]));
  const planned = planReviewTasks(steps, today, caseDeadline, cal);
  const insert = tx.insert(reviewTasks).values(
    steps.map((s, i) => ({
      caseId: c.id,
      stepCode: s.code,
      stepName: s.name,
      orgId: orgId.get(s.orgCode) ?? c.orgId,
      lead: s.lead,
      mode: s.mode,
      after: s.after ?? [],
      limitDays: s.limitDays,
      status: planned[i].status,
      openedOn: planned[i].openedOn,
      dueOn: planned[i].dueOn,
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (later) later(insert);
  else await insert;
  return [
    ...new Set(
      planned
        .filter((p) => p.status === "open")
        .map((p) => orgId.get(steps.find((s) => s.code === p.stepCode)?.orgCode ?? "") ?? c.orgId),
    ),
  ];
}

/** Review tasks of a case, in step order. */
export async function tasksOfCase(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(reviewTasks)
    .where(eq(reviewTasks.caseId, caseId))
    .orderBy(reviewTasks.createdAt, reviewTasks.stepCode);
}
