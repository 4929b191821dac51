import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cases, reviewTasks, staffAbsences, staffPosts, users } from "../../db/schema";
import { caseClock } from "../../domain/cases/clock";
import { maskPhone } from "../../domain/rules/identifiers";
import { absenceOn, postFor, routeWork, taskUrgency, type Urgency } from "../../domain/staff/routing";
import type { TListStaff } from "../../shared/api/requests/staff";
import type { THandoverTask, TStaffAbsence, TStaffPost, TStaffRoster } from "../../shared/api/staff";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { toState } from "../cases/caseRows";
import type { AppContext } from "../context";
import { managedOrgs, type Org, type Person, requireManager, staffOf } from "./scope";

type PostRow = typeof staffPosts.$inferSelect;
type AbsenceRow = typeof staffAbsences.$inferSelect;

/** Today's local date for the actor's organization (the calendar's time zone and day). */
export async function todayFor(ctx: AppContext, actor: Actor): Promise<string> {
  const cal = await calendarFor(ctx, actor.memberships[0]?.orgId ?? null);
  return localDates(cal, ctx.clock.now()).today;
}

/** Absences not ended that cover today or later days, of the given people. */
export async function currentAbsences(ex: Executor, userIds: string[], today: string): Promise<AbsenceRow[]> {
  if (!userIds.length) return [];
  return ex
    .select()
    .from(staffAbsences)
    .where(
      and(
        inArray(staffAbsences.userId, userIds),
        gte(staffAbsences.toDate, today),
        isNull(staffAbsences.endedAt),
      ),
    )
    .orderBy(staffAbsences.fromDate);
}

export function presentAbsence(a: AbsenceRow, names: Map<string, string>): TStaffAbsence {
  return {
    id: a.id,
    version: a.version,
    userId: a.userId,
    fromDate: a.fromDate,
    toDate: a.toDate,
    reason: a.reason,
    note: a.note,
    recordedBy: { id: a.recordedBy, displayName: names.get(a.recordedBy) ?? "" },
    recordedAt: a.recordedAt.toISOString(),
    endedAt: a.endedAt?.toISOString() ?? null,
  };
}

const ref = (id: string | null, names: Map<string, string>) =>
  id ? { id, displayName: names.get(id) ?? "" } : null;

export function presentPost(
  p: PostRow,
  org: Org,
  absences: AbsenceRow[],
  today: string,
  names: Map<string, string>,
): TStaffPost {
  const r = routeWork(p, absences, today);
  return {
    id: p.id,
    version: p.version,
    org: { id: org.id, name: org.name, kind: org.kind },
    name: p.name,
    duty: p.duty,
    stepCode: p.stepCode,
    holder: ref(p.holderId, names),
    backup: ref(p.backupId, names),
    holderAbsent: !!p.holderId && !!absenceOn(absences, p.holderId, today),
    current: ref(r.assigneeId, names),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Display names of users (the people a roster or a post names). */
export async function userNames(ex: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Cases whose review tasks are still work (the clock running or paused). */
const WORKING_CASES = ["accepted", "in_review", "suspended"] as const;

export type OpenTask = {
  id: string;
  version: number;
  orgId: string;
  stepCode: string;
  stepName: string;
  status: string;
  dueOn: string | null;
  /** Whose work it is: the claimant, else the assignee. */
  ownerId: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  urgency: Urgency;
};

/**
 * The open review tasks (open, claimed, returned) of running cases owned by the given people — claimed
 * by them, or assigned to them and not claimed by anyone — with their urgency on today's clock.
 */
export async function openTasksOf(ctx: AppContext, ex: Executor, userIds: string[]): Promise<OpenTask[]> {
  if (!userIds.length) return [];
  const rows = await ex
    .select({ t: reviewTasks, c: cases })
    .from(reviewTasks)
    .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
    .where(
      and(
        inArray(reviewTasks.status, ["open", "claimed", "returned"]),
        inArray(cases.status, [...WORKING_CASES]),
        or(
          inArray(reviewTasks.claimedBy, userIds),
          and(isNull(reviewTasks.claimedBy), inArray(reviewTasks.assigneeId, userIds)),
        ),
      ),
    )
    .orderBy(reviewTasks.dueOn);
  const out: OpenTask[] = [];
  const now = ctx.clock.now();
  for (const { t, c } of rows) {
    const cal = await calendarFor(ctx, c.orgId, ex);
    const today = localDates(cal, now).today;
    const clock = caseClock(cal, toState(c), today);
    const toDue = t.dueOn === null ? null : t.dueOn < today ? -1 : cal.workingDaysBetween(today, t.dueOn);
    out.push({
      id: t.id,
      version: t.version,
      orgId: t.orgId,
      stepCode: t.stepCode,
      stepName: t.stepName,
      status: t.status,
      dueOn: t.dueOn,
      ownerId: (t.claimedBy ?? t.assigneeId) as string,
      caseId: c.id,
      caseNumber: c.number,
      itemName: c.itemName,
      urgency:
        clock.state === "paused"
          ? "normal"
          : taskUrgency({ caseClock: clock.state, workingDaysToDue: toDue }),
    });
  }
  return out;
}

/**
 * The open tasks of holders absent today, each with its post's backup (when present) to hand it to:
 * the handover list (交接清单). Only tasks the post covers (its organization, its step).
 */
export function handoverList(
  posts: PostRow[],
  absences: AbsenceRow[],
  tasks: OpenTask[],
  today: string,
  names: Map<string, string>,
): THandoverTask[] {
  const out: THandoverTask[] = [];
  for (const t of tasks) {
    const post = postFor(posts, { orgId: t.orgId, duty: "review", stepCode: t.stepCode });
    if (!post?.holderId || post.holderId !== t.ownerId || !absenceOn(absences, post.holderId, today))
      continue;
    const backup =
      post.backupId && post.backupId !== post.holderId && !absenceOn(absences, post.backupId, today)
        ? post.backupId
        : null;
    out.push({
      taskId: t.id,
      version: t.version,
      caseId: t.caseId,
      caseNumber: t.caseNumber,
      itemName: t.itemName,
      stepName: t.stepName,
      status: t.status,
      dueOn: t.dueOn,
      urgency: t.urgency,
      holder: { id: post.holderId, displayName: names.get(post.holderId) ?? "" },
      backup: ref(backup, names),
    });
  }
  return out;
}

/**
 * The roster (listStaff): each window and section the actor manages, with its posts (A/B, who gets new
 * work today), its people (masked phone, today's absence and later ones, workload: open, yellow, red)
 * and the handover list of absent holders. Supervisors and admins of the bureau; others 403.
 */
export async function listStaff(ctx: AppContext, actor: Actor, q: TListStaff): Promise<TStaffRoster> {
  const roots = requireManager(actor, "read the staff roster");
  const db = ctx.database.db;
  const today = await todayFor(ctx, actor);
  const orgs = (await managedOrgs(db, roots)).filter((o) => !q.orgId || o.id === q.orgId);
  const orgIds = orgs.map((o) => o.id);
  const people = await staffOf(db, orgIds);
  const posts = orgIds.length
    ? await db
        .select()
        .from(staffPosts)
        .where(inArray(staffPosts.orgId, orgIds))
        .orderBy(staffPosts.createdAt)
    : [];
  const ids = [
    ...new Set([...people.map((p) => p.id), ...posts.flatMap((p) => [p.holderId, p.backupId])]),
  ].filter((x): x is string => !!x);
  const absences = await currentAbsences(db, ids, today);
  const tasks = await openTasksOf(ctx, db, ids);
  const names = await userNames(db, [...ids, ...absences.map((a) => a.recordedBy)]);
  const member = (p: Person) => {
    const mine = tasks.filter((t) => t.ownerId === p.id);
    const now = absenceOn(absences, p.id, today);
    return {
      id: p.id,
      displayName: p.displayName,
      roles: p.roles,
      phone: p.phone ? maskPhone(p.phone) : null,
      absence: now ? presentAbsence(now, names) : null,
      upcoming: absences
        .filter((a) => a.userId === p.id && a.fromDate > today)
        .map((a) => presentAbsence(a, names)),
      workload: {
        open: mine.length,
        dueSoon: mine.filter((t) => t.urgency === "yellow").length,
        overdue: mine.filter((t) => t.urgency === "red").length,
      },
    };
  };
  return {
    today,
    orgs: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      posts: posts.filter((p) => p.orgId === o.id).map((p) => presentPost(p, o, absences, today, names)),
      people: people.filter((p) => p.orgIds.includes(o.id)).map(member),
    })),
    handover: handoverList(posts, absences, tasks, today, names),
    abilities: { setAbsence: true, updatePost: true, handOver: true },
  };
}

/** The posts of the windows and sections the actor manages (listPosts), with who gets new work today. */
export async function listPosts(ctx: AppContext, actor: Actor): Promise<{ items: TStaffPost[] }> {
  const roots = requireManager(actor, "read the posts");
  const db = ctx.database.db;
  const today = await todayFor(ctx, actor);
  const orgs = await managedOrgs(db, roots);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const posts = orgs.length
    ? await db
        .select()
        .from(staffPosts)
        .where(
          inArray(
            staffPosts.orgId,
            orgs.map((o) => o.id),
          ),
        )
        .orderBy(staffPosts.createdAt)
    : [];
  const people = posts.flatMap((p) => [p.holderId, p.backupId]).filter((x): x is string => !!x);
  const absences = await currentAbsences(db, people, today);
  const names = await userNames(db, people);
  const items = posts
    .map((p) => ({ p, org: byId.get(p.orgId) as Org }))
    .sort((a, b) => a.org.path.localeCompare(b.org.path))
    .map(({ p, org }) => presentPost(p, org, absences, today, names));
  return { items };
}
