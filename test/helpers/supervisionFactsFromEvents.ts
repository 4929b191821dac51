/**
 * The supervisor's case facts computed the way they were before case_facts (ADR 0017e): from every
 * case's row, its handling and visit events and its review tasks. Kept here so tests can check that the
 * fact rows the case runner keeps give the same facts (test/integration/caseFacts.test.ts).
 */
import { and, eq, gte, inArray, like, or, sql } from "drizzle-orm";
import type { AppContext } from "../../src/app/context";
import { clockShown } from "../../src/app/supervision/caseFacts";
import { type FigureScope, localDateOf } from "../../src/app/supervision/facts";
import {
  caseEvents,
  cases,
  evaluations,
  organizations,
  reviewTasks,
  roleMemberships,
  supervisionAlerts,
} from "../../src/db/schema";
import { CLOCKED } from "../../src/domain/cases/caseStatus";
import {
  type CaseFact,
  HANDLING_EVENTS,
  HANDLING_ROLES,
  type Handler,
  VISIT_EVENTS,
  visitsOf,
} from "../../src/domain/supervision/figures";

/** Facts in an order two computations can be compared in: by case, each case's handlers by person and office. */
export function comparableFacts(xs: CaseFact[]): CaseFact[] {
  return [...xs]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => ({
      ...f,
      handlers: [...f.handlers].sort((a, b) =>
        `${a.userId}${a.orgId}`.localeCompare(`${b.userId}${b.orgId}`),
      ),
    }));
}

/** The case facts of the tree from `fromMonth` on, from events and review tasks (the old way). */
export async function caseFactsFromEvents(
  ctx: AppContext,
  scope: FigureScope,
  fromMonth: string,
): Promise<CaseFact[]> {
  const db = ctx.database.db;
  const start = `${fromMonth}-01`;
  const startInstant = new Date(`${start}T00:00:00+08:00`);
  const inTree = like(organizations.path, `${scope.rootPath}%`);
  const caseWhere = and(
    inTree,
    or(
      gte(cases.acceptedOn, start),
      gte(cases.completedAt, startInstant),
      inArray(cases.status, [...CLOCKED]),
      sql`${cases.id} in (select e.case_id from ${evaluations} e join ${organizations} eo on eo.id = e.org_id
        where eo.path like ${`${scope.rootPath}%`} and e.month >= ${fromMonth})`,
      sql`${cases.id} in (select a.case_id from ${supervisionAlerts} a join ${organizations} ao on ao.id = a.org_id
        where ao.path like ${`${scope.rootPath}%`} and a.raised_at >= ${startInstant.toISOString()}::timestamptz
        and a.case_id is not null)`,
    ),
  );
  const caseRows = await db
    .select({ c: cases })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .where(caseWhere);
  const eventRows = await db
    .select({
      caseId: caseEvents.caseId,
      type: caseEvents.type,
      actorId: caseEvents.actorId,
      actorRole: caseEvents.actorRole,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .where(and(caseWhere, inArray(caseEvents.type, [...HANDLING_EVENTS, ...VISIT_EVENTS])));
  const taskRows = await db
    .select({
      caseId: reviewTasks.caseId,
      orgId: reviewTasks.orgId,
      claimedBy: reviewTasks.claimedBy,
      completedBy: reviewTasks.completedBy,
    })
    .from(reviewTasks)
    .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .where(caseWhere);
  const memberRows = await db
    .select({ userId: roleMemberships.userId, role: roleMemberships.role, orgId: roleMemberships.orgId })
    .from(roleMemberships)
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(inTree)
    .orderBy(organizations.path);
  const officeOf = (userId: string, role: string | null, fallback: string) =>
    memberRows.find((m) => m.userId === userId && m.role === role)?.orgId ??
    memberRows.find((m) => m.userId === userId)?.orgId ??
    fallback;
  const now = ctx.clock.now();
  const out: CaseFact[] = [];
  for (const { c } of caseRows) {
    const events = eventRows.filter((e) => e.caseId === c.id);
    const handlers: Handler[] = [];
    const add = (userId: string, orgId: string) => {
      if (!handlers.some((h) => h.userId === userId && h.orgId === orgId)) handlers.push({ userId, orgId });
    };
    for (const e of events)
      if (HANDLING_EVENTS.has(e.type) && e.actorId && HANDLING_ROLES.has(e.actorRole ?? ""))
        add(e.actorId, officeOf(e.actorId, e.actorRole, c.orgId));
    for (const t of taskRows.filter((x) => x.caseId === c.id)) {
      const who = t.completedBy ?? t.claimedBy;
      if (who) add(who, t.orgId);
    }
    const clockState = CLOCKED.includes(c.status) ? await clockShown(ctx, c, now) : null;
    out.push({
      id: c.id,
      number: c.number,
      itemName: c.itemName,
      status: c.status,
      acceptedOn: c.acceptedOn,
      completedOn: c.status === "completed" && c.completedAt ? localDateOf(c.completedAt) : null,
      deadline: c.deadline,
      finishedOnSpot: c.finishedOnSpot,
      visits: visitsOf(events),
      clockState,
      handlers,
    });
  }
  return out;
}
