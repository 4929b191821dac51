import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { queryRows, type Tx } from "../../../db/client";
import { caseEvents, cases, organizations, reviewComments, reviewTasks, users } from "../../../db/schema";
import type { ReviewTaskStatus } from "../../../domain/cases/reviewPlan";
import { notFound, versionConflict, YizhanError } from "../../../domain/errors";
import type {
  REVIEW_VIEWS,
  ZCompleteReviewTask,
  ZListReviewTasksQuery,
  ZReviewTaskFilters,
} from "../../../shared/api/requests/review";
import type { TReviewComment, TReviewInboxItem, TReviewTask } from "../../../shared/api/review";
import { type Actor, hasRole } from "../../actor";
import type { AppContext } from "../../context";
import { abilities, authorize } from "../../policies";
import { presentReviewComment } from "../../presenters/records";
import { casePolicyRecord, loadCase } from "../caseRows";
import { changeCase, runCaseCommand, type ViewOption } from "../commands/runner";
import { caseTextMatch } from "../read/caseSearch";

export type TListReviewTasks = z.infer<typeof ZListReviewTasksQuery>;
export type TReviewTaskFilters = z.infer<typeof ZReviewTaskFilters>;

const TASK = { "zh-CN": "审查任务", "en-US": "Review task" };

/** A review task row as it leaves the server (every column; instants as ISO strings). */
export function presentReviewTask(t: typeof reviewTasks.$inferSelect): TReviewTask {
  return {
    id: t.id,
    caseId: t.caseId,
    stepCode: t.stepCode,
    stepName: t.stepName,
    orgId: t.orgId,
    lead: t.lead,
    mode: t.mode,
    after: t.after,
    limitDays: t.limitDays,
    status: t.status,
    openedOn: t.openedOn,
    dueOn: t.dueOn,
    claimedBy: t.claimedBy,
    claimedAt: t.claimedAt?.toISOString() ?? null,
    opinion: t.opinion,
    completedBy: t.completedBy,
    completedAt: t.completedAt?.toISOString() ?? null,
    returns: t.returns,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function loadTask(ctx: AppContext, taskId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound(TASK);
  const [row] = await ctx.database.db
    .select({ t: reviewTasks, orgPath: organizations.path, orgName: organizations.name })
    .from(reviewTasks)
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .where(eq(reviewTasks.id, taskId));
  if (!row) throw notFound(TASK);
  return { ...row.t, orgPath: row.orgPath, orgName: row.orgName };
}

const taskRecord = (t: { orgPath: string; status: string; claimedBy: string | null }) => ({
  orgPath: t.orgPath,
  status: t.status,
  claimedBy: t.claimedBy,
});

const assignee = alias(users, "assignee");

const TODO: ReviewTaskStatus[] = ["open", "claimed", "returned"];

/** The caller's acts on a task (review.recommended / review.sent_back events naming it). */
const myActs = (actor: Actor) =>
  sql`select e.type, e.at from ${caseEvents} e where e.case_id = ${reviewTasks.caseId} and e.actor_id = ${actor.userId}
    and e.type in ('review.recommended', 'review.sent_back') and e.data->>'taskId' = ${reviewTasks.id}::text`;

/** The review tasks the caller's review roles reach: null when the caller has none. */
function inboxScope(actor: Actor): SQL | null {
  const paths = actor.memberships
    .filter((m) => (m.role === "reviewer" || m.role === "approver") && m.orgPath)
    .map((m) => m.orgPath as string);
  if (paths.length === 0) {
    if (!hasRole(actor, "reviewer", "approver")) authorize(actor, "reviewInbox", "global", null);
    return null;
  }
  return sql`(${sql.join(
    paths.map((p) => sql`${organizations.path} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The conditions of the inbox's filters (search, item, dates); the view's own condition is apart. */
function taskFilters(f: TReviewTaskFilters): SQL[] {
  const where: SQL[] = [];
  if (f.q?.trim()) where.push(caseTextMatch(f.q));
  if (f.itemCode) where.push(eq(cases.itemCode, f.itemCode));
  if (f.from) where.push(sql`${reviewTasks.openedOn} >= ${f.from}::date`);
  if (f.to) where.push(sql`${reviewTasks.openedOn} <= ${f.to}::date`);
  return where;
}

function viewCondition(actor: Actor, view: (typeof REVIEW_VIEWS)[number], status: string[]): SQL {
  // 已办: from the caller's acts (case_events_actor_acts_idx), not an `exists` per task of the section.
  if (view === "done")
    return sql`${reviewTasks.id} in (select (e.data->>'taskId')::uuid from ${caseEvents} e
      where e.actor_id = ${actor.userId} and e.type in ('review.recommended', 'review.sent_back'))`;
  // 待办 by default; an explicit `status` lists those tasks instead (approved, cancelled …).
  const statuses = status.length ? status : TODO;
  return inArray(reviewTasks.status, statuses as ReviewTaskStatus[]);
}

/**
 * The reviewer's inbox: 待办 — open, claimed and returned tasks of the actor's departments, most
 * urgent first (due date, then case deadline); 已办 — the tasks the caller approved or returned, the
 * latest act first. Approvers see every task of their organization tree. Paged, with the total.
 */
export async function listReviewTasks(
  ctx: AppContext,
  actor: Actor,
  f: TListReviewTasks,
): Promise<{ items: TReviewInboxItem[]; total: number }> {
  const scope = inboxScope(actor);
  if (!scope) return { items: [], total: 0 };
  const cond = and(
    scope,
    viewCondition(actor, f.view, f.status?.split(",").filter(Boolean) ?? []),
    ...taskFilters(f),
  );
  const lastAct = sql<Date | null>`(select max(a.at) from (${myActs(actor)}) a)`;
  const lastType = sql<string | null>`(select a.type from (${myActs(actor)}) a order by a.at desc limit 1)`;
  const order =
    f.view === "done"
      ? [sql`${lastAct} desc`, desc(reviewTasks.id)]
      : [
          // AB岗: the tasks routed to the caller first (分配给我, docs/staff.md), then the most urgent.
          sql`(${reviewTasks.assigneeId} = ${actor.userId} and coalesce(${reviewTasks.claimedBy} = ${actor.userId}, true)) desc nulls last`,
          asc(reviewTasks.dueOn),
          asc(cases.deadline),
          asc(reviewTasks.id),
        ];
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db
      .select({
        t: reviewTasks,
        orgPath: organizations.path,
        orgName: organizations.name,
        c: cases,
        lastAct,
        lastType,
        assigneeName: assignee.displayName,
      })
      .from(reviewTasks)
      .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
      .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
      .leftJoin(assignee, eq(assignee.id, reviewTasks.assigneeId))
      .where(cond)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    ctx.database.db
      .select({ total: sql<number>`count(*)::int` })
      .from(reviewTasks)
      .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
      .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
      .where(cond),
  ]);
  const items = rows.map((r) => ({
    ...presentReviewTask(r.t),
    orgName: r.orgName,
    assigneeId: r.t.assigneeId,
    assigneeName: r.assigneeName,
    case: {
      id: r.c.id,
      number: r.c.number,
      itemName: r.c.itemName,
      title: r.c.title,
      status: r.c.status,
      deadline: r.c.deadline,
      applicantName: r.c.applicant.name,
      version: r.c.version,
    },
    abilities: abilities(
      actor,
      "reviewTask",
      taskRecord({ orgPath: r.orgPath, status: r.t.status, claimedBy: r.t.claimedBy }),
    ),
    myAct:
      r.lastAct && r.lastType
        ? {
            outcome: r.lastType === "review.recommended" ? ("approve" as const) : ("return" as const),
            at: new Date(r.lastAct).toISOString(),
          }
        : null,
  }));
  return { items, total };
}

/**
 * The numbers on the inbox's tabs under the same filters, in one statement: each tab its own
 * `count(*)`, so 待办 reads the section's open tasks (review_tasks_org_status_idx) and 已办 the caller's
 * acts, never every task of the section (docs/performance.md §3 lesson 5).
 */
export async function countReviewTasks(
  ctx: AppContext,
  actor: Actor,
  f: TReviewTaskFilters,
): Promise<{ todo: number; done: number }> {
  const scope = inboxScope(actor);
  if (!scope) return { todo: 0, done: 0 };
  const status = f.status?.split(",").filter(Boolean) ?? [];
  // Every task has its case (not null, foreign key): the case is joined only when a filter reads it.
  const withCase =
    f.q?.trim() || f.itemCode ? sql`inner join ${cases} on ${cases.id} = ${reviewTasks.caseId}` : sql``;
  const count = (view: (typeof REVIEW_VIEWS)[number]) =>
    sql`(select count(*)::int from ${reviewTasks}
      inner join ${organizations} on ${organizations.id} = ${reviewTasks.orgId} ${withCase}
      where ${and(scope, viewCondition(actor, view, status), ...taskFilters(f))})`;
  const [row] = await queryRows<{ todo: number; done: number }>(
    ctx.database.db,
    sql`select ${count("todo")} as todo, ${count("done")} as done`,
  );
  return row;
}

type LoadedTask = Awaited<ReturnType<typeof loadTask>>;

/** Claims the task in the caller's transaction (a same-state change of its case: `review.claimed`). */
async function claimInTx(
  tx: Tx,
  actor: Actor,
  t: LoadedTask,
  expectedVersion: number,
  now: Date,
  onAct?: "comment",
) {
  const { result } = await changeCase(
    tx,
    actor,
    { taskId: t.id },
    {
      change: "claimReviewTask",
      // Authorized on the task by the caller.
      action: null,
      now,
      apply: async () => {
        const res = await tx
          .update(reviewTasks)
          .set({
            status: "claimed",
            claimedBy: actor.userId,
            claimedAt: now,
            updatedAt: now,
            version: t.version + 1,
          })
          .where(and(eq(reviewTasks.id, t.id), eq(reviewTasks.version, expectedVersion)))
          .returning();
        if (res.length === 0) throw versionConflict(expectedVersion, t.version);
        return {
          result: res[0],
          data: { taskId: t.id, stepCode: t.stepCode, stepName: t.stepName, ...(onAct ? { onAct } : {}) },
        };
      },
    },
  );
  return result;
}

/** A reviewer claims a task of their department (optimistic version on the task). */
export async function claimReviewTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  expectedVersion: number,
): Promise<TReviewTask> {
  const t = await loadTask(ctx, taskId);
  authorize(actor, "claim", "reviewTask", taskRecord(t));
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) =>
    presentReviewTask(await claimInTx(tx, actor, t, expectedVersion, now)),
  );
}

/**
 * A reviewer's comment on a task (审查意见往来), kept with the case. Commenting on an open or returned
 * task nobody has claimed claims it for the commenter in the same transaction (`review.claimed` with
 * `onAct: "comment"`): whoever works on a task holds it.
 */
export async function commentReviewTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  text: string,
): Promise<TReviewComment> {
  const t = await loadTask(ctx, taskId);
  authorize(actor, "comment", "reviewTask", taskRecord(t));
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    if (t.claimedBy === null && (t.status === "open" || t.status === "returned"))
      await claimInTx(tx, actor, t, t.version, now, "comment");
    const [row] = await tx
      .insert(reviewComments)
      .values({
        taskId: t.id,
        caseId: t.caseId,
        authorId: actor.userId,
        authorName: actor.displayName,
        text,
        at: now,
      })
      .returning();
    return presentReviewComment(row);
  });
}

/**
 * A reviewer approves their task (`recommend`) or returns it with an opinion (`sendBack`; returns
 * between departments are counted). A task nobody has claimed is claimed by the act, in the same
 * transaction (the event carries `claimedOnAct`); one claimed by a colleague is refused (403). Runs through the case state machine like every change; the task
 * is read and checked with its case locked (404, 403, then 409 for a stale version or a finished task).
 */
export async function completeReviewTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  input: z.infer<typeof ZCompleteReviewTask>,
  opts: ViewOption = {},
) {
  const type = input.outcome === "approve" ? "recommend" : "sendBack";
  return runCaseCommand(
    ctx,
    actor,
    { taskId },
    undefined,
    { type, taskId, opinion: input.opinion },
    {
      policyAction: "read",
      check: (_c, rows) => {
        const t = rows.tasks.find((x) => x.id === taskId);
        if (!t) throw notFound(TASK);
        authorize(actor, "complete", "reviewTask", taskRecord(t));
        if (t.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, t.version);
        if (!["open", "claimed", "returned"].includes(t.status)) {
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "该审查任务当前不能办理",
            "en-US": "This review task cannot be completed now",
          });
        }
      },
      view: opts.view,
    },
  );
}

/** The approver sends a finished review task back for another look (counted like any return). */
export async function sendBackToReview(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { expectedVersion: number; taskId: string; opinion: string },
  opts: ViewOption = {},
) {
  const c = await loadCase(ctx.database.db, caseId);
  authorize(actor, "sendBack", "case", casePolicyRecord(c));
  return runCaseCommand(
    ctx,
    actor,
    caseId,
    input.expectedVersion,
    {
      type: "sendBack",
      taskId: input.taskId,
      opinion: input.opinion,
    },
    opts,
  );
}
