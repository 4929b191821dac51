/**
 * A person's policy study (issue 17, point 4): the documents they marked read and the change notices
 * they acknowledged or still owe — shown in their training record beside the study sessions.
 */
import { desc, eq } from "drizzle-orm";
import {
  policyChangeAcknowledgements,
  policyChangeNotices,
  policyDocuments,
  policyReadings,
} from "../../db/schema";
import { forbidden, notFound } from "../../domain/errors";
import type { TPolicyStudy } from "../../shared/api/policyLibrary";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { orgMap, staffMembers } from "../training/sessions";
import { noticeRoster } from "./changeNotices";
import { supervisesBureau } from "./policy";

/** The person's readings and acknowledgements: their own, or of staff the caller supervises (403). */
export async function getPolicyStudy(ctx: AppContext, actor: Actor, userId: string): Promise<TPolicyStudy> {
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const staff = await staffMembers(db, orgs);
  const person = staff.find((p) => p.id === userId);
  if (!person || actor.kind !== "staff") throw notFound({ "zh-CN": "工作人员", "en-US": "Staff member" });
  if (actor.userId !== userId && !person.orgs.some((o) => supervisesBureau(actor, o.path)))
    throw forbidden("read another person's policy study");
  const [readings, notices, acks] = await Promise.all([
    db
      .select({
        policyId: policyReadings.policyId,
        title: policyDocuments.title,
        docNumber: policyDocuments.docNumber,
        readAt: policyReadings.readAt,
      })
      .from(policyReadings)
      .innerJoin(policyDocuments, eq(policyDocuments.id, policyReadings.policyId))
      .where(eq(policyReadings.userId, userId))
      .orderBy(desc(policyReadings.readAt)),
    db.select().from(policyChangeNotices).orderBy(desc(policyChangeNotices.createdAt)),
    db.select().from(policyChangeAcknowledgements).where(eq(policyChangeAcknowledgements.userId, userId)),
  ]);
  const ackAt = new Map(acks.map((a) => [a.noticeId, a.acknowledgedAt.toISOString()]));
  const mine = notices.filter(
    (n) => ackAt.has(n.id) || noticeRoster(n.sectionIds, orgs, [person]).length > 0,
  );
  return {
    user: { id: person.id, displayName: person.displayName },
    readings: readings.map((r) => ({ ...r, readAt: r.readAt.toISOString() })),
    notices: mine.map((n) => ({
      id: n.id,
      title: n.title,
      effectiveOn: n.effectiveOn,
      acknowledgedAt: ackAt.get(n.id) ?? null,
    })),
    totals: {
      read: readings.length,
      acknowledged: mine.filter((n) => ackAt.has(n.id)).length,
      pending: mine.filter((n) => !ackAt.has(n.id)).length,
    },
  };
}
