import { and, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { cases, organizations, reviewTasks, supervisionAlerts } from "../../db/schema";
import { isTaskIdle } from "../../domain/alerts/sweepRules";
import { caseClock } from "../../domain/cases/clock";
import { DEFERRED_OWED_IN } from "../../domain/cases/transitions";
import { YizhanError } from "../../domain/errors";
import { formatDate } from "../../shared/localTime";
import { raiseAlert, resolveAlerts } from "../alerts/raiseAlert";
import { acceptorOf, alertTerms } from "../alerts/thresholds";
import { calendarFor, localDates } from "../calendar/access";
import { loadCase, toState } from "../cases/caseRows";
import { numberPendingNotices, pendingCases } from "../cases/commands/numbers";
import { changeCase, numberPendingCase, runCaseCommand } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { type EvaluationSweepReport, runEvaluationSweep } from "../evaluations/sweep";
import { deleteExpiredIdempotencyKeys } from "../idempotency/keys";
import { sweepUnansweredInquiries } from "../inquiries/sweep";
import {
  applicantRecipient,
  caseNotificationData,
  dispatchNotifications,
  orgTreeIds,
  staffRecipients,
} from "../notifications/recipients";
import { alertOverdueDeferred } from "./deferredSweep";
import { runExchangeSweep } from "./exchangeSweep";
import { sweepLastDayShare } from "./lastDaySweep";

/** Days before a draft expires when its one reminder goes out. */
export const DRAFT_REMINDER_DAYS = 7;

/** What one sweep did, for logs and tests. */
export type SweepReport = {
  deemedAccepted: string[];
  draftsReminded: string[];
  draftsExpired: string[];
  clockAlerts: { caseId: string; state: "yellow" | "red" }[];
  taskAlerts: { taskId: string; rule: "task_overdue" | "task_idle" }[];
  /** Cases alerted for deferred materials (容缺) past their due date. */
  deferredOverdue: string[];
  /** 好差评: reminders sent, overdue rectifications alerted. */
  evaluations?: EvaluationSweepReport;
  /** Inquiries alerted as unanswered after N working days (首问负责). */
  unansweredInquiries: string[];
  /** Organizations alerted for too many decisions on the cases' last day this month (不拖). */
  lastDayShare?: string[];
  /** Idempotency keys past their 24 hours, deleted. */
  idempotencyKeysExpired?: number;
};

/** Runs a lifecycle command as the system; a case someone else already moved is skipped. */
async function systemCommand(
  ctx: AppContext,
  caseId: string,
  type: "deemAccepted" | "expire",
): Promise<boolean> {
  try {
    await runCaseCommand(ctx, null, caseId, undefined, { type });
    return true;
  } catch (e) {
    if (e instanceof YizhanError && (e.status === 409 || e.status === 422)) return false;
    throw e;
  }
}

/**
 * The periodic sweep behind "no case ever overdue": deemed acceptance after the 5-working-day check
 * period (Art. 32) with a red alert, draft reminders and expiry, yellow/red clock alerts with
 * notifications (不拖), overdue and idle review tasks (不敷), deferred materials past their due date
 * (容缺, red alert and messages). Safe to run on several servers at once:
 * commands re-check the state under a row lock and alerts are unique per rule and subject.
 */
export async function runSweep(ctx: AppContext): Promise<SweepReport> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const national = await calendarFor(ctx, null);
  const { today } = localDates(national, now);
  // Each organization's thresholds (电子监察), read once for the whole run.
  const terms = await alertTerms(ctx);
  const report: SweepReport = {
    deemedAccepted: [],
    draftsReminded: [],
    draftsExpired: [],
    clockAlerts: [],
    taskAlerts: [],
    deferredOverdue: [],
    unansweredInquiries: [],
  };

  // Numbers left pending by a crash between a command's commit and its numbering.
  await numberPendingNotices(db);
  for (const p of await pendingCases(db)) {
    const c = await loadCase(db, p.id);
    await numberPendingCase(db, c.id, c.divisionCode, localDates(national, c.createdAt).today);
  }

  const unchecked = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, "submitted"), lt(cases.checkDueOn, today)));
  for (const { id } of unchecked)
    if (await systemCommand(ctx, id, "deemAccepted")) report.deemedAccepted.push(id);

  const expired = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, "draft"), lte(cases.draftExpiresAt, now)));
  for (const { id } of expired) if (await systemCommand(ctx, id, "expire")) report.draftsExpired.push(id);

  const soon = new Date(now.getTime() + DRAFT_REMINDER_DAYS * 86_400_000);
  const toRemind = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, "draft"), lte(cases.draftExpiresAt, soon), isNull(cases.draftRemindedAt)));
  for (const { id } of toRemind) {
    await db.transaction(async (tx) => {
      // Claimed with the case locked: a reminder another sweep sent is not sent twice.
      const { result: sent } = await changeCase(tx, null, id, {
        change: "remindDraft",
        now,
        apply: async (c) => {
          if (c.draftRemindedAt) return { result: false, skip: true };
          const expiresOn = c.draftExpiresAt ? formatDate(c.draftExpiresAt) : undefined;
          await dispatchNotifications(
            tx,
            c,
            [
              {
                kind: "draft.expiring",
                recipients: [await applicantRecipient(tx, c)],
                data: caseNotificationData(c, { deadline: expiresOn }),
              },
            ],
            now,
          );
          return { result: true, columns: { draftRemindedAt: now } };
        },
      });
      if (!sent) return;
      report.draftsReminded.push(id);
    });
  }

  const running = await db
    .select({ id: cases.id })
    .from(cases)
    .where(inArray(cases.status, ["accepted", "in_review"]));
  for (const { id } of running) {
    const c = await loadCase(db, id);
    const cal = await calendarFor(ctx, c.orgId);
    const clock = caseClock(cal, toState(c), localDates(cal, now).today);
    if (clock.state !== "yellow" && clock.state !== "red") continue;
    const rule = clock.state === "red" ? "clock_red" : "clock_yellow";
    await db.transaction(async (tx) => {
      const raised = await raiseAlert(tx, {
        rule,
        severity: clock.state === "red" ? "red" : "yellow",
        orgId: c.orgId,
        caseId: c.id,
        zh:
          clock.state === "red"
            ? `办件 ${c.number} 已超过办结期限 ${clock.deadline}（不拖）`
            : `办件 ${c.number} 将于 ${clock.deadline} 到期`,
        en:
          clock.state === "red"
            ? `Case ${c.number} is past its deadline ${clock.deadline}`
            : `Case ${c.number} is due on ${clock.deadline}`,
        now,
        respondBy: terms.respondBy(c.orgId, rule),
        responsibleUserId: await acceptorOf(tx, c.id),
        data: { deadline: clock.deadline, remainingWorkingDays: clock.remainingWorkingDays },
      });
      if (!raised) return;
      const orgs = await orgTreeIds(tx, c.orgPath);
      const staff = [
        ...(await staffRecipients(tx, orgs, "clerk")),
        ...(await staffRecipients(tx, orgs, "approver")),
        ...(await staffRecipients(tx, orgs, "supervisor")),
      ];
      await dispatchNotifications(
        tx,
        c,
        [
          {
            kind: `clock.${clock.state}`,
            recipients: staff,
            data: caseNotificationData(c, { deadline: clock.deadline }),
          },
        ],
        now,
      );
      report.clockAlerts.push({ caseId: c.id, state: clock.state as "yellow" | "red" });
    });
  }
  // A yellow warning ends when the case leaves the running clock (decided, suspended, withdrawn).
  await resolveAlerts(
    db,
    now,
    and(
      eq(supervisionAlerts.rule, "clock_yellow"),
      isNull(supervisionAlerts.resolvedAt),
      sql`${supervisionAlerts.caseId} in (select id from ${cases} where ${cases.status} not in ('accepted', 'in_review'))`,
    ),
  );

  const tasks = await db
    .select({ t: reviewTasks, orgPath: organizations.path, number: cases.number })
    .from(reviewTasks)
    .innerJoin(cases, eq(cases.id, reviewTasks.caseId))
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .where(
      and(
        inArray(reviewTasks.status, ["open", "claimed", "returned"]),
        inArray(cases.status, ["accepted", "in_review"]),
      ),
    );
  for (const { t, number } of tasks) {
    const overdue = t.dueOn !== null && t.dueOn < today;
    const th = terms.thresholdsOf(t.orgId);
    const idle = isTaskIdle(t, today, th, national);
    for (const rule of [overdue ? "task_overdue" : null, idle ? "task_idle" : null] as const) {
      if (!rule) continue;
      const raised = await db.transaction((tx) =>
        raiseAlert(tx, {
          rule,
          severity: rule === "task_overdue" ? "red" : "yellow",
          orgId: t.orgId,
          caseId: t.caseId,
          taskId: t.id,
          zh:
            rule === "task_overdue"
              ? `办件 ${number} 的“${t.stepName}”审查任务已超过截止日期 ${t.dueOn}`
              : `办件 ${number} 的“${t.stepName}”审查任务已闲置超过 ${th.taskIdleWorkingDays} 个工作日无人认领（不敷）`,
          en:
            rule === "task_overdue"
              ? `Review task "${t.stepName}" of case ${number} is past its due date ${t.dueOn}`
              : `Review task "${t.stepName}" of case ${number} has waited unclaimed for more than ${th.taskIdleWorkingDays} working day(s)`,
          now,
          respondBy: terms.respondBy(t.orgId, rule),
          responsibleUserId: t.claimedBy,
        }),
      );
      if (raised) report.taskAlerts.push({ taskId: t.id, rule });
    }
  }
  report.deferredOverdue = await alertOverdueDeferred(ctx, today, terms);
  report.evaluations = await runEvaluationSweep(ctx);
  // Resolved once nothing overdue is owed any more (delivered and passed, or the case closed).
  await resolveAlerts(
    db,
    now,
    and(
      eq(supervisionAlerts.rule, "deferred_overdue"),
      isNull(supervisionAlerts.resolvedAt),
      sql`not exists (select 1 from case_materials m join cases c on c.id = m.case_id
          where m.case_id = ${supervisionAlerts.caseId} and m.deferred_due_on < ${today} and m.status <> 'pass'
          and ${inArray(sql`c.status`, [...DEFERRED_OWED_IN])})`,
    ),
  );
  await runExchangeSweep(ctx, terms);
  report.unansweredInquiries = await sweepUnansweredInquiries(ctx, terms);
  report.lastDayShare = await sweepLastDayShare(ctx, terms);
  report.idempotencyKeysExpired = await deleteExpiredIdempotencyKeys(ctx);
  return report;
}
