import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { reviewTasks, staffPosts } from "../../db/schema";
import { forbidden, invalid, versionConflict } from "../../domain/errors";
import type { THandOverTasks } from "../../shared/api/requests/staff";
import type { THandoverResult } from "../../shared/api/staff";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { currentAbsences, handoverList, openTasksOf, todayFor, userNames } from "./roster";
import { managedOrgs, requireManager } from "./scope";

/**
 * 转交B岗 (handOverReviewTasks): hands open tasks of holders absent today to their post's backup — the
 * task is assigned to the backup, and a task the holder had claimed is claimed by the backup. Each
 * hand-over is recorded in the case's log (`review.handed_over`, through the runner). A task of another
 * bureau's organizations is refused (403); only tasks of the handover list qualify (422 naming
 * `tasks.<i>.taskId` otherwise); the task's version guards each (409).
 */
export async function handOverReviewTasks(
  ctx: AppContext,
  actor: Actor,
  input: THandOverTasks,
): Promise<THandoverResult> {
  const roots = requireManager(actor, "hand over review tasks");
  const db = ctx.database.db;
  const today = await todayFor(ctx, actor);
  const orgIds = (await managedOrgs(db, roots)).map((o) => o.id);
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const posts = orgIds.length
      ? await tx.select().from(staffPosts).where(inArray(staffPosts.orgId, orgIds))
      : [];
    const people = [
      ...new Set(posts.flatMap((p) => [p.holderId, p.backupId]).filter((x): x is string => !!x)),
    ];
    const absences = await currentAbsences(tx, people, today);
    const names = await userNames(tx, people);
    const list = handoverList(posts, absences, await openTasksOf(ctx, tx, people), today, names);
    const handedOver: THandoverResult["handedOver"] = [];
    for (const [i, entry] of input.tasks.entries()) {
      const item = list.find((h) => h.taskId === entry.taskId);
      if (!item) await refuseOutsideTask(tx, orgIds, entry.taskId);
      if (!item?.backup)
        throw invalid(`tasks.${i}.taskId`, item ? "no_backup" : "not_handover", {
          "zh-CN": item ? "该岗位今日没有可接手的B岗" : "该任务不在交接清单中（A岗未请假或任务已不在其名下）",
          "en-US": item
            ? "The post has no backup present today"
            : "Not on the handover list (the holder is not away, or the task is no longer theirs)",
        });
      if (item.version !== entry.expectedVersion) throw versionConflict(entry.expectedVersion, item.version);
      const backup = item.backup;
      await changeCase(
        tx,
        actor,
        { taskId: item.taskId },
        {
          change: "handOverReviewTask",
          // Authorized above: a supervisor of the bureau, a task of the handover list.
          action: null,
          now,
          apply: async () => {
            const [t] = await tx
              .select()
              .from(reviewTasks)
              .where(eq(reviewTasks.id, item.taskId))
              .for("update");
            if (!t || t.version !== entry.expectedVersion)
              throw versionConflict(entry.expectedVersion, t?.version ?? entry.expectedVersion);
            await tx
              .update(reviewTasks)
              .set({
                assigneeId: backup.id,
                ...(t.claimedBy ? { claimedBy: backup.id, claimedAt: now } : {}),
                updatedAt: now,
                version: t.version + 1,
              })
              .where(eq(reviewTasks.id, t.id));
            return {
              result: null,
              data: {
                taskId: t.id,
                stepCode: t.stepCode,
                stepName: t.stepName,
                fromId: item.holder.id,
                fromName: item.holder.displayName,
                toId: backup.id,
                toName: backup.displayName,
                claimed: !!t.claimedBy,
              },
            };
          },
        },
      );
      handedOver.push({ taskId: item.taskId, caseNumber: item.caseNumber, from: item.holder, to: backup });
    }
    return { handedOver };
  });
}

/** 403 when the task exists in an organization the actor does not manage (another bureau's). */
async function refuseOutsideTask(tx: Executor, managed: string[], taskId: string): Promise<void> {
  const [task] = await tx
    .select({ orgId: reviewTasks.orgId })
    .from(reviewTasks)
    .where(eq(reviewTasks.id, taskId));
  if (task && !managed.includes(task.orgId)) throw forbidden("hand over another bureau's review tasks");
}
