import { inArray, sql } from "drizzle-orm";
import { reviewTasks } from "../../../../db/schema";
import { UNFINISHED_TASK_STATUSES } from "../../../../domain/cases/reviewPlan";
import { closedWithoutResult, type Effect, toApplicant } from "../effects";

/** Effects of 撤回: open review work is cancelled, unpaid fees voided, the applicant is told. */
export const withdrawCase: Effect<"withdraw"> = async (env) => {
  const note = [await toApplicant(env, "case.withdrawn")];
  // Open review work ends unfinished: cancelled, never counted as approved (nobody reviewed it).
  const cancelled = env.rows.tasks.filter((t) => UNFINISHED_TASK_STATUSES.includes(t.status));
  if (cancelled.length) {
    env.later(
      env.tx
        .update(reviewTasks)
        .set({
          status: "cancelled",
          completedAt: env.now,
          updatedAt: env.now,
          version: sql`${reviewTasks.version} + 1`,
        })
        .where(
          inArray(
            reviewTasks.id,
            cancelled.map((t) => t.id),
          ),
        ),
    );
  }
  return {
    columns: { completedAt: env.now },
    eventData: {
      cancelledTasks: cancelled.map((t) => ({ taskId: t.id, stepName: t.stepName, was: t.status })),
      ...(await closedWithoutResult(env)),
    },
    notifications: note,
  };
};
