import { and, eq } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import { applicantRecipientOf, caseNotificationData } from "../../../notifications/recipients";
import { type Effect, owedOf } from "../effects";

/** Effects of 核验补交的容缺材料: pass or defective (still owed under the same due date); the applicant is told. */
export const checkDeferred: Effect<"checkDeferred"> = async (env) => {
  const { materialCode, verdict } = env.cmd;
  const note = env.cmd.note?.trim() || null;
  const m = owedOf(env, materialCode);
  env.later(
    env.tx
      .update(caseMaterials)
      .set({
        status: verdict,
        note: verdict === "pass" ? null : note,
        checkedBy: env.actor?.userId ?? null,
        checkedAt: env.now,
        passedRound: verdict === "pass" ? env.c.correctionRounds + 1 : null,
        updatedAt: env.now,
      })
      .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.materialCode, materialCode))),
  );
  const applicant = applicantRecipientOf(env.c, env.rows.applicant);
  return {
    eventData: { materialName: m?.name, dueOn: m?.dueOn },
    notifications: [
      {
        kind: verdict === "pass" ? "deferred.passed" : "deferred.defective",
        recipients: [applicant],
        data: caseNotificationData(env.c, {
          reason: verdict === "pass" ? m?.name : `${m?.name ?? materialCode}：${note ?? ""}`,
          dueOn: m?.dueOn,
        }),
      },
    ],
  };
};
