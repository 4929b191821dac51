import { and, eq, inArray } from "drizzle-orm";
import { evaluations, rectifications } from "../../db/schema";
import { notFound, YizhanError } from "../../domain/errors";
import { isBad, type Level } from "../../domain/evaluations/evaluation";
import type { TEvaluation } from "../../shared/api/evaluations";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { EVALUATION } from "./errors";
import { countRating } from "./monthCounts";
import { getEvaluation } from "./queries";

async function loadEvaluation(ctx: AppContext, actor: Actor, id: string) {
  // 404 outside the actor's scope (getEvaluation applies it).
  await getEvaluation(ctx, actor, id);
  const [e] = await ctx.database.db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!e) throw notFound(EVALUATION);
  return e;
}

/**
 * 申诉复核: staff of the case's office appeal a bad rating to the supervisor with a reason
 * (appealEvaluation). Once per rating; the rating stays as given and counts until the appeal is upheld.
 */
export async function appealEvaluation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<TEvaluation> {
  const now = ctx.clock.now();
  const pre = await loadEvaluation(ctx, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await changeCase(tx, actor, pre.caseId, {
      change: "appealEvaluation",
      now,
      apply: async () => {
        const [e] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for("update");
        if (!isBad(e.level as Level))
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "只有差评（不满意、非常不满意）可以申诉",
            "en-US": "Only bad ratings (dissatisfied, very dissatisfied) can be appealed",
          });
        if (e.appealStatus !== "none")
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "该评价已申诉过，不能重复申诉",
            "en-US": "This rating has already been appealed",
          });
        await tx
          .update(evaluations)
          .set({
            appealStatus: "pending",
            appealReason: input.reason,
            appealedBy: actor.userId,
            appealedAt: now,
          })
          .where(eq(evaluations.id, id));
        return { result: null, data: { evaluationId: id, reason: input.reason } };
      },
    });
  });
  return getEvaluation(ctx, actor, id);
}

/**
 * The supervisor decides an appeal with a reason (decideAppeal): upheld — the rating no longer counts
 * in the figures and its open rectification is closed as void; dismissed — it counts and shows as given.
 */
export async function decideAppeal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: "uphold" | "dismiss"; reason: string },
): Promise<TEvaluation> {
  const now = ctx.clock.now();
  const pre = await loadEvaluation(ctx, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await changeCase(tx, actor, pre.caseId, {
      change: "decideEvaluationAppeal",
      now,
      apply: async () => {
        const [e] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for("update");
        if (e.appealStatus !== "pending")
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "该评价没有待复核的申诉",
            "en-US": "This rating has no appeal awaiting a decision",
          });
        const upheld = input.decision === "uphold";
        await tx
          .update(evaluations)
          .set({
            appealStatus: upheld ? "upheld" : "dismissed",
            appealDecisionReason: input.reason,
            appealDecidedBy: actor.userId,
            appealDecidedAt: now,
          })
          .where(eq(evaluations.id, id));
        if (upheld)
          await countRating(
            tx,
            { month: e.month, orgId: e.orgId, itemCode: e.itemCode, itemName: e.itemName, level: e.level },
            -1,
          );
        if (upheld)
          await tx
            .update(rectifications)
            .set({ status: "void" })
            .where(
              and(
                eq(rectifications.evaluationId, id),
                inArray(rectifications.status, ["callback_due", "rectifying"]),
              ),
            );
        return {
          result: null,
          data: { evaluationId: id, decision: input.decision, reason: input.reason },
        };
      },
    });
  });
  return getEvaluation(ctx, actor, id);
}
