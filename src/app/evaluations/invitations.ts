import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { evaluationInvitations } from "../../db/schema";
import { invitationClosesAt } from "../../domain/evaluations/evaluation";
import type { LoadedCase } from "../cases/caseRows";
import {
  applicantRecipientOf,
  type CaseNotification,
  caseNotificationData,
} from "../notifications/recipients";
import { settingsFor } from "./settings";
import { evaluationLinkPath, hashToken, newToken } from "./tokens";

export type InvitationStage = "acceptance" | "completion" | "follow_up";
export type InvitationRow = typeof evaluationInvitations.$inferSelect;

/**
 * Creates the invitation of a case at `stage` with a new single-use token (only its hash is kept) and
 * returns it with the token. Null when the case already has one at that stage (one per case and stage).
 */
export async function createInvitation(
  tx: Tx,
  caseId: string,
  stage: InvitationStage,
  now: Date,
  today: string,
): Promise<{ invitation: InvitationRow; token: string } | null> {
  const token = newToken("e");
  const [invitation] = await tx
    .insert(evaluationInvitations)
    .values({
      caseId,
      stage,
      tokenHash: hashToken(token),
      invitedOn: today,
      createdAt: now,
      closesAt: invitationClosesAt(now),
    })
    .onConflictDoNothing()
    .returning();
  return invitation ? { invitation, token } : null;
}

/** The message inviting the applicant, with the signed link (made absolute on the public URL when sent). */
export function invitationNotification(
  c: LoadedCase,
  account: { locale: string; email: string | null } | null,
  kind: "evaluation.invited" | "evaluation.reminder" | "evaluation.follow_up",
  token: string,
  closesOn: string,
): CaseNotification {
  return {
    kind,
    recipients: [applicantRecipientOf(c, account)],
    data: caseNotificationData(c, { link: evaluationLinkPath(token), deadline: closesOn }),
  };
}

/** Local date (Asia/Shanghai) of an instant, for messages. */
export const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Effect of completion (送达 / 制证送达) and, for the configured items, of acceptance: the case's
 * invitation to rate, and the message with its signed link. In the command's transaction.
 */
export async function inviteInEffect(
  // What the command's effects are given (EffectEnv), by shape: no import of the runner's types here.
  env: {
    tx: Tx;
    c: LoadedCase;
    now: Date;
    today: string;
    /** `inviteAtAcceptance`: what {@link settingsFor} says of the case's item, read with the command's rows. */
    rows: { applicant: { locale: string; email: string | null } | null; inviteAtAcceptance?: boolean };
  },
  stage: "acceptance" | "completion",
): Promise<CaseNotification[]> {
  if (stage === "acceptance") {
    const invite =
      env.rows.inviteAtAcceptance ??
      (await settingsFor(env.tx, env.c.orgPath)).acceptanceItemCodes.includes(env.c.itemCode);
    if (!invite) return [];
  }
  const made = await createInvitation(env.tx, env.c.id, stage, env.now, env.today);
  if (!made) return [];
  return [
    invitationNotification(
      env.c,
      env.rows.applicant,
      "evaluation.invited",
      made.token,
      shanghaiDate(made.invitation.closesAt),
    ),
  ];
}

/** The invitation of a case at a stage (null when none). */
export async function invitationOf(tx: Tx, caseId: string, stage: InvitationStage) {
  const [row] = await tx
    .select()
    .from(evaluationInvitations)
    .where(and(eq(evaluationInvitations.caseId, caseId), eq(evaluationInvitations.stage, stage)));
  return row ?? null;
}
