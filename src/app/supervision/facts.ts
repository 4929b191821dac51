/**
 * What the supervisor's figures are counted from: one fact per case of the tree (dates, deadline,
 * visits, clock, who handled it where), the ratings, the alerts and the training attendance of a span
 * of months. Read-only; the counting is src/domain/supervision/figures.ts.
 */
import { and, eq, gte, inArray, isNotNull, like, or } from "drizzle-orm";
import {
  evaluations,
  organizations,
  reviewTasks,
  roleMemberships,
  supervisionAlerts,
  trainingAttendance,
  trainingSessions,
  users,
} from "../../db/schema";
import { forbidden, notFound } from "../../domain/errors";
import { isSatisfied, type Level } from "../../domain/evaluations/evaluation";
import {
  type AlertFact,
  type CaseFact,
  HANDLING_ROLES,
  type RatingFact,
} from "../../domain/supervision/figures";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { rootPath } from "../inquiries/policy";
import { type NoticeObligation, noticeObligations } from "../policyLibrary/changeNotices";
import { caseFactsOf, localDateOf } from "./caseFacts";

/** The office tree a supervisor oversees, and the office asked for (default the whole tree). */
export type FigureScope = {
  rootPath: string;
  root: { id: string; name: string };
  orgs: { id: string; name: string; path: string; kind: string; depth: number }[];
  /** The office chosen and every office under it. */
  chosen: { id: string; name: string; ids: Set<string> };
};

export { localDateOf };

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

/** The role memberships of the tree with the member's name, offices in tree order. */
export function treeMembers(ctx: AppContext, scope: FigureScope) {
  return ctx.database.db
    .select({
      userId: roleMemberships.userId,
      role: roleMemberships.role,
      orgId: roleMemberships.orgId,
      name: users.displayName,
    })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(like(organizations.path, `${scope.rootPath}%`))
    .orderBy(organizations.path);
}

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
 * clock, or rated or alerted since; ratings and alerts since; attendance since). The cases come from
 * their fact rows (case_facts); `numbers` adds each case's number (for the drill-down's list).
 */
export async function gatherFacts(
  ctx: AppContext,
  scope: FigureScope,
  fromMonth: string,
  opts: { numbers?: boolean } = {},
): Promise<Facts> {
  const db = ctx.database.db;
  const start = `${fromMonth}-01`;
  const startInstant = new Date(`${start}T00:00:00+08:00`);
  const inTree = like(organizations.path, `${scope.rootPath}%`);
  const memberRows = await treeMembers(ctx, scope);
  const names = new Map(memberRows.map((m) => [m.userId, m.name]));
  const staff = new Map<string, { name: string; orgId: string }>();
  for (const m of memberRows)
    if (HANDLING_ROLES.has(m.role) && m.orgId && !staff.has(m.userId))
      staff.set(m.userId, { name: m.name, orgId: m.orgId });
  const treeIds = scope.orgs.map((o) => o.id);
  const ratingRows = await db
    .select({
      caseId: evaluations.caseId,
      month: evaluations.month,
      level: evaluations.level,
      appealStatus: evaluations.appealStatus,
    })
    .from(evaluations)
    .where(and(inArray(evaluations.orgId, treeIds), gte(evaluations.month, fromMonth)));
  // A rating whose appeal was upheld does not count (its case is still listed).
  const ratings = ratingRows
    .filter((r) => r.appealStatus !== "upheld")
    .map((r) => ({ caseId: r.caseId, month: r.month, satisfied: isSatisfied(r.level as Level) }));

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
    .where(
      and(
        inArray(supervisionAlerts.orgId, treeIds),
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
  const taskById = new Map(alertTasks.map((t) => [t.id, t]));
  const alerts: AlertFact[] = alertRows.map((a) => {
    const t = a.taskId ? taskById.get(a.taskId) : undefined;
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

  // Older cases rated or alerted in the span come with the span's cases (drill-downs list them).
  const alsoIds = [
    ...ratingRows.map((r) => r.caseId),
    ...alertRows.flatMap((a) => (a.caseId && a.raisedAt >= startInstant ? [a.caseId] : [])),
  ];
  const factsOut = await caseFactsOf(ctx, scope, fromMonth, memberRows, { ...opts, alsoIds });

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
