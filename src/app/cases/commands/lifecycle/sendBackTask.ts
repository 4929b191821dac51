import { and, eq } from "drizzle-orm";
import { reviewTasks } from "../../../../db/schema";
import { returnTargets, taskDueOn } from "../../../../domain/cases/reviewPlan";
import { planSteps } from "../../itemInfo";
import { deadlineOf, type Effect, taskOfCase } from "../effects";

/** Effects of 审查退回: the steps to redo are returned (counted; the ping-pong rule of domain/alerts/caseRules.ts runs after the command). */
export const sendBackTask: Effect<"sendBack"> = async (env) => {
  const task = taskOfCase(env, env.cmd.taskId);
  // Authorized by the caller: a reviewer returning their own open task, or the approver (case:sendBack)
  // sending a finished task back for another look.
  const byApprover = task.status === "approved";
  const steps = planSteps(env.item.content);
  const targets = byApprover ? [task.stepCode] : returnTargets(steps, task.stepCode);
  const deadline = deadlineOf(env);
  for (const code of targets) {
    const step = steps.find((s) => s.code === code);
    if (!step) continue;
    await env.tx
      .update(reviewTasks)
      .set({
        status: "returned",
        claimedBy: null,
        openedOn: env.today,
        dueOn: taskDueOn(step, env.today, deadline, env.cal),
        updatedAt: env.now,
        opinion: env.cmd.opinion,
      })
      .where(and(eq(reviewTasks.caseId, env.c.id), eq(reviewTasks.stepCode, code)));
  }
  if (!targets.includes(task.stepCode)) {
    await env.tx
      .update(reviewTasks)
      .set({ status: "waiting", claimedBy: null, updatedAt: env.now })
      .where(eq(reviewTasks.id, task.id));
  }
  await env.tx
    .update(reviewTasks)
    .set({ returns: task.returns + 1 })
    .where(eq(reviewTasks.id, task.id));
  // A reviewer returning an unclaimed task claims it by the act (the event names who acted).
  const claimedOnAct = !byApprover && task.claimedBy === null;
  return {
    eventData: {
      taskId: task.id,
      stepCode: task.stepCode,
      targets,
      returnsCount: env.next.returnsCount,
      ...(claimedOnAct ? { claimedOnAct: true } : {}),
    },
  };
};
