import { and, eq } from "drizzle-orm";
import { caseMaterials } from "../../../../db/schema";
import { createNotice } from "../documents";
import { type Effect, toApplicant } from "../effects";

/** Effects of 一次性告知补正: the materials named are marked, the correction notice is written and sent. */
export const requestCorrection: Effect<"requestCorrection"> = async (env) => {
  const names = new Map(env.item.content.materials.map((m) => [m.code, m.name]));
  for (const it of env.cmd.items) {
    await env.tx
      .update(caseMaterials)
      .set({
        status: it.problem,
        note: it.note ?? null,
        checkedBy: env.actor?.userId,
        checkedAt: env.now,
        updatedAt: env.now,
      })
      .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.materialCode, it.materialCode)));
  }
  const dueOn = env.cmd.dueOn ?? env.cal.addWorkingDays(env.today, 15);
  const items = env.cmd.items.map((it) => ({ ...it, name: names.get(it.materialCode) ?? it.materialCode }));
  const notice = await createNotice(
    env.tx,
    env.c,
    "correction",
    env.today,
    { items, dueOn, round: env.next.correctionRounds },
    env.now,
    env.later,
  );
  return {
    eventData: { documentId: notice.id, items, dueOn },
    notifications: [
      await toApplicant(env, "case.correction_requested", {
        dueOn,
        count: items.length,
        reason: items.map((i) => (i.note ? `${i.name}（${i.note}）` : i.name)).join("、"),
      }),
    ],
  };
};
