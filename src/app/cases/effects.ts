import { and, eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseMaterials, organizations, reviewTasks } from "../../db/schema";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar";
import type { CaseState } from "../../domain/cases/caseState";
import type { CaseCommand, CaseCommandType } from "../../domain/cases/commands";
import type { TransitionContext } from "../../domain/cases/context";
import {
  returnTargets,
  stepsReadyToOpen,
  taskDueOn,
  UNFINISHED_TASK_STATUSES,
} from "../../domain/cases/reviewPlan";
import { invalid, notFound } from "../../domain/errors";
import { clause } from "../../shared/wording";
import type { Actor } from "../actor";
import { issueCertificatesForCase } from "../certificates/issue";
import type { AppContext } from "../context";
import { voidUnpaidFees } from "../fees/voidUnpaid";
import { recordCaseReferral } from "../referrals/referrals";
import { raiseAlert } from "./alerts";
import type { LoadedCase } from "./caseRows";
import { caseDeadline } from "./clock";
import { DEFERRED_EFFECTS } from "./deferredEffects";
import { createNotice } from "./documents";
import { type ItemInfo, planSteps } from "./itemInfo";
import { decisionNoticeKind, noticeTitle } from "./noticeTemplates";
import {
  applicantRecipientOf,
  type CaseNotification,
  caseNotificationData,
  staffInTree,
  staffRecipients,
} from "./notify";
import { createReviewTasks } from "./reviewTasksSetup";
import type { NewCaseEvent } from "./runner";
import { CHECK_PERIOD_DAYS, type CommandRows } from "./transitionContext";

/** A material with at least one file (uploaded, from the wallet or fetched from shared data). */
const hasFiles = sql`jsonb_array_length(${caseMaterials.fileIds}) > 0`;

/** Everything an effect may use. */
export type EffectEnv = {
  tx: Tx;
  ctx: AppContext;
  actor: Actor | null;
  c: LoadedCase;
  cmd: CaseCommand;
  next: CaseState;
  item: ItemInfo;
  cal: WorkingCalendar;
  tctx: TransitionContext;
  /** What was read about the case after locking it (materials, review tasks, fees, applicant). */
  rows: CommandRows;
  /** Hands over a write that needs no result, to be sent with the case's save (one round trip). */
  later: (write: SQLWrapper) => void;
  now: Date;
  today: string;
};

/** What an effect adds to a transition: columns, extra events, notifications, a follow-up step. */
export type EffectResult = {
  columns?: Record<string, unknown>;
  events?: NewCaseEvent[];
  eventData?: Record<string, unknown>;
  notifications?: CaseNotification[];
  /** A follow-up transition applied in the same save (acceptance → assign to review). */
  followUp?: { command: CaseCommand; review: { total: number; open: number } };
};

type Effect = (env: EffectEnv) => Promise<EffectResult>;

const toApplicant = async (
  env: EffectEnv,
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<CaseNotification> => ({
  kind,
  recipients: [applicantRecipientOf(env.c, env.rows.applicant)],
  data: caseNotificationData(env.c, extra),
});

const deadlineOf = (env: EffectEnv) => caseDeadline(env.cal, env.next, env.today)?.deadline ?? null;

/** Acceptance (also deemed acceptance): review tasks, the acceptance notice, notifications, assign. */
async function onAccepted(env: EffectEnv, deemed: boolean): Promise<EffectResult> {
  const { tx, c, cmd, now } = env;
  if (cmd.type === "accept") {
    for (const d of cmd.deferred ?? []) {
      await tx
        .update(caseMaterials)
        .set({
          status: "deferred",
          deferredDueOn: d.dueOn,
          commitmentSigned: d.commitmentSigned,
          updatedAt: now,
        })
        .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, d.materialCode)));
    }
  }
  const deadline = deadlineOf(env);
  const startDay = env.next.acceptedOn ?? env.today;
  const orgIds = await createReviewTasks(
    env.ctx,
    tx,
    c,
    env.item,
    startDay,
    deadline,
    env.cal,
    now,
    env.later,
  );
  const notice = await createNotice(
    tx,
    c,
    "acceptance",
    env.today,
    {
      acceptedOn: env.next.acceptedOn,
      limitDays: env.next.limitDays,
      deadline,
      deferred: cmd.type === "accept" ? (cmd.deferred ?? []) : [],
      deemed,
    },
    now,
    env.later,
  );
  const notifications = [await toApplicant(env, "case.accepted", { deadline, documentId: notice.id })];
  if (orgIds.length) {
    notifications.push({
      kind: "review.assigned",
      recipients: await staffRecipients(tx, orgIds, "reviewer"),
      data: caseNotificationData(c, { deadline }),
    });
  }
  if (deemed) {
    await raiseAlert(tx, {
      rule: "check_overdue",
      severity: "red",
      orgId: c.orgId,
      caseId: c.id,
      zh: `办件 ${c.number} 未在 5 个工作日内一次性告知，依法视为自收件之日起受理`,
      en: `Case ${c.number} was not checked within 5 working days and counts as accepted from receipt`,
      now,
    });
  }
  return {
    eventData: { documentId: notice.id, deadline, reviewTasks: orgIds.length },
    notifications,
    // With review tasks the case moves on to review in the same save (the `assign` row of the table).
    followUp: orgIds.length
      ? { command: { type: "assign" }, review: { total: orgIds.length, open: orgIds.length } }
      : undefined,
  };
}

/** A case closing without a result owes no fee: its unpaid assessments are voided (named in the event). */
async function closedWithoutResult(env: EffectEnv): Promise<Record<string, unknown>> {
  const voided = await voidUnpaidFees(env.tx, env.c.id);
  return voided.length ? { feesVoided: voided } : {};
}

/** A review task of this case, as read after the case was locked (404 when it belongs to another case). */
function taskOfCase(env: EffectEnv, taskId: string) {
  const task = env.rows.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound({ "zh-CN": "审查任务", "en-US": "Review task" });
  return task;
}

export const EFFECTS: Partial<Record<CaseCommandType, Effect>> = {
  ...DEFERRED_EFFECTS,
  async submit(env) {
    const checkDueOn = env.cal.addWorkingDays(env.next.receivedOn ?? env.today, CHECK_PERIOD_DAYS);
    await env.tx
      .update(caseMaterials)
      .set({ status: "provided", updatedAt: env.now })
      // Only what was actually handed in: materials still to be fetched (shared data) stay pending.
      .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.status, "pending"), hasFiles));
    const clerks = await staffInTree(env.tx, env.c.orgPath, "clerk");
    return {
      columns: { submittedAt: env.now, checkDueOn, draftExpiresAt: null },
      eventData: { checkDueOn },
      notifications: [
        await toApplicant(env, "case.submitted", { checkDueOn }),
        { kind: "case.submitted", recipients: clerks, data: caseNotificationData(env.c, { checkDueOn }) },
      ],
    };
  },

  async resubmit(env) {
    const checkDueOn = env.cal.addWorkingDays(env.next.receivedOn ?? env.today, CHECK_PERIOD_DAYS);
    await env.tx
      .update(caseMaterials)
      .set({ status: "provided", updatedAt: env.now })
      .where(
        and(
          eq(caseMaterials.caseId, env.c.id),
          inArray(caseMaterials.status, ["missing", "defective", "pending"]),
          hasFiles,
        ),
      );
    return { columns: { checkDueOn }, eventData: { checkDueOn } };
  },

  async requestCorrection(env) {
    if (env.cmd.type !== "requestCorrection") return {};
    const names = new Map(env.item.content.materials.map((m) => [m.code, m.name]));
    for (const it of env.cmd.items) {
      await env.tx
        .update(caseMaterials)
        .set({
          status: it.problem,
          note: it.note ?? null,
          checkedBy: env.actor?.userId,
          checkedAt: env.now,
          updatedAt: env.now,
        })
        .where(and(eq(caseMaterials.caseId, env.c.id), eq(caseMaterials.materialCode, it.materialCode)));
    }
    const dueOn = env.cmd.dueOn ?? env.cal.addWorkingDays(env.today, 15);
    const items = env.cmd.items.map((it) => ({ ...it, name: names.get(it.materialCode) ?? it.materialCode }));
    const notice = await createNotice(
      env.tx,
      env.c,
      "correction",
      env.today,
      { items, dueOn, round: env.next.correctionRounds },
      env.now,
      env.later,
    );
    return {
      eventData: { documentId: notice.id, items, dueOn },
      notifications: [
        await toApplicant(env, "case.correction_requested", {
          dueOn,
          count: items.length,
          reason: items.map((i) => (i.note ? `${i.name}（${i.note}）` : i.name)).join("、"),
        }),
      ],
    };
  },

  accept: (env) => onAccepted(env, false),
  deemAccepted: (env) => onAccepted(env, true),

  async refuse(env) {
    if (env.cmd.type !== "refuse") return {};
    const notice = await createNotice(
      env.tx,
      env.c,
      "refusal",
      env.today,
      { legalBasis: env.cmd.legalBasis, reason: env.cmd.reason },
      env.now,
      env.later,
    );
    return {
      columns: { completedAt: env.now },
      eventData: { documentId: notice.id, ...(await closedWithoutResult(env)) },
      notifications: [
        await toApplicant(env, "case.refused", {
          reason: `${clause(env.cmd.reason)}；依据：${clause(env.cmd.legalBasis)}`,
        }),
      ],
    };
  },

  async refer(env) {
    if (env.cmd.type !== "refer") return {};
    const [target] = await env.tx
      .select()
      .from(organizations)
      .where(eq(organizations.code, env.cmd.toOrgCode));
    if (!target) {
      throw invalid("toOrgCode", "unknown_org", {
        "zh-CN": `机构代码 ${env.cmd.toOrgCode} 不存在`,
        "en-US": `No organization with code ${env.cmd.toOrgCode}`,
      });
    }
    const referralId = await recordCaseReferral(env.tx, {
      c: env.c,
      to: target,
      reason: env.cmd.reason,
      policyReference: env.cmd.policyReference ?? env.item.content.handledBy?.reference,
      actor: env.actor,
      now: env.now,
    });
    return {
      columns: { completedAt: env.now },
      eventData: {
        toOrgId: target.id,
        toOrgName: target.name,
        referralId,
        ...(await closedWithoutResult(env)),
      },
      notifications: [await toApplicant(env, "case.referred", { reason: target.name })],
    };
  },

  async recommend(env) {
    if (env.cmd.type !== "recommend") return {};
    const task = taskOfCase(env, env.cmd.taskId);
    // Sent with the case's save: the steps opened below are other rows.
    env.later(
      env.tx
        .update(reviewTasks)
        .set({
          status: "approved",
          opinion: env.cmd.opinion,
          completedBy: env.actor?.userId,
          completedAt: env.now,
          updatedAt: env.now,
          version: task.version + 1,
        })
        .where(eq(reviewTasks.id, task.id)),
    );
    const steps = planSteps(env.item.content);
    const all = env.rows.tasks;
    const ready = stepsReadyToOpen(
      steps,
      all.map((t) => ({ stepCode: t.stepCode, status: t.id === task.id ? "approved" : t.status })),
    );
    const deadline = deadlineOf(env);
    for (const code of ready) {
      const step = steps.find((s) => s.code === code);
      if (!step) continue;
      await env.tx
        .update(reviewTasks)
        .set({
          status: "open",
          openedOn: env.today,
          dueOn: taskDueOn(step, env.today, deadline, env.cal),
          updatedAt: env.now,
        })
        .where(and(eq(reviewTasks.caseId, env.c.id), eq(reviewTasks.stepCode, code)));
    }
    const remaining = all.filter((t) => t.id !== task.id && t.status !== "approved").length;
    const notifications: CaseNotification[] = [];
    if (remaining === 0) {
      notifications.push({
        kind: "review.completed",
        recipients: await staffInTree(env.tx, env.c.orgPath, "approver"),
        data: caseNotificationData(env.c, { deadline }),
      });
    }
    return {
      eventData: { taskId: task.id, stepCode: task.stepCode, stepName: task.stepName, opened: ready },
      notifications,
    };
  },

  async sendBack(env) {
    if (env.cmd.type !== "sendBack") return {};
    const task = taskOfCase(env, env.cmd.taskId);
    // Authorized by the caller: a reviewer returning their own open task, or the approver (case:sendBack)
    // sending a finished task back for another look.
    const byApprover = task.status === "approved";
    const steps = planSteps(env.item.content);
    const targets = byApprover ? [task.stepCode] : returnTargets(steps, task.stepCode);
    const deadline = deadlineOf(env);
    for (const code of targets) {
      const step = steps.find((s) => s.code === code);
      if (!step) continue;
      await env.tx
        .update(reviewTasks)
        .set({
          status: "returned",
          claimedBy: null,
          openedOn: env.today,
          dueOn: taskDueOn(step, env.today, deadline, env.cal),
          updatedAt: env.now,
          opinion: env.cmd.opinion,
        })
        .where(and(eq(reviewTasks.caseId, env.c.id), eq(reviewTasks.stepCode, code)));
    }
    if (!targets.includes(task.stepCode)) {
      await env.tx
        .update(reviewTasks)
        .set({ status: "waiting", claimedBy: null, updatedAt: env.now })
        .where(eq(reviewTasks.id, task.id));
    }
    await env.tx
      .update(reviewTasks)
      .set({ returns: task.returns + 1 })
      .where(eq(reviewTasks.id, task.id));
    if (env.next.returnsCount >= 2) {
      await raiseAlert(env.tx, {
        rule: "ping_pong",
        severity: "yellow",
        orgId: env.c.orgId,
        caseId: env.c.id,
        zh: `办件 ${env.c.number} 已在部门间退回 ${env.next.returnsCount} 次（不扯）`,
        en: `Case ${env.c.number} has been returned between departments ${env.next.returnsCount} times`,
        now: env.now,
      });
    }
    return {
      eventData: { taskId: task.id, stepCode: task.stepCode, targets, returnsCount: env.next.returnsCount },
    };
  },

  async suspend(env) {
    if (env.cmd.type !== "suspend") return {};
    const notice = await createNotice(
      env.tx,
      env.c,
      "special_procedure",
      env.today,
      { kind: env.cmd.kind, reason: env.cmd.reason, expectedDays: env.cmd.expectedDays },
      env.now,
      env.later,
    );
    return {
      eventData: { documentId: notice.id },
      notifications: [
        await toApplicant(env, "case.suspended", {
          reason: env.cmd.reason,
          expectedDays: env.cmd.expectedDays,
        }),
      ],
    };
  },

  async resume(env) {
    const deadline = deadlineOf(env);
    return { eventData: { deadline }, notifications: [await toApplicant(env, "case.resumed", { deadline })] };
  },

  async extend(env) {
    if (env.cmd.type !== "extend") return {};
    const deadline = deadlineOf(env);
    // The deadline before the extension: the same clock without this command's extra days.
    const originalDeadline =
      caseDeadline(env.cal, { ...env.next, extensionDays: env.c.extensionDays }, env.today)?.deadline ?? null;
    const notice = await createNotice(
      env.tx,
      env.c,
      "extension",
      env.today,
      { days: env.cmd.days, reason: env.cmd.reason, originalDeadline, deadline },
      env.now,
      env.later,
    );
    return {
      eventData: { documentId: notice.id, deadline },
      notifications: [await toApplicant(env, "case.extended", { reason: env.cmd.reason, deadline })],
    };
  },

  async decide(env) {
    if (env.cmd.type !== "decide") return {};
    // The notice fits the kind of item: 准予/不予行政许可决定书, 登记结果告知书, 办理结果告知书 … (NOTICE_TEMPLATES).
    const kind = decisionNoticeKind(env.item.content.kind, env.cmd.outcome);
    const notice = await createNotice(
      env.tx,
      env.c,
      kind,
      env.today,
      { outcome: env.cmd.outcome, reasons: env.cmd.reasons },
      env.now,
      env.later,
    );
    return {
      eventData: { documentId: notice.id },
      notifications: [
        await toApplicant(env, "case.decided", {
          outcome: env.cmd.outcome,
          reason: env.cmd.reasons,
          document: noticeTitle(kind),
        }),
      ],
    };
  },

  async issue(env) {
    await issueCertificatesForCase(env);
    return { columns: { completedAt: env.now }, notifications: [await toApplicant(env, "case.completed")] };
  },
  async complete(env) {
    return {
      columns: { completedAt: env.now },
      eventData: await closedWithoutResult(env),
      notifications: [await toApplicant(env, "case.completed")],
    };
  },
  async withdraw(env) {
    const note = [await toApplicant(env, "case.withdrawn")];
    // Open review work ends unfinished: cancelled, never counted as approved (nobody reviewed it).
    const cancelled = env.rows.tasks.filter((t) => UNFINISHED_TASK_STATUSES.includes(t.status));
    if (cancelled.length) {
      env.later(
        env.tx
          .update(reviewTasks)
          .set({
            status: "cancelled",
            completedAt: env.now,
            updatedAt: env.now,
            version: sql`${reviewTasks.version} + 1`,
          })
          .where(
            inArray(
              reviewTasks.id,
              cancelled.map((t) => t.id),
            ),
          ),
      );
    }
    return {
      columns: { completedAt: env.now },
      eventData: {
        cancelledTasks: cancelled.map((t) => ({ taskId: t.id, stepName: t.stepName, was: t.status })),
        ...(await closedWithoutResult(env)),
      },
      notifications: note,
    };
  },
};
