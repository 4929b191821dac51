import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { cases, organizations, reviewComments, reviewTasks, users } from "../../../db/schema";
import type { ReviewTaskStatus } from "../../../domain/cases/reviewPlan";
import { notFound, versionConflict, YizhanError } from "../../../domain/errors";
import type { ZCompleteReviewTask } from "../../../shared/api/requests/review";
import type { TReviewComment, TReviewInboxItem, TReviewTask } from "../../../shared/api/review";
import { type Actor, hasRole } from "../../actor";
import type { AppContext } from "../../context";
import { abilities, authorize } from "../../policies";
import { presentReviewComment } from "../../presenters/records";
import { casePolicyRecord, loadCase } from "../caseRows";
import { changeCase, runCaseCommand, type ViewOption } from "../commands/runner";

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

/**
 * The reviewer's inbox: open, claimed and returned tasks of the actor's departments — those routed to
 * the actor first (分配给我, AB岗: docs/staff.md), then most urgent first (due date, then case
 * deadline). Approvers see every task of their organization tree.
 */
export async function listReviewTasks(
  ctx: AppContext,
  actor: Actor,
  filter: { status?: string[] } = {},
): Promise<TReviewInboxItem[]> {
  const paths = actor.memberships
    .filter((m) => (m.role === "reviewer" || m.role === "approver") && m.orgPath)
    .map((m) => m.orgPath as string);
  if (paths.length === 0) {
    if (!hasRole(actor, "reviewer", "approver")) authorize(actor, "reviewInbox", "global", null);
    return [];
  }
  const statuses = filter.status?.length ? filter.status : ["open", "claimed", "returned"];
  const rows = await ctx.database.db
    .select({
      t: reviewTasks,
      orgPath: organizations.path,
      orgName: organizations.name,
      c: cases,
      assigneeName: assignee.displayName,
    })
    .from(reviewTasks)
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
    .leftJoin(assignee, eq(assignee.id, reviewTasks.assigneeId))
    .where(
      and(
        inArray(reviewTasks.status, statuses as ReviewTaskStatus[]),
        sql`(${sql.join(
          paths.map((p) => sql`${organizations.path} like ${`${p}%`}`),
          sql` or `,
        )})`,
      ),
    )
    .orderBy(
      sql`(${reviewTasks.assigneeId} = ${actor.userId} and coalesce(${reviewTasks.claimedBy} = ${actor.userId}, true)) desc nulls last`,
      asc(reviewTasks.dueOn),
      asc(cases.deadline),
    );
  return rows.map((r) => ({
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
  }));
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
  return ctx.database.db.transaction(async (tx) => {
    const { result } = await changeCase(
      tx,
      actor,
      { taskId: t.id },
      {
        change: "claimReviewTask",
        // Authorized on the task above.
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
          return { result: res[0], data: { taskId: t.id, stepCode: t.stepCode, stepName: t.stepName } };
        },
      },
    );
    return presentReviewTask(result);
  });
}

/** A reviewer's comment on a task (审查意见往来), kept with the case. */
export async function commentReviewTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  text: string,
): Promise<TReviewComment> {
  const t = await loadTask(ctx, taskId);
  authorize(actor, "comment", "reviewTask", taskRecord(t));
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
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
}

/**
 * A reviewer approves their task (`recommend`) or returns it with an opinion (`sendBack`; returns
 * between departments are counted). Runs through the case state machine like every change; the task
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
