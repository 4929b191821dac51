import { and, eq } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import { caseNotificationData, staffInTree } from "../../../notifications/recipients";
import { type Effect, hasFiles, toApplicant } from "../effects";
import { CHECK_PERIOD_DAYS } from "../transitionContext";

/** Effects of 提交申请: materials handed in become provided, the 5-working-day check starts, the window is told. */
export const submitCase: Effect<"submit"> = async (env) => {
  const checkDueOn = env.cal.addWorkingDays(env.next.receivedOn ?? env.today, CHECK_PERIOD_DAYS);
  await env.tx
    .update(caseMaterials)
    .set({ status: "provided", updatedAt: env.now })
    // Only what was actually handed in: materials still to be fetched (shared data) stay pending.
    .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.status, "pending"), hasFiles));
  const clerks = await staffInTree(env.tx, env.c.orgPath, "clerk");
  return {
    columns: { submittedAt: env.now, checkDueOn, draftExpiresAt: null },
    eventData: { checkDueOn },
    notifications: [
      await toApplicant(env, "case.submitted", { checkDueOn }),
      { kind: "case.submitted", recipients: clerks, data: caseNotificationData(env.c, { checkDueOn }) },
    ],
  };
};
