import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cases, dataAccessLog, dataConsents, organizations } from "../../db/schema";
import { maskSubjectCode } from "../../domain/rules/identifiers";
import type { TDataAccess } from "../../shared/api/exchange";
import { type Actor, hasRole, orgPathsWithRole } from "../actor";
import type { AppContext } from "../context";
import { authorize } from "../policies";

/** The organization the actor acts for (first staff membership), for the access log. */
export function actorOrgId(actor: Actor | null): string | null {
  return actor?.memberships.find((m) => m.orgId)?.orgId ?? null;
}

/** Appends one access to the log (个人信息保护法 Art. 13, 51: who, when, why, whose data). */
export async function logDataAccess(
  ex: Executor,
  e: {
    actor: Actor | null;
    at: Date;
    purpose: string;
    subjectUserId: string | null;
    subjectCode: string;
    datasetCode: string;
    caseId: string | null;
    connector: string;
    outcome: "ok" | "not_found" | "error";
  },
): Promise<void> {
  await ex.insert(dataAccessLog).values({
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.displayName ?? "系统",
    actorOrgId: actorOrgId(e.actor),
    at: e.at,
    purpose: e.purpose,
    subjectUserId: e.subjectUserId,
    subjectCode: e.subjectCode,
    datasetCode: e.datasetCode,
    caseId: e.caseId,
    connector: e.connector,
    outcome: e.outcome,
  });
}

/**
 * Records the applicant's consent to fetch a dataset for a case (once per case and scope): given
 * online by the applicant, or declared at the window and recorded by the clerk.
 */
export async function recordConsent(
  ex: Executor,
  c: { applicantId: string; caseId: string },
  scope: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  await ex
    .insert(dataConsents)
    .values({
      applicantId: c.applicantId,
      scope,
      caseId: c.caseId,
      method: actor.userId === c.applicantId ? "online" : "window",
      recordedBy: actor.userId,
      givenAt: at,
    })
    .onConflictDoNothing();
}

/** True when the applicant consented to `scope` (or to every dataset) for the case. */
export async function hasConsent(ex: Executor, caseId: string, scope: string): Promise<boolean> {
  const rows = await ex
    .select({ id: dataConsents.id })
    .from(dataConsents)
    .where(and(eq(dataConsents.caseId, caseId), inArray(dataConsents.scope, [scope, "*"])));
  return rows.length > 0;
}

/**
 * Who accessed whose data: the applicant reads every access to their own data; staff read the
 * accesses made by their organization (or on its cases); admins and supervisors read their tree;
 * a reviewer reads the accesses made by their department and those on the cases it reviews — not
 * every case of the bureau (ADR 0006). Subject codes of persons are masked except for the applicant
 * themself.
 */
export async function listDataAccessLog(
  ctx: AppContext,
  actor: Actor,
  q: { limit?: number } = {},
): Promise<TDataAccess[]> {
  const staffPaths = orgPathsWithRole(actor, "clerk", "approver", "supervisor", "partner", "admin", "helper");
  const reviewerPaths = orgPathsWithRole(actor, "reviewer");
  if (!hasRole(actor, "applicant") && staffPaths.length === 0 && reviewerPaths.length === 0)
    authorize(actor, "apply", "global", null);
  const actorOrg = sql`(select ${organizations.path} from ${organizations} where ${organizations.id} = ${dataAccessLog.actorOrgId})`;
  const caseOrg = sql`(select o.path from ${cases} c join ${organizations} o on o.id = c.org_id where c.id = ${dataAccessLog.caseId})`;
  const reviewedBy = (p: string) =>
    sql`exists (select 1 from review_tasks rt join ${organizations} ro on ro.id = rt.org_id where rt.case_id = ${dataAccessLog.caseId} and ro.path like ${`${p}%`})`;
  const scopes = [
    ...(hasRole(actor, "applicant") ? [sql`${dataAccessLog.subjectUserId} = ${actor.userId}`] : []),
    ...staffPaths.flatMap((p) => [
      sql`${actorOrg} like ${`${p}%`}`,
      sql`${caseOrg} like ${`${p}%`}`,
      sql`${p} like ${caseOrg} || '%'`,
    ]),
    ...reviewerPaths.flatMap((p) => [sql`${actorOrg} like ${`${p}%`}`, reviewedBy(p)]),
  ];
  const rows = await ctx.database.db
    .select({ l: dataAccessLog, caseNumber: cases.number })
    .from(dataAccessLog)
    .leftJoin(cases, eq(cases.id, dataAccessLog.caseId))
    .where(sql.join([sql`(`, sql.join(scopes, sql` or `), sql`)`]))
    .orderBy(desc(dataAccessLog.at))
    .limit(Math.min(q.limit ?? 200, 500));
  const orgIds = [...new Set(rows.map((r) => r.l.actorOrgId).filter((x): x is string => !!x))];
  const orgs = orgIds.length
    ? await ctx.database.db.select().from(organizations).where(inArray(organizations.id, orgIds))
    : [];
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map(({ l, caseNumber }) => ({
    id: l.id,
    at: l.at.toISOString(),
    actorName: l.actorName,
    actorOrgName: l.actorOrgId ? (orgName.get(l.actorOrgId) ?? null) : null,
    purpose: l.purpose,
    datasetCode: l.datasetCode,
    subjectCode: l.subjectUserId === actor.userId ? l.subjectCode : maskSubjectCode(l.subjectCode),
    caseId: l.caseId,
    caseNumber: caseNumber ?? null,
    connector: l.connector,
    outcome: l.outcome as TDataAccess["outcome"],
  }));
}
