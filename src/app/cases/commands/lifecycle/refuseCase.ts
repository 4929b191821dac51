import { clause } from "../../../../shared/wording";
import { createNotice } from "../documents";
import { closedWithoutResult, type Effect, toApplicant } from "../effects";

/** Effects of 不予受理: the refusal notice, the case closes (unpaid fees voided). */
export const refuseCase: Effect<"refuse"> = async (env) => {
  const notice = await createNotice(
    env.tx,
    env.c,
    "refusal",
    env.today,
    { legalBasis: env.cmd.legalBasis, reason: env.cmd.reason },
    env.now,
    env.later,
  );
  return {
    columns: { completedAt: env.now },
    eventData: { documentId: notice.id, ...(await closedWithoutResult(env)) },
    notifications: [
      await toApplicant(env, "case.refused", {
        reason: `${clause(env.cmd.reason)}；依据：${clause(env.cmd.legalBasis)}`,
      }),
    ],
  };
};
