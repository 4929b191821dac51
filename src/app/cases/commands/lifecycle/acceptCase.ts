import { and, eq } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import type { DeferredMaterial } from "../../../../domain/cases/commands";
import { inviteInEffect } from "../../../evaluations/invitations";
import { caseNotificationData, staffRecipients } from "../../../notifications/recipients";
import { createNotice } from "../documents";
import { deadlineOf, type Effect, type EffectEnv, type EffectResult, toApplicant } from "../effects";
import { createReviewTasks } from "../reviewTasksSetup";

/** Acceptance (also deemed acceptance): review tasks, the acceptance notice, notifications, assign. */
export async function onAccepted(
  env: EffectEnv,
  deferred: DeferredMaterial[],
  deemed: boolean,
): Promise<EffectResult> {
  const { tx, c, now } = env;
  for (const d of deferred) {
    await tx
      .update(caseMaterials)
      .set({
        status: "deferred",
        deferredDueOn: d.dueOn,
        commitmentSigned: d.commitmentSigned,
        updatedAt: now,
      })
      .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, d.materialCode)));
  }
  const deadline = deadlineOf(env);
  const startDay = env.next.acceptedOn ?? env.today;
  const { orgIds, events: routing } = await createReviewTasks(
    env.ctx,
    tx,
    c,
    env.item,
    startDay,
    deadline,
    env.cal,
    now,
    env.later,
  );
  const notice = await createNotice(
    tx,
    c,
    "acceptance",
    env.today,
    {
      acceptedOn: env.next.acceptedOn,
      limitDays: env.next.limitDays,
      deadline,
      deferred,
      deemed,
    },
    now,
    env.later,
  );
  const notifications = [await toApplicant(env, "case.accepted", { deadline, documentId: notice.id })];
  if (orgIds.length) {
    notifications.push({
      kind: "review.assigned",
      recipients: await staffRecipients(tx, orgIds, "reviewer", env.ctx),
      data: caseNotificationData(c, { deadline }),
    });
  }
  // 好差评 at acceptance, for the items the organization configured so (docs/evaluations.md).
  notifications.push(...(await inviteInEffect(env, "acceptance")));
  return {
    eventData: { documentId: notice.id, deadline, reviewTasks: orgIds.length },
    // AB岗: to whom each opening task went (docs/staff.md).
    events: routing,
    notifications,
    // With review tasks the case moves on to review in the same save (the `assign` row of the table).
    followUp: orgIds.length
      ? { command: { type: "assign" }, review: { total: orgIds.length, open: orgIds.length } }
      : undefined,
  };
}

/** Effects of 受理: deferred materials (容缺) recorded with their due dates, then {@link onAccepted}. */
export const acceptCase: Effect<"accept"> = (env) => onAccepted(env, env.cmd.deferred ?? [], false);
