import { type SQL, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { supervisionAlerts } from "../../db/schema";

/**
 * Raises a supervision alert (监察预警) once per rule and subject: while an alert for the same rule,
 * case and task (or other subject) is open, raising it again does nothing. Returns whether a new alert was raised.
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
