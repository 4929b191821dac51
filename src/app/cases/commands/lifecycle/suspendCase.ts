import { createNotice } from "../documents";
import { type Effect, toApplicant } from "../effects";

/** Effects of 启动特别程序: the special-procedure notice to the applicant (the clock stops). */
export const suspendCase: Effect<"suspend"> = async (env) => {
  const notice = await createNotice(
    env.tx,
    env.c,
    "special_procedure",
    env.today,
    { kind: env.cmd.kind, reason: env.cmd.reason, expectedDays: env.cmd.expectedDays },
    env.now,
    env.later,
  );
  return {
    eventData: { documentId: notice.id },
    notifications: [
      await toApplicant(env, "case.suspended", {
        reason: env.cmd.reason,
        expectedDays: env.cmd.expectedDays,
      }),
    ],
  };
};
