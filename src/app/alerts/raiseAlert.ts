import type { Tx } from "../../db/client";
import { supervisionAlerts } from "../../db/schema";

/**
 * Raises a supervision alert (监察预警) once per rule and subject: while an alert for the same rule,
 * case and task is open, raising it again does nothing. Returns whether a new alert was raised.
 */
export async function raiseAlert(
  tx: Tx,
  a: {
    rule: string;
    severity: "yellow" | "red";
    orgId: string | null;
    caseId?: string;
    taskId?: string;
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
      dedupeKey: `${a.rule}:${a.caseId ?? ""}:${a.taskId ?? ""}`,
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
