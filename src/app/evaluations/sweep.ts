import { and, eq, gt, inArray, isNull, lt, lte } from "drizzle-orm";
import { evaluationInvitations, rectifications, users } from "../../db/schema";
import { reminderDue } from "../../domain/evaluations/evaluation";
import { raiseAlert } from "../alerts/raiseAlert";
import { alertTerms } from "../alerts/thresholds";
import { calendarFor, localDates } from "../calendar/access";
import { loadCase } from "../cases/caseRows";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { caseNotificationData, dispatchNotifications, staffInTree } from "../notifications/recipients";
import { invitationNotification, shanghaiDate } from "./invitations";
import { hashToken, newToken } from "./tokens";

/** What one evaluation sweep did. */
export type EvaluationSweepReport = {
  reminded: string[];
  overdue: { rectificationId: string; step: "callback" | "rectification" }[];
};

/**
 * The periodic work of 好差评 (called by `runSweep`): the one reminder after 3 working days (with a
 * new signed link; the first one stops working, as only the token's hash is kept), and red alerts to
 * the supervisor for rectifications whose callback or rectification is overdue (one per rectification
 * and step).
 */
export async function runEvaluationSweep(ctx: AppContext): Promise<EvaluationSweepReport> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const report: EvaluationSweepReport = { reminded: [], overdue: [] };

  const candidates = await db
    .select()
    .from(evaluationInvitations)
    .where(
      and(
        isNull(evaluationInvitations.usedAt),
        isNull(evaluationInvitations.remindedAt),
        gt(evaluationInvitations.closesAt, now),
        // 3 working days are at least 3 natural days: older invitations only (the calendar decides).
        lte(
          evaluationInvitations.invitedOn,
          new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10),
        ),
      ),
    );
  for (const inv of candidates) {
    const c0 = await loadCase(db, inv.caseId);
    const cal = await calendarFor(ctx, c0.orgId);
    const { today } = localDates(cal, now);
    if (!reminderDue(cal, inv, today, now)) continue;
    await db.transaction(async (tx) => {
      const { result } = await changeCase(tx, null, inv.caseId, {
        change: "remindEvaluation",
        now,
        apply: async (c) => {
          const [locked] = await tx
            .select()
            .from(evaluationInvitations)
            .where(eq(evaluationInvitations.id, inv.id))
            .for("update");
          if (locked.remindedAt || locked.usedAt) return { result: false, skip: true };
          const token = newToken("e");
          await tx
            .update(evaluationInvitations)
            .set({ remindedAt: now, tokenHash: hashToken(token) })
            .where(eq(evaluationInvitations.id, inv.id));
          const [account] = await tx
            .select({ locale: users.locale, email: users.email })
            .from(users)
            .where(eq(users.id, c.applicantId));
          await dispatchNotifications(
            tx,
            c,
            [
              invitationNotification(
                c,
                account ?? null,
                "evaluation.reminder",
                token,
                shanghaiDate(locked.closesAt),
              ),
            ],
            now,
          );
          return { result: true, data: { invitationId: inv.id, stage: inv.stage } };
        },
      });
      if (result) report.reminded.push(inv.id);
    });
  }

  const national = await calendarFor(ctx, null);
  const { today } = localDates(national, now);
  const terms = await alertTerms(ctx);
  const open = await db
    .select()
    .from(rectifications)
    .where(
      and(
        inArray(rectifications.status, ["callback_due", "rectifying"]),
        lt(rectifications.callbackDueOn, today),
      ),
    );
  for (const r of open) {
    const steps = [
      r.status === "callback_due" ? ("callback" as const) : null,
      r.rectifyDueOn < today ? ("rectification" as const) : null,
    ];
    for (const s of steps) {
      if (!s) continue;
      const c = await loadCase(db, r.caseId);
      const due = s === "callback" ? r.callbackDueOn : r.rectifyDueOn;
      await db.transaction(async (tx) => {
        const raised = await raiseAlert(tx, {
          rule: s === "callback" ? "rectification_callback_overdue" : "rectification_overdue",
          severity: "red",
          orgId: c.orgId,
          caseId: c.id,
          subject: r.id,
          zh:
            s === "callback"
              ? `办件 ${c.number} 的差评未在 ${due} 前回访`
              : `办件 ${c.number} 的差评整改已超过期限 ${due}`,
          en:
            s === "callback"
              ? `The bad rating of case ${c.number} was not called back by ${due}`
              : `The rectification of the bad rating of case ${c.number} is past its due date ${due}`,
          now,
          respondBy: terms.respondBy(
            c.orgId,
            s === "callback" ? "rectification_callback_overdue" : "rectification_overdue",
          ),
          responsibleUserId: r.responsibleUserId,
          data: { rectificationId: r.id, dueOn: due },
        });
        if (!raised) return;
        const supervisors = await staffInTree(tx, c.orgPath, "supervisor");
        await dispatchNotifications(
          tx,
          c,
          [
            {
              kind: "rectification.overdue",
              recipients: supervisors,
              data: caseNotificationData(c, {
                deadline: due,
                reason: s === "callback" ? "回访逾期 / callback overdue" : "整改逾期 / rectification overdue",
                link: "/supervision/evaluations",
              }),
            },
          ],
          now,
        );
        report.overdue.push({ rectificationId: r.id, step: s });
      });
    }
  }
  return report;
}
