import { and, eq } from "drizzle-orm";
import { reviewTasks } from "../../../../db/schema";
import { stepsReadyToOpen, taskDueOn } from "../../../../domain/cases/reviewPlan";
import { type CaseNotification, caseNotificationData, staffInTree } from "../../../notifications/recipients";
import { routeReviewTasks } from "../../../staff/routing";
import { planSteps } from "../../itemInfo";
import { deadlineOf, type Effect, taskOfCase } from "../effects";

/** Effects of 审查通过: the task is approved, the next steps open; the approver hears when all are done. */
export const recommendTask: Effect<"recommend"> = async (env) => {
  const task = taskOfCase(env, env.cmd.taskId);
  // An unclaimed task is claimed by the act itself (recorded in the event: `claimedOnAct`).
  const claimedOnAct = task.claimedBy === null && !!env.actor;
  // Sent with the case's save: the steps opened below are other rows.
  env.later(
    env.tx
      .update(reviewTasks)
      .set({
        ...(claimedOnAct ? { claimedBy: env.actor?.userId, claimedAt: env.now } : {}),
        status: "approved",
        opinion: env.cmd.opinion,
        completedBy: env.actor?.userId,
        completedAt: env.now,
        updatedAt: env.now,
        version: task.version + 1,
      })
      .where(eq(reviewTasks.id, task.id)),
  );
  const steps = planSteps(env.item.content);
  const all = env.rows.tasks;
  const ready = stepsReadyToOpen(
    steps,
    all.map((t) => ({ stepCode: t.stepCode, status: t.id === task.id ? "approved" : t.status })),
  );
  const deadline = deadlineOf(env);
  // AB岗: the steps opening now go to their post's holder, or its backup while the holder is away.
  const opening = all.filter((t) => ready.includes(t.stepCode));
  const routed = await routeReviewTasks(env.tx, opening, env.today, env.ctx);
  for (const code of ready) {
    const step = steps.find((s) => s.code === code);
    if (!step) continue;
    const t = opening.find((x) => x.stepCode === code);
    await env.tx
      .update(reviewTasks)
      .set({
        status: "open",
        openedOn: env.today,
        dueOn: taskDueOn(step, env.today, deadline, env.cal),
        ...(t && routed.assignees.has(t.id) ? { assigneeId: routed.assignees.get(t.id) ?? null } : {}),
        updatedAt: env.now,
      })
      .where(and(eq(reviewTasks.caseId, env.c.id), eq(reviewTasks.stepCode, code)));
  }
  const remaining = all.filter((t) => t.id !== task.id && t.status !== "approved").length;
  const notifications: CaseNotification[] = [];
  if (remaining === 0) {
    notifications.push({
      kind: "review.completed",
      recipients: await staffInTree(env.tx, env.c.orgPath, "approver"),
      data: caseNotificationData(env.c, { deadline }),
    });
  }
  return {
    eventData: {
      taskId: task.id,
      stepCode: task.stepCode,
      stepName: task.stepName,
      opened: ready,
      ...(claimedOnAct ? { claimedOnAct: true } : {}),
    },
    events: routed.events,
    notifications,
  };
};
