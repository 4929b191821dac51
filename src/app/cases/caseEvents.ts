import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseEvents } from "../../db/schema";
import type { Actor } from "../actor";

/** One event to append to a case's log. */
export type NewCaseEvent = {
  type: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  data?: Record<string, unknown>;
};

/** The role an actor acted in (the first staff role, or applicant). */
export function actingRole(actor: Actor | null): string | null {
  if (!actor) return "system";
  return actor.memberships[0]?.role ?? null;
}

/**
 * Appends events to a case's log in the current transaction (one row per state change: actor, time,
 * IP, before and after). Sequence numbers are per case and gap-free; the case row lock serializes them.
 */
export async function appendCaseEvents(
  tx: Tx,
  caseId: string,
  actor: Actor | null,
  at: Date,
  events: NewCaseEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await caseEventsInsert(tx, caseId, actor, at, events);
}

/** The insert of {@link appendCaseEvents}, not yet run (to send it with the case's save). */
export function caseEventsInsert(
  tx: Tx,
  caseId: string,
  actor: Actor | null,
  at: Date,
  events: NewCaseEvent[],
) {
  return tx.insert(caseEvents).values(
    events.map((e, i) => ({
      caseId,
      // Gap-free per case; the case row lock serializes writers, so max + n is safe.
      seq: sql<number>`(select coalesce(max(${caseEvents.seq}), 0) + ${i + 1} from ${caseEvents} where ${caseEvents.caseId} = ${caseId})`,
      type: e.type,
      actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? "系统",
      actorRole: actingRole(actor),
      at,
      ip: actor?.ip ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      data: e.data ?? {},
    })),
  );
}
