import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { DEFERRED_OWED_IN } from "../../domain/cases/transitions";
import { raiseAlert } from "../alerts/raiseAlert";
import { type AlertTerms, acceptorOf } from "../alerts/thresholds";
import { loadCase } from "../cases/caseRows";
import type { AppContext } from "../context";
import {
  applicantRecipient,
  caseNotificationData,
  dispatchNotifications,
  staffInTree,
} from "../notifications/recipients";

/**
 * Deferred materials past their due date (容缺: the applicant's commitment not kept): one red
 * supervision alert per case (监察预警, naming every overdue material), and one message to the window,
 * the approvers and the applicant, raised once while the alert is open. Returns the cases alerted.
 */
export async function alertOverdueDeferred(
  ctx: AppContext,
  today: string,
  terms: AlertTerms,
): Promise<string[]> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const overdue = await queryRows<{ caseId: string; materials: { name: string; dueOn: string }[] }>(
    db,
    sql`SELECT m.case_id AS "caseId",
          json_agg(json_build_object('name', m.name, 'dueOn', m.deferred_due_on) ORDER BY m.deferred_due_on) AS materials
        FROM case_materials m JOIN cases c ON c.id = m.case_id
        WHERE m.deferred_due_on < ${today} AND m.status <> 'pass'
          AND c.status IN (${sql.join(
            DEFERRED_OWED_IN.map((s) => sql`${s}`),
            sql`, `,
          )})
        GROUP BY m.case_id`,
  );
  const raised: string[] = [];
  for (const { caseId, materials } of overdue) {
    const c = await loadCase(db, caseId);
    const names = materials.map((m) => `“${m.name}”（${m.dueOn}）`).join("、");
    const first = materials[0]?.dueOn;
    const done = await db.transaction(async (tx) => {
      const fresh = await raiseAlert(tx, {
        rule: "deferred_overdue",
        severity: "red",
        orgId: c.orgId,
        caseId: c.id,
        zh: `办件 ${c.number} 的容缺材料逾期未补交：${names}`,
        en: `Case ${c.number}: deferred material(s) past their due date: ${materials.map((m) => `${m.name} (${m.dueOn})`).join(", ")}`,
        now,
        respondBy: terms.respondBy(c.orgId, "deferred_overdue"),
        responsibleUserId: await acceptorOf(tx, c.id),
        data: { materials },
      });
      if (!fresh) return false;
      const staff = [
        ...(await staffInTree(tx, c.orgPath, "clerk")),
        ...(await staffInTree(tx, c.orgPath, "approver")),
      ];
      const data = caseNotificationData(c, { reason: materials.map((m) => m.name).join("、"), dueOn: first });
      await dispatchNotifications(
        tx,
        c,
        [
          { kind: "deferred.overdue", recipients: staff, data },
          { kind: "deferred.overdue", recipients: [await applicantRecipient(tx, c)], data },
        ],
        now,
      );
      return true;
    });
    if (done) raised.push(caseId);
  }
  return raised;
}
