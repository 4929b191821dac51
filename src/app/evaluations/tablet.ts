import { and, eq } from "drizzle-orm";
import { evaluationInvitations, evaluationTabletSessions } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import { invitationState } from "../../domain/evaluations/evaluation";
import type { TEvaluationTablet } from "../../shared/api/evaluations";
import type { TOpenEvaluationTablet } from "../../shared/api/requests/evaluations";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { absoluteLink } from "../notifications/templates";
import { hashToken, newToken, tabletPath } from "./tokens";

/** Minutes a tablet session stays open for the applicant at the window. */
export const TABLET_MINUTES = 30;

/**
 * The window opens a tablet (评价器) for the applicant in front of it (openEvaluationTablet): a
 * one-time token shown as the tablet page's URL, locked to the rating form of the case's open
 * invitation and to the named device. The clerk cannot rate through it: the page takes the applicant's
 * input and the API refuses every staff session.
 */
export async function openEvaluationTablet(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: TOpenEvaluationTablet,
): Promise<TEvaluationTablet> {
  const now = ctx.clock.now();
  const token = newToken("t");
  const expiresAt = new Date(now.getTime() + TABLET_MINUTES * 60_000);
  await ctx.database.db.transaction(async (tx) => {
    await changeCase(tx, actor, caseId, {
      change: "openEvaluationTablet",
      now,
      apply: async (c) => {
        const invs = await tx
          .select()
          .from(evaluationInvitations)
          .where(
            and(
              eq(evaluationInvitations.caseId, c.id),
              input.stage ? eq(evaluationInvitations.stage, input.stage) : undefined,
            ),
          );
        const order = ["completion", "acceptance", "follow_up"];
        const open = invs
          .filter((i) => invitationState(i, now) === "open")
          .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))[0];
        if (!open)
          throw new YizhanError("no_open_invitation", 409, {
            "zh-CN": "该办件当前没有待评价的邀请（未办结、已评价或已过 30 日）",
            "en-US":
              "The case has no open invitation to rate (not completed, already rated, or past 30 days)",
          });
        const [s] = await tx
          .insert(evaluationTabletSessions)
          .values({
            invitationId: open.id,
            tokenHash: hashToken(token),
            deviceLabel: input.deviceLabel,
            openedBy: actor.userId,
            openedAt: now,
            expiresAt,
          })
          .returning({ id: evaluationTabletSessions.id });
        return {
          result: null,
          data: {
            tabletSessionId: s.id,
            invitationId: open.id,
            stage: open.stage,
            device: input.deviceLabel,
          },
        };
      },
    });
  });
  const path = tabletPath(token);
  return {
    token,
    path,
    url: absoluteLink(path, ctx.config.publicUrl),
    deviceLabel: input.deviceLabel,
    expiresAt: expiresAt.toISOString(),
  };
}
