import { type SQL, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { supervisionAlerts } from "../../db/schema";
import type { IsoDate } from "../../domain/calendar/isoDate";

/**
 * Raises a supervision alert (监察预警) once per rule and subject: while an alert for the same rule,
 * case and task (or other subject) is open, raising it again does nothing. Returns whether a new alert was raised.
 * Every alert has an owner (the organization; the responsible person when known), a response date in
 * working days and the events that raised it (none for sweep findings about time passing).
 */
export async function raiseAlert(
  tx: Tx,
  a: {
    rule: string;
    severity: "yellow" | "red";
    orgId: string | null;
    caseId?: string;
    taskId?: string;
    /** Another subject the alert is about (a rectification): one open alert per rule, case and subject. */
    subject?: string;
    zh: string;
    en: string;
    now: Date;
    /** Acknowledge or close by this date (`respondBy` of domain/alerts/thresholds.ts). */
    respondBy: IsoDate | null;
    /** The person answerable when known. */
    responsibleUserId?: string | null;
    /** The case events that raised it. */
    eventIds?: string[];
    data?: Record<string, unknown>;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(supervisionAlerts)
    .values({
      rule: a.rule,
      dedupeKey: `${a.rule}:${a.caseId ?? ""}:${a.taskId ?? a.subject ?? ""}`,
      severity: a.severity,
      orgId: a.orgId,
      caseId: a.caseId,
      taskId: a.taskId,
      messageZh: a.zh,
      messageEn: a.en,
      data: a.data ?? {},
      raisedAt: a.now,
      respondBy: a.respondBy,
      responsibleUserId: a.responsibleUserId ?? null,
      eventIds: a.eventIds ?? [],
    })
    .onConflictDoNothing()
    .returning({ id: supervisionAlerts.id });
  return inserted.length > 0;
}

/**
 * Closes the open alerts `where` selects because their condition ended (the case left the clock, the
 * question was answered): `resolvedAt` is set and the version advances, so a supervisor acting on the
 * alert with the version read before gets 409 `version_conflict` and sees it closed on reload.
 */
export function resolveAlerts(ex: Executor, now: Date, where: SQL | undefined) {
  return ex
    .update(supervisionAlerts)
    .set({ resolvedAt: now, version: sql`${supervisionAlerts.version} + 1` })
    .where(where);
}
