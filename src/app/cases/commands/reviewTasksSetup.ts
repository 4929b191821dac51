import { eq, type SQLWrapper } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "../../../db/client";
import { reviewTasks } from "../../../db/schema";
import { planReviewTasks } from "../../../domain/cases/reviewPlan";
import type { AppContext } from "../../context";
import { findOrganizations } from "../../organizations/orgCache";
import { type RoutingEvent, routeReviewTasks } from "../../staff/routing";
import type { LoadedCase } from "../caseRows";
import { type ItemInfo, planSteps } from "../itemInfo";

/**
 * Creates the review tasks of a case at acceptance (并联审批): one per review step of the item
 * version, parallel steps open at once with a due date inside the case limit, sequential ones wait.
 * Each task opening now is routed by AB岗 (docs/staff.md): assigned to its post's holder, or the
 * backup while the holder is away. Returns the organizations whose reviewers now have work and the
 * routing events for the case log. With `later` the insert is handed over to be sent with the case's save.
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
): Promise<{ orgIds: string[]; events: RoutingEvent[] }> {
  const steps = planSteps(item.content);
  if (steps.length === 0) return { orgIds: [], events: [] };
  const orgs = await findOrganizations(ctx, [...new Set(steps.map((s) => s.orgCode))], tx);
  const orgId = new Map([...orgs.values()].map((o) => [o.code, o.id]));
  const planned = planReviewTasks(steps, today, caseDeadline, cal);
  const rows = steps.map((s, i) => ({
    id: uuidv7(),
    orgId: orgId.get(s.orgCode) ?? c.orgId,
    step: s,
    plan: planned[i],
  }));
  const routed = await routeReviewTasks(
    tx,
    rows
      .filter((r) => r.plan.status === "open")
      .map((r) => ({ id: r.id, orgId: r.orgId, stepCode: r.step.code, stepName: r.step.name })),
    today,
    ctx,
  );
  const insert = tx.insert(reviewTasks).values(
    rows.map(({ id, orgId: taskOrg, step: s, plan }) => ({
      id,
      caseId: c.id,
      stepCode: s.code,
      stepName: s.name,
      orgId: taskOrg,
      lead: s.lead,
      mode: s.mode,
      after: s.after ?? [],
      limitDays: s.limitDays,
      status: plan.status,
      openedOn: plan.openedOn,
      dueOn: plan.dueOn,
      assigneeId: routed.assignees.get(id) ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (later) later(insert);
  else await insert;
  const orgIds = [
    ...new Set(
      planned
        .filter((p) => p.status === "open")
        .map((p) => orgId.get(steps.find((s) => s.code === p.stepCode)?.orgCode ?? "") ?? c.orgId),
    ),
  ];
  return { orgIds, events: routed.events };
}

/** Review tasks of a case, in step order. */
export async function tasksOfCase(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(reviewTasks)
    .where(eq(reviewTasks.caseId, caseId))
    .orderBy(reviewTasks.createdAt, reviewTasks.stepCode);
}
