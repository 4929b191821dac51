import { and, gte, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { staffAbsences, staffPosts, users } from "../../db/schema";
import { type PostDuty, postFor, type Routing, routeWork } from "../../domain/staff/routing";
import type { AppContext } from "../context";
import { cachedStaff } from "./staffCache";

/** An event for the case log (the shape the runner appends). */
export type RoutingEvent = { type: string; data: Record<string, unknown> };

/** A piece of new work to route: its organization, duty and (for review) step. */
export type Work = { orgId: string; duty: PostDuty; stepCode?: string | null };

/** Where each piece of work went, with the post and the people named (for the case log). */
export type Routed = { routing: Routing; post: { id: string; name: string } } | null;

/**
 * Routes new work by the AB岗 rule (domain/staff/routing.ts) with the posts and the absences covering
 * `day` as they stand in the database: one read of each, in the caller's transaction. With `ctx` the
 * posts come from the process's cache when it has them (staffCache.ts: changes seen within 1 s).
 */
export async function routeNewWork(
  ex: Executor,
  work: Work[],
  day: string,
  ctx?: AppContext,
): Promise<Routed[]> {
  if (!work.length) return [];
  const orgIds = [...new Set(work.map((w) => w.orgId))].sort();
  const read = () => ex.select().from(staffPosts).where(inArray(staffPosts.orgId, orgIds));
  const posts = ctx ? await cachedStaff(ctx, `posts:${orgIds.join(",")}`, read) : await read();
  if (!posts.length) return work.map(() => null);
  const people = [...new Set(posts.flatMap((p) => [p.holderId, p.backupId]).filter((x): x is string => !!x))];
  const absences = people.length
    ? await ex
        .select()
        .from(staffAbsences)
        .where(
          and(
            inArray(staffAbsences.userId, people),
            gte(staffAbsences.toDate, day),
            isNull(staffAbsences.endedAt),
          ),
        )
    : [];
  return work.map((w) => {
    const post = postFor(posts, w);
    return post ? { routing: routeWork(post, absences, day), post: { id: post.id, name: post.name } } : null;
  });
}

/** Display names of the people a routing names. */
export async function namesOf(
  ex: Executor,
  ids: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * The case-log event of a routed review task (`review.routed`): to whom and why — "A岗 absent →
 * assigned to B岗 <name>" is `via: backup` with the holder and the reason of their absence.
 */
export function routedEvent(
  task: { id: string; stepCode: string; stepName: string },
  r: NonNullable<Routed>,
  names: Map<string, string>,
): RoutingEvent {
  const holderId = r.routing.via === "holder" ? r.routing.assigneeId : r.routing.holderId;
  return {
    type: "review.routed",
    data: {
      taskId: task.id,
      stepCode: task.stepCode,
      stepName: task.stepName,
      postId: r.post.id,
      postName: r.post.name,
      via: r.routing.via,
      assigneeId: r.routing.assigneeId,
      assigneeName: r.routing.assigneeId ? (names.get(r.routing.assigneeId) ?? null) : null,
      holderId,
      holderName: holderId ? (names.get(holderId) ?? null) : null,
      absence: r.routing.via === "holder" ? null : r.routing.reason,
    },
  };
}

/** Routes review tasks opening today and gives each its assignee and its log event. */
export async function routeReviewTasks(
  ex: Executor,
  tasks: { id: string; orgId: string; stepCode: string; stepName: string }[],
  day: string,
  ctx?: AppContext,
): Promise<{ assignees: Map<string, string | null>; events: RoutingEvent[] }> {
  const routed = await routeNewWork(
    ex,
    tasks.map((t) => ({ orgId: t.orgId, duty: "review" as const, stepCode: t.stepCode })),
    day,
    ctx,
  );
  const names = await namesOf(
    ex,
    routed.flatMap((r) =>
      r ? [r.routing.assigneeId, r.routing.via === "holder" ? null : r.routing.holderId] : [],
    ),
  );
  const assignees = new Map<string, string | null>();
  const events: RoutingEvent[] = [];
  tasks.forEach((t, i) => {
    const r = routed[i];
    if (!r) return;
    assignees.set(t.id, r.routing.assigneeId);
    events.push(routedEvent(t, r, names));
  });
  return { assignees, events };
}
