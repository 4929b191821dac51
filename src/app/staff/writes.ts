import { and, eq, gte, isNull, lte } from "drizzle-orm";
import { organizations, staffAbsences, staffPosts } from "../../db/schema";
import { invalid, notFound, versionConflict, YizhanError } from "../../domain/errors";
import type { TEndAbsence, TSetAbsence, TUpdatePost } from "../../shared/api/requests/staff";
import type { TStaffAbsence, TStaffPost } from "../../shared/api/staff";
import { isRealDate } from "../../shared/text";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { currentAbsences, presentAbsence, presentPost, todayFor, userNames } from "./roster";
import { managedOrgs, manages, requireManager, staffOf } from "./scope";
import { staffChanged } from "./staffCache";

const POST = { "zh-CN": "岗位", "en-US": "Post" };
const ABSENCE = { "zh-CN": "请假/外出记录", "en-US": "Absence" };

/**
 * Sets a post's holder (A岗) and backup (B岗) (updatePost): staff of the post's organization, not the
 * same person; optimistic version (409). Work already assigned or claimed stays where it is — only new
 * work follows the new holder; the handover list moves an absent holder's tasks (docs/staff.md).
 */
export async function updatePost(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TUpdatePost,
): Promise<TStaffPost> {
  const roots = requireManager(actor, "change a post");
  const db = ctx.database.db;
  const today = await todayFor(ctx, actor);
  const post = await db.transaction(async (tx) => {
    const [p] = await tx.select().from(staffPosts).where(eq(staffPosts.id, id)).for("update");
    if (!p) throw notFound(POST);
    const [org] = await tx
      .select({
        id: organizations.id,
        name: organizations.name,
        kind: organizations.kind,
        path: organizations.path,
      })
      .from(organizations)
      .where(eq(organizations.id, p.orgId));
    if (!org || !manages(roots, org.path)) throw notFound(POST);
    if (p.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, p.version);
    const staff = new Set((await staffOf(tx, [org.id])).map((s) => s.id));
    for (const field of ["holderId", "backupId"] as const) {
      const who = input[field];
      if (who && !staff.has(who))
        throw invalid(field, "not_staff", {
          "zh-CN": "须为本窗口或科室的在岗工作人员",
          "en-US": "Must be active staff of the post's window or section",
        });
    }
    if (input.holderId && input.holderId === input.backupId)
      throw invalid("backupId", "same_person", {
        "zh-CN": "B岗不能与A岗为同一人",
        "en-US": "The backup cannot be the holder",
      });
    const [next] = await tx
      .update(staffPosts)
      .set({
        holderId: input.holderId,
        backupId: input.backupId,
        updatedAt: ctx.clock.now(),
        version: p.version + 1,
      })
      .where(eq(staffPosts.id, p.id))
      .returning();
    if (!next) throw new Error("update returned nothing");
    const people = [next.holderId, next.backupId].filter((x): x is string => !!x);
    return presentPost(
      next,
      org,
      await currentAbsences(tx, people, today),
      today,
      await userNames(tx, people),
    );
  });
  staffChanged();
  return post;
}

function checkDate(field: string, value: string) {
  const [y, m, d] = value.split("-").map(Number);
  if (!isRealDate(y ?? 0, m ?? 0, d ?? 0))
    throw invalid(field, "invalid_date", { "zh-CN": "日期无效", "en-US": "Not a real date" });
}

/**
 * Records an absence (setAbsence: 请假, 培训, 出差, other) of a staff member of a window or section the
 * actor manages, from one date to another (inclusive); 422 on an impossible or reversed span and on
 * one overlapping an absence already recorded. New work for the person's posts goes to the backup
 * on those days; nothing already assigned or claimed moves by itself.
 */
export async function setAbsence(ctx: AppContext, actor: Actor, input: TSetAbsence): Promise<TStaffAbsence> {
  const roots = requireManager(actor, "record an absence");
  const db = ctx.database.db;
  checkDate("fromDate", input.fromDate);
  checkDate("toDate", input.toDate);
  if (input.toDate < input.fromDate)
    throw invalid("toDate", "before_start", {
      "zh-CN": "结束日期不能早于开始日期",
      "en-US": "The end date is before the start date",
    });
  const orgs = await managedOrgs(db, roots);
  const staff = await staffOf(
    db,
    orgs.map((o) => o.id),
  );
  if (!staff.some((s) => s.id === input.userId))
    throw invalid("userId", "not_staff", {
      "zh-CN": "只能为本人管理的窗口、科室的工作人员登记",
      "en-US": "Only staff of the windows and sections you manage",
    });
  return db.transaction(async (tx) => {
    const overlapping = await tx
      .select({ id: staffAbsences.id })
      .from(staffAbsences)
      .where(
        and(
          eq(staffAbsences.userId, input.userId),
          isNull(staffAbsences.endedAt),
          lte(staffAbsences.fromDate, input.toDate),
          gte(staffAbsences.toDate, input.fromDate),
        ),
      );
    if (overlapping.length)
      throw invalid("fromDate", "overlaps", {
        "zh-CN": "与已登记的请假/外出时间重叠",
        "en-US": "Overlaps an absence already recorded",
      });
    const [a] = await tx
      .insert(staffAbsences)
      .values({
        userId: input.userId,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reason: input.reason,
        note: input.note?.length ? input.note : null,
        recordedBy: actor.userId,
        recordedAt: ctx.clock.now(),
      })
      .returning();
    if (!a) throw new Error("insert returned nothing");
    return presentAbsence(a, new Map([[actor.userId, actor.displayName]]));
  });
}

/**
 * Ends an absence now (endAbsence: the person is back): from now on new work goes to them again.
 * Optimistic version (409); an absence already ended is 409 `invalid_transition`.
 */
export async function endAbsence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TEndAbsence,
): Promise<TStaffAbsence> {
  const roots = requireManager(actor, "end an absence");
  const db = ctx.database.db;
  const orgs = await managedOrgs(db, roots);
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(staffAbsences).where(eq(staffAbsences.id, id)).for("update");
    if (!a) throw notFound(ABSENCE);
    const staff = await staffOf(
      tx,
      orgs.map((o) => o.id),
    );
    if (!staff.some((s) => s.id === a.userId)) throw notFound(ABSENCE);
    if (a.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, a.version);
    if (a.endedAt)
      throw new YizhanError("invalid_transition", 409, {
        "zh-CN": "该记录已结束",
        "en-US": "This absence has already ended",
      });
    const [next] = await tx
      .update(staffAbsences)
      .set({ endedAt: ctx.clock.now(), endedBy: actor.userId, version: a.version + 1 })
      .where(eq(staffAbsences.id, a.id))
      .returning();
    if (!next) throw new Error("update returned nothing");
    return presentAbsence(next, await userNames(tx, [next.recordedBy]));
  });
}
