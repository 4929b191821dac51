import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { evaluationInvitations, evaluationTabletSessions } from "../../db/schema";
import type { Actor } from "../actor";
import { invitationNotFound } from "./errors";
import { hashToken, tokenKind } from "./tokens";

/** How a rating form was reached: the applicant's session, the signed link, or a window tablet. */
export type InvitationAccess = {
  invitation: typeof evaluationInvitations.$inferSelect;
  source: "portal" | "link" | "tablet";
  channel: "online" | "window";
  tablet: typeof evaluationTabletSessions.$inferSelect | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves `ref` of the rating form: an invitation id (the applicant's own session), a signed-link
 * token (`e_…`) or a tablet token (`t_…`). 404 for anything unknown (a replaced link included) and for
 * an invitation id of another person's case. `lock` locks the invitation (and the tablet session).
 */
export async function resolveInvitation(
  ex: Executor,
  actor: Actor | null,
  ref: string,
  lock = false,
): Promise<InvitationAccess & { applicantId: string }> {
  const kind = tokenKind(ref);
  const withCase = sql<string>`(select applicant_id from cases where id = ${evaluationInvitations.caseId})`;
  if (kind === "t") {
    const q = ex
      .select({ t: evaluationTabletSessions, i: evaluationInvitations, applicantId: withCase })
      .from(evaluationTabletSessions)
      .innerJoin(evaluationInvitations, eq(evaluationInvitations.id, evaluationTabletSessions.invitationId))
      .where(eq(evaluationTabletSessions.tokenHash, hashToken(ref)));
    const [row] = lock ? await q.for("update") : await q;
    if (!row) throw invitationNotFound();
    return {
      invitation: row.i,
      tablet: row.t,
      source: "tablet",
      channel: "window",
      applicantId: row.applicantId,
    };
  }
  const where =
    kind === "e"
      ? eq(evaluationInvitations.tokenHash, hashToken(ref))
      : UUID.test(ref)
        ? eq(evaluationInvitations.id, ref)
        : null;
  if (!where) throw invitationNotFound();
  const q = ex
    .select({ i: evaluationInvitations, applicantId: withCase })
    .from(evaluationInvitations)
    .where(where);
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw invitationNotFound();
  // By id: only the applicant's own session reaches it (anyone else learns nothing).
  if (kind !== "e" && actor?.userId !== row.applicantId) throw invitationNotFound();
  return {
    invitation: row.i,
    tablet: null,
    source: kind === "e" ? "link" : "portal",
    channel: "online",
    applicantId: row.applicantId,
  };
}
