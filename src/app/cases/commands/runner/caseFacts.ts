import { sql } from "drizzle-orm";
import type { Tx } from "../../../../db/client";
import { type CaseFactActor, caseFacts, type cases } from "../../../../db/schema";
import { HANDLING_EVENTS, HANDLING_ROLES, VISIT_EVENTS } from "../../../../domain/supervision/figures";

type CaseRow = typeof cases.$inferSelect;

/**
 * The write of a case's fact row (case_facts, ADR 0017e) after a command, not yet run: the case's
 * columns as saved, the window visits and the staff who acted in a handling event among `events`
 * (added to those already kept), and its review tasks' handlers as they stand before this statement.
 * Goes with the command's other writes in its one statement (saveCase).
 */
export function caseFactWrite(
  tx: Tx,
  c: Pick<
    CaseRow,
    "id" | "orgId" | "itemName" | "status" | "acceptedOn" | "completedAt" | "deadline" | "finishedOnSpot"
  >,
  actor: { userId: string } | null,
  role: string | null,
  events: readonly { type: string }[],
) {
  const visits = role === "clerk" ? events.filter((e) => VISIT_EVENTS.has(e.type)).length : 0;
  const handlers: CaseFactActor[] =
    actor && role && HANDLING_ROLES.has(role) && events.some((e) => HANDLING_EVENTS.has(e.type))
      ? [{ u: actor.userId, r: role }]
      : [];
  const added = sql`${JSON.stringify(handlers)}::jsonb`;
  return tx
    .insert(caseFacts)
    .values({
      caseId: c.id,
      orgId: c.orgId,
      itemName: c.itemName,
      status: c.status,
      acceptedOn: c.acceptedOn,
      completedAt: c.completedAt,
      deadline: c.deadline,
      finishedOnSpot: c.finishedOnSpot,
      visits,
      handlers: sql`${added}`,
      taskHandlers: sql`coalesce((select jsonb_agg(distinct jsonb_build_object('u', coalesce(t.completed_by,
        t.claimed_by), 'o', t.org_id)) from review_tasks t where t.case_id = ${c.id}
        and coalesce(t.completed_by, t.claimed_by) is not null), '[]'::jsonb)`,
    })
    .onConflictDoUpdate({
      target: caseFacts.caseId,
      set: {
        orgId: sql`excluded.org_id`,
        itemName: sql`excluded.item_name`,
        status: sql`excluded.status`,
        acceptedOn: sql`excluded.accepted_on`,
        completedAt: sql`excluded.completed_at`,
        deadline: sql`excluded.deadline`,
        finishedOnSpot: sql`excluded.finished_on_spot`,
        visits: sql`${caseFacts.visits} + excluded.visits`,
        handlers: handlers.length
          ? sql`case when ${caseFacts.handlers} @> ${added} then ${caseFacts.handlers}
              else ${caseFacts.handlers} || ${added} end`
          : sql`${caseFacts.handlers}`,
        taskHandlers: sql`excluded.task_handlers`,
      },
    });
}
