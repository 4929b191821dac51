import { and, eq, sql } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import { caseNotificationData, staffInTree } from "../../../notifications/recipients";
import { type Effect, owedOf } from "../effects";

/** Effects of 补交容缺材料: the file is put on the material, the window is told (late or not). */
export const deliverDeferred: Effect<"deliverDeferred"> = async (env) => {
  const { materialCode, fileId } = env.cmd;
  const m = owedOf(env, materialCode);
  env.later(
    env.tx
      .update(caseMaterials)
      .set({
        fileIds: sql`${caseMaterials.fileIds} || ${JSON.stringify([fileId])}::jsonb`,
        source: "upload",
        status: "provided",
        updatedAt: env.now,
      })
      .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.materialCode, materialCode))),
  );
  return {
    eventData: { materialName: m?.name, dueOn: m?.dueOn, late: !!m && env.today > m.dueOn },
    notifications: [
      {
        kind: "deferred.delivered",
        recipients: await staffInTree(env.tx, env.c.orgPath, "clerk"),
        data: caseNotificationData(env.c, { reason: m?.name, dueOn: m?.dueOn }),
      },
    ],
  };
};
