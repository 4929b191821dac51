import { closedWithoutResult, type Effect, toApplicant } from "../effects";

/** Effects of 送达决定（办结）: the case closes (unpaid fees voided); the applicant is told. */
export const completeCase: Effect<"complete"> = async (env) => {
  return {
    columns: { completedAt: env.now },
    eventData: await closedWithoutResult(env),
    notifications: [await toApplicant(env, "case.completed")],
  };
};
