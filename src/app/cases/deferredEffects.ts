import { and, eq, sql } from "drizzle-orm";
import { caseMaterials } from "../../db/schema";
import type { CaseCommandType } from "../../domain/cases/commands";
import type { EffectEnv, EffectResult } from "./effects";
import { applicantRecipientOf, caseNotificationData, staffInTree } from "./notify";

type Effect = (env: EffectEnv) => Promise<EffectResult>;

/** The owed material a command names, as the transition's guards already checked it. */
const owedOf = (env: EffectEnv, code: string) => env.tctx.owed.find((m) => m.code === code);

/**
 * Effects of 容缺后补 (deferred materials delivered after acceptance and checked by the window). The
 * material keeps its due date: it is owed until a check passes it.
 */
export const DEFERRED_EFFECTS: Partial<Record<CaseCommandType, Effect>> = {
  async deliverDeferred(env) {
    if (env.cmd.type !== "deliverDeferred") return {};
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
  },

  async checkDeferred(env) {
    if (env.cmd.type !== "checkDeferred") return {};
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
  },
};
