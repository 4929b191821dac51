/**
 * What the supervisor's figures are counted from: one fact per case of the tree (dates, deadline,
 * visits, clock, who handled it where), the ratings, the alerts and the training attendance of a span
 * of months. Read-only; the counting is src/domain/supervision/figures.ts.
 */
import { and, eq, gte, inArray, isNotNull, like, ne, or, sql } from "drizzle-orm";
import {
  caseEvents,
  cases,
  evaluations,
  organizations,
  reviewTasks,
  roleMemberships,
  supervisionAlerts,
  trainingAttendance,
  trainingSessions,
  users,
} from "../../db/schema";
import { CLOCKED } from "../../domain/cases/caseStatus";
import { caseClock } from "../../domain/cases/clock";
import { forbidden, notFound } from "../../domain/errors";
import { isSatisfied, type Level } from "../../domain/evaluations/evaluation";
import {
  type AlertFact,
  type CaseFact,
  type ClockStateShown,
  type Handler,
  type RatingFact,
  visitsOf,
} from "../../domain/supervision/figures";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { toState } from "../cases/caseRows";
import type { AppContext } from "../context";
import { rootPath } from "../inquiries/policy";
import { type NoticeObligation, noticeObligations } from "../policyLibrary/changeNotices";

/** The office tree a supervisor oversees, and the office asked for (default the whole tree). */
export type FigureScope = {
  rootPath: string;
  root: { id: string; name: string };
  orgs: { id: string; name: string; path: string; kind: string; depth: number }[];
  /** The office chosen and every office under it. */
  chosen: { id: string; name: string; ids: Set<string> };
};

/** Local date (Asia/Shanghai, the demo's and the default zone) of an instant. */
export const localDateOf = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The actor's tree as a supervisor; 403 for anyone else, 404 for an office outside the tree. */
export async function figureScope(ctx: AppContext, actor: Actor, orgId?: string): Promise<FigureScope> {
  const m = actor.memberships.find((x) => x.role === "supervisor" && x.orgPath);
  if (actor.kind !== "staff" || !m?.orgPath) throw forbidden("viewSupervisionFigures");
  const root = rootPath(m.orgPath);
  const rows = await ctx.database.db
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      kind: organizations.kind,
    })
    .from(organizations)
    .where(like(organizations.path, `${root}%`))
    .orderBy(organizations.path);
  const orgs = rows.map((o) => ({ ...o, depth: o.path.split("/").filter(Boolean).length - 1 }));
  const top = orgs.find((o) => o.path === root);
  if (!top) throw forbidden("viewSupervisionFigures");
  const chosenOrg = orgId ? orgs.find((o) => o.id === orgId) : top;
  if (!chosenOrg) throw notFound({ "zh-CN": "机构", "en-US": "Organization" });
  return {
    rootPath: root,
    root: { id: top.id, name: top.name },
    orgs,
    chosen: {
      id: chosenOrg.id,
      name: chosenOrg.name,
      ids: new Set(orgs.filter((o) => o.path.startsWith(chosenOrg.path)).map((o) => o.id)),
    },
  };
}

/** Events whose actor handled the case (counts the case to that person and office). */
const HANDLER_EVENTS = [
  "case.accepted",
  "case.correction_requested",
  "case.refused",
  "case.referred",
  "case.decided",
  "case.issued",
  "case.completed",
];
const VISIT_EVENTS = ["case.submitted", "case.resubmitted", "material.deferred_delivered"];
const STAFF_ROLES = new Set(["clerk", "reviewer", "approver"]);

export type Facts = {
  cases: CaseFact[];
  ratings: RatingFact[];
  alerts: AlertFact[];
  /** Present attendances: who, and the session's date. */
  attendance: { userId: string; heldOn: string }[];
  /** Change notices owed: who, the month announced, the month acknowledged (null: not yet). */
  notices: NoticeObligation[];
  /** Staff of the tree who handle cases (clerk, reviewer, approver): their first such office. */
  staff: Map<string, { name: string; orgId: string }>;
  names: Map<string, string>;
};

/**
 * Gathers the facts of the tree from `fromMonth` on (cases accepted or completed since, open with a
 * clock, or rated or alerted since; ratings and alerts since; attendance since).
 */
export async function gatherFacts(ctx: AppContext, scope: FigureScope, fromMonth: string): Promise<Facts> {
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
      // Older cases rated or alerted in the span: listed when a supervisor drills into those figures.
      // The ratings and alerts of the tree only (their org_id, indexed with the month / instant): an
      // `exists` per case would be planned as a hash of every rating and alert of every tree
      // (docs/performance.md §3).
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
    .where(and(caseWhere, inArray(caseEvents.type, [...HANDLER_EVENTS, ...VISIT_EVENTS])));
  const taskRows = await db
    .select({
      id: reviewTasks.id,
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
    .select({
      userId: roleMemberships.userId,
      role: roleMemberships.role,
      orgId: roleMemberships.orgId,
      name: users.displayName,
    })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(inTree)
    .orderBy(organizations.path);
  const names = new Map(memberRows.map((m) => [m.userId, m.name]));
  const staff = new Map<string, { name: string; orgId: string }>();
  for (const m of memberRows)
    if (STAFF_ROLES.has(m.role) && m.orgId && !staff.has(m.userId))
      staff.set(m.userId, { name: m.name, orgId: m.orgId });
  const officeOf = (userId: string, role: string | null, fallback: string) =>
    memberRows.find((m) => m.userId === userId && m.role === role)?.orgId ??
    memberRows.find((m) => m.userId === userId)?.orgId ??
    fallback;

  const eventsBy = new Map<string, typeof eventRows>();
  for (const e of eventRows) eventsBy.set(e.caseId, [...(eventsBy.get(e.caseId) ?? []), e]);
  const tasksBy = new Map<string, typeof taskRows>();
  for (const t of taskRows) tasksBy.set(t.caseId, [...(tasksBy.get(t.caseId) ?? []), t]);

  const now = ctx.clock.now();
  const factsOut: CaseFact[] = [];
  for (const { c } of caseRows) {
    const events = eventsBy.get(c.id) ?? [];
    const handlers: Handler[] = [];
    const add = (userId: string, orgId: string) => {
      if (!handlers.some((h) => h.userId === userId && h.orgId === orgId)) handlers.push({ userId, orgId });
    };
    for (const e of events)
      if (HANDLER_EVENTS.includes(e.type) && e.actorId && STAFF_ROLES.has(e.actorRole ?? ""))
        add(e.actorId, officeOf(e.actorId, e.actorRole, c.orgId));
    for (const t of tasksBy.get(c.id) ?? []) {
      const who = t.completedBy ?? t.claimedBy;
      if (who) add(who, t.orgId);
    }
    let clockState: ClockStateShown | null = null;
    if (CLOCKED.includes(c.status)) {
      const cal = await calendarFor(ctx, c.orgId);
      const s = caseClock(cal, toState(c), localDates(cal, now).today).state;
      clockState = s === "normal" || s === "yellow" || s === "red" || s === "paused" ? s : null;
    }
    factsOut.push({
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

  const ratingRows = await db
    .select({ caseId: evaluations.caseId, month: evaluations.month, level: evaluations.level })
    .from(evaluations)
    .innerJoin(organizations, eq(organizations.id, evaluations.orgId))
    .where(and(inTree, gte(evaluations.month, fromMonth), ne(evaluations.appealStatus, "upheld")));
  const ratings = ratingRows.map((r) => ({
    caseId: r.caseId,
    month: r.month,
    satisfied: isSatisfied(r.level as Level),
  }));

  const alertRows = await db
    .select({
      id: supervisionAlerts.id,
      rule: supervisionAlerts.rule,
      caseId: supervisionAlerts.caseId,
      taskId: supervisionAlerts.taskId,
      orgId: supervisionAlerts.orgId,
      raisedAt: supervisionAlerts.raisedAt,
      resolvedAt: supervisionAlerts.resolvedAt,
    })
    .from(supervisionAlerts)
    .innerJoin(organizations, eq(organizations.id, supervisionAlerts.orgId))
    .where(
      and(
        inTree,
        or(
          gte(supervisionAlerts.raisedAt, startInstant),
          and(isNotNull(supervisionAlerts.resolvedAt), gte(supervisionAlerts.resolvedAt, startInstant)),
        ),
      ),
    );
  const taskIds = alertRows.flatMap((a) => (a.taskId ? [a.taskId] : []));
  const alertTasks = taskIds.length
    ? await db
        .select({
          id: reviewTasks.id,
          claimedBy: reviewTasks.claimedBy,
          completedBy: reviewTasks.completedBy,
        })
        .from(reviewTasks)
        .where(inArray(reviewTasks.id, [...new Set(taskIds)]))
    : [];
  const alerts: AlertFact[] = alertRows.map((a) => {
    const t = alertTasks.find((x) => x.id === a.taskId);
    return {
      id: a.id,
      rule: a.rule,
      caseId: a.caseId,
      taskHandlers: t ? [t.claimedBy, t.completedBy].filter((x): x is string => !!x) : [],
      orgId: a.orgId,
      raisedMonth: localDateOf(a.raisedAt).slice(0, 7),
      closedMonth: a.resolvedAt ? localDateOf(a.resolvedAt).slice(0, 7) : null,
    };
  });

  const attendance = await db
    .select({ userId: trainingAttendance.userId, heldOn: trainingSessions.heldOn })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(organizations, eq(organizations.id, trainingSessions.orgId))
    .where(and(inTree, eq(trainingAttendance.status, "present"), gte(trainingSessions.heldOn, start)));

  const notices = await noticeObligations(ctx);
  return { cases: factsOut, ratings, alerts, attendance, notices, staff, names };
}

/** The month of `now` in the organization's zone, and the month before. */
export function currentMonth(now: Date): string {
  return localDateOf(now).slice(0, 7);
}
