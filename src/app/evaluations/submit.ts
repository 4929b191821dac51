import { eq } from "drizzle-orm";
import { evaluationInvitations, evaluations, evaluationTabletSessions, organizations } from "../../db/schema";
import { invalid } from "../../domain/errors";
import { DIMENSIONS, invitationState, isBad, type Level } from "../../domain/evaluations/evaluation";
import type { TEvaluationInvitation } from "../../shared/api/evaluations";
import type { TSubmitEvaluation } from "../../shared/api/requests/evaluations";
import type { Actor } from "../actor";
import { loadCase } from "../cases/caseRows";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { resolveInvitation } from "./access";
import { alreadyRated, evaluationClosed, staffCannotRate, tabletExpired } from "./errors";
import { countRating } from "./monthCounts";
import { isStaff } from "./policy";
import { openRectification } from "./rectifications";

/** The month (YYYY-MM) of an instant in Asia/Shanghai, the figures' month. */
export const shanghaiMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * The rating form of an invitation (getEvaluationInvitation): by the signed link or the tablet token
 * (no login) or by id (the applicant's own session). Staff sessions are refused (403): the form is the
 * applicant's.
 */
export async function getEvaluationInvitation(
  ctx: AppContext,
  actor: Actor | null,
  ref: string,
): Promise<TEvaluationInvitation> {
  if (isStaff(actor)) throw staffCannotRate();
  const db = ctx.database.db;
  const a = await resolveInvitation(db, actor, ref);
  const kase = await loadCase(db, a.invitation.caseId);
  const now = ctx.clock.now();
  let state = invitationState(a.invitation, now);
  if (a.tablet && state === "open" && (a.tablet.usedAt || a.tablet.expiresAt <= now))
    state = a.tablet.usedAt ? "used" : "closed";
  return {
    id: a.invitation.id,
    caseNumber: kase.number,
    itemName: kase.itemName,
    orgName: kase.orgName,
    stage: a.invitation.stage,
    channel: a.channel,
    source: a.source,
    state,
    closesAt: a.invitation.closesAt.toISOString(),
    deviceLabel: a.tablet?.deviceLabel ?? null,
    dimensions: [...DIMENSIONS[a.channel]],
  };
}

/** Checks that the dimensions are exactly those of the channel (422 naming the missing or foreign one). */
function checkDimensions(channel: "online" | "window", dims: Partial<Record<string, string>>) {
  const wanted = DIMENSIONS[channel];
  for (const d of wanted)
    if (!dims[d])
      throw invalid(`dimensions.${d}`, "required", {
        "zh-CN": `请评价“${d}”这一项`,
        "en-US": `Rate the dimension "${d}"`,
      });
  for (const d of Object.keys(dims))
    if (!wanted.includes(d))
      throw invalid(`dimensions.${d}`, "not_in_channel", {
        "zh-CN": `“${d}”不是${channel === "online" ? "网上办事" : "窗口服务"}的评价项`,
        "en-US": `"${d}" is not a dimension of ${channel} service`,
      });
}

/**
 * Records a rating (submitEvaluation), immutable once given: one per case and stage, within 30 days of
 * the invitation, never by staff (403). Through the applicant's session, the single-use signed link, or
 * a window tablet (recording its device); the invitation and the tablet are used up in the same
 * transaction. A bad rating (the bottom two, not a follow-up) opens a rectification. Logged on the
 * case as `evaluation.submitted` with the channel, source and device.
 */
export async function submitEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  ref: string,
  input: TSubmitEvaluation,
): Promise<{ id: string; level: Level; rectificationId: string | null }> {
  if (isStaff(actor)) throw staffCannotRate();
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const pre = await resolveInvitation(db, actor, ref);
  checkDimensions(pre.channel, input.dimensions);
  return db.transaction(async (tx) => {
    const { result } = await changeCase(tx, actor, pre.invitation.caseId, {
      change: "submitEvaluation",
      // Authorized by the token or the applicant's own session (resolveInvitation), not a case policy.
      action: null,
      now,
      apply: async (c) => {
        const a = await resolveInvitation(tx, actor, ref, true);
        const state = invitationState(a.invitation, now);
        if (state === "used") throw alreadyRated();
        if (state === "closed") throw evaluationClosed();
        if (a.tablet?.usedAt) throw alreadyRated();
        if (a.tablet && a.tablet.expiresAt <= now) throw tabletExpired();
        const level = input.dimensions.overall as Level;
        const [org] = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.id, c.orgId));
        const inserted = await tx
          .insert(evaluations)
          .values({
            caseId: c.id,
            invitationId: a.invitation.id,
            stage: a.invitation.stage,
            channel: a.channel,
            source: a.source,
            deviceLabel: a.tablet?.deviceLabel ?? null,
            level,
            dimensions: input.dimensions as Record<string, string>,
            comment: input.comment?.trim() || null,
            commentPublic: !!input.publishComment && !!input.comment?.trim(),
            tags: input.tags ?? [],
            orgId: org.id,
            itemCode: c.itemCode,
            itemName: c.itemName,
            month: shanghaiMonth(now),
            submittedBy: actor?.userId ?? null,
            submittedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: evaluations.id });
        if (!inserted.length) throw alreadyRated();
        const id = inserted[0].id;
        await countRating(
          tx,
          { month: shanghaiMonth(now), orgId: org.id, itemCode: c.itemCode, itemName: c.itemName, level },
          1,
        );
        await tx
          .update(evaluationInvitations)
          .set({ usedAt: now })
          .where(eq(evaluationInvitations.id, a.invitation.id));
        if (a.tablet)
          await tx
            .update(evaluationTabletSessions)
            .set({ usedAt: now })
            .where(eq(evaluationTabletSessions.id, a.tablet.id));
        const rectificationId =
          isBad(level) && a.invitation.stage !== "follow_up"
            ? await openRectification(ctx, tx, c, id, now)
            : null;
        return {
          result: { id, level, rectificationId },
          data: {
            evaluationId: id,
            stage: a.invitation.stage,
            level,
            channel: a.channel,
            source: a.source,
            device: a.tablet?.deviceLabel ?? null,
            ...(rectificationId ? { rectificationId } : {}),
          },
        };
      },
    });
    return result;
  });
}
