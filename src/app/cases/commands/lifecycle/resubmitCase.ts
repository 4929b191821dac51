import { and, eq, inArray } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import { type Effect, hasFiles } from "../effects";
import { CHECK_PERIOD_DAYS } from "../transitionContext";

/** Effects of 补正后重新提交: the corrected materials are provided again and the 5-day check restarts. */
export const resubmitCase: Effect<"resubmit"> = async (env) => {
  const checkDueOn = env.cal.addWorkingDays(env.next.receivedOn ?? env.today, CHECK_PERIOD_DAYS);
  await env.tx
    .update(caseMaterials)
    .set({ status: "provided", updatedAt: env.now })
    .where(
      and(
        eq(caseMaterials.caseId, env.c.id),
        inArray(caseMaterials.status, ["missing", "defective", "pending"]),
        hasFiles,
      ),
    );
  return { columns: { checkDueOn }, eventData: { checkDueOn } };
};
