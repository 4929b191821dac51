import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  cases,
  evaluationInvitations,
  evaluations,
  organizations,
  rectifications,
  roleMemberships,
  users,
} from "../../db/schema";
import { invalid, notFound, versionConflict, YizhanError } from "../../domain/errors";
import { invitationState, type Level, rectificationDueDates } from "../../domain/evaluations/evaluation";
import { maskPersonalText } from "../../domain/rules/maskText";
import type { TRectification } from "../../shared/api/evaluations";
import type { TUpdateRectification } from "../../shared/api/requests/evaluations";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import type { LoadedCase } from "../cases/caseRows";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { caseNotificationData, dispatchNotifications } from "../notifications/recipients";
import { can } from "../policies/registry";
import { RECTIFICATION } from "./errors";
import { createInvitation, invitationNotification, shanghaiDate } from "./invitations";
import { evaluationScope } from "./scope";
import { settingsFor } from "./settings";

export type RectificationRow = typeof rectifications.$inferSelect;

/**
 * The person responsible for a rectification: a supervisor (股负责人 / 电子监察) of the case's
 * organization tree — the deepest one (closest to the implementing office), the earliest account first;
 * null when the tree has none (the rectification is then anyone's of the supervisors above).
 */
async function responsibleFor(tx: Tx, orgPath: string): Promise<string | null> {
  const [row] = await tx
    .select({ userId: roleMemberships.userId })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(
      and(
        eq(roleMemberships.role, "supervisor"),
        eq(users.active, true),
        sql`(${organizations.path} like ${`${orgPath}%`} or ${orgPath} like ${organizations.path} || '%')`,
      ),
    )
    .orderBy(desc(sql`length(${organizations.path})`), asc(users.createdAt))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * Opens the rectification of a bad rating (in the rating's transaction): responsible person, callback
 * due in 1 working day and rectification in 15 (the organization's settings), and a message to the
 * responsible person.
 */
export async function openRectification(
  ctx: AppContext,
  tx: Tx,
  c: LoadedCase,
  evaluationId: string,
  now: Date,
): Promise<string> {
  const cal = await calendarFor(ctx, c.orgId, tx);
  const { today } = localDates(cal, now);
  const settings = await settingsFor(tx, c.orgPath);
  const due = rectificationDueDates(cal, today, settings);
  const responsibleUserId = await responsibleFor(tx, c.orgPath);
  const [r] = await tx
    .insert(rectifications)
    .values({
      evaluationId,
      caseId: c.id,
      orgId: c.orgId,
      status: "callback_due",
      responsibleUserId,
      ...due,
      createdAt: now,
    })
    .returning({ id: rectifications.id });
  if (responsibleUserId)
    await dispatchNotifications(
      tx,
      c,
      [
        {
          kind: "rectification.opened",
          recipients: [{ userId: responsibleUserId }],
          data: caseNotificationData(c, { deadline: due.callbackDueOn, link: "/supervision/evaluations" }),
        },
      ],
      now,
    );
  return r.id;
}

/** Which deadline of an open rectification has passed on `today` (null when none). */
export function overdueOf(r: RectificationRow, today: string): "callback" | "rectification" | null {
  if (r.status === "callback_due" && r.callbackDueOn < today) return "callback";
  if ((r.status === "callback_due" || r.status === "rectifying") && r.rectifyDueOn < today)
    return "rectification";
  return null;
}

const listColumns = {
  r: rectifications,
  caseNumber: cases.number,
  itemName: cases.itemName,
  orgName: organizations.name,
  orgPath: organizations.path,
  applicantId: cases.applicantId,
  createdBy: cases.createdBy,
  handlingType: cases.handlingType,
  e: {
    id: evaluations.id,
    level: evaluations.level,
    stage: evaluations.stage,
    comment: evaluations.comment,
    tags: evaluations.tags,
    submittedAt: evaluations.submittedAt,
    appealStatus: evaluations.appealStatus,
    appealReason: evaluations.appealReason,
  },
  responsibleName: users.displayName,
};

type ListRow = {
  r: RectificationRow;
  caseNumber: string;
  itemName: string;
  orgName: string;
  orgPath: string;
  applicantId: string;
  createdBy: string;
  handlingType: "immediate" | "promised";
  e: {
    id: string;
    level: string;
    stage: "acceptance" | "completion" | "follow_up";
    comment: string | null;
    tags: string[];
    submittedAt: Date;
    appealStatus: "none" | "pending" | "upheld" | "dismissed";
    appealReason: string | null;
  };
  responsibleName: string | null;
};

function rectificationQuery(tx: Tx | AppContext["database"]["db"]) {
  return tx
    .select(listColumns)
    .from(rectifications)
    .innerJoin(evaluations, eq(evaluations.id, rectifications.evaluationId))
    .innerJoin(cases, eq(cases.id, rectifications.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .leftJoin(users, eq(users.id, rectifications.responsibleUserId));
}

/** May the actor record the callback and the outcome: the responsible person or a supervisor of the tree. */
function mayManage(actor: Actor, row: ListRow): boolean {
  return (
    actor.userId === row.r.responsibleUserId ||
    can(actor, "manageRectification", "case", {
      orgPath: row.orgPath,
      applicantId: row.applicantId,
      createdBy: row.createdBy,
      handlingType: row.handlingType,
      reviewOrgPaths: [],
    })
  );
}

async function present(
  db: AppContext["database"]["db"] | Tx,
  actor: Actor,
  rows: ListRow[],
  today: string,
  now: Date,
): Promise<TRectification[]> {
  const followIds = rows.flatMap((r) => (r.r.followUpInvitationId ? [r.r.followUpInvitationId] : []));
  const follow = followIds.length
    ? await db
        .select({ i: evaluationInvitations, level: evaluations.level })
        .from(evaluationInvitations)
        .leftJoin(evaluations, eq(evaluations.invitationId, evaluationInvitations.id))
        .where(inArray(evaluationInvitations.id, followIds))
    : [];
  return rows.map((row) => {
    const f = follow.find((x) => x.i.id === row.r.followUpInvitationId);
    const manage = mayManage(actor, row);
    return {
      id: row.r.id,
      version: row.r.version,
      status: row.r.status,
      caseId: row.r.caseId,
      caseNumber: row.caseNumber,
      itemName: row.itemName,
      orgName: row.orgName,
      evaluation: {
        id: row.e.id,
        level: row.e.level as Level,
        stage: row.e.stage,
        comment: row.e.comment ? maskPersonalText(row.e.comment) : null,
        tags: row.e.tags,
        submittedAt: row.e.submittedAt.toISOString(),
        appealStatus: row.e.appealStatus,
        appealReason: row.e.appealReason,
      },
      responsible: row.r.responsibleUserId
        ? { id: row.r.responsibleUserId, displayName: row.responsibleName ?? "" }
        : null,
      callbackDueOn: row.r.callbackDueOn,
      rectifyDueOn: row.r.rectifyDueOn,
      callbackAt: row.r.callbackAt?.toISOString() ?? null,
      callbackNote: row.r.callbackNote,
      outcome: row.r.outcome,
      rectifiedAt: row.r.rectifiedAt?.toISOString() ?? null,
      overdue: overdueOf(row.r, today),
      followUp: f ? { state: invitationState(f.i, now), level: (f.level as Level | null) ?? null } : null,
      createdAt: row.r.createdAt.toISOString(),
      abilities: {
        callback: manage && row.r.status === "callback_due",
        rectify: manage && row.r.status === "rectifying",
      },
    };
  });
}

/**
 * The rectifications the actor follows (listRectifications): supervisors of the organization tree
 * and the responsible person; open ones first, then the latest.
 */
export async function listRectifications(
  ctx: AppContext,
  actor: Actor,
  filter: { status?: "open" | "closed" },
): Promise<{ items: TRectification[] }> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const cal = await calendarFor(ctx, null);
  const { today } = localDates(cal, now);
  const scope = sql`(${evaluationScope(actor, ["supervisor", "admin"])} or ${rectifications.responsibleUserId} = ${actor.userId})`;
  const status =
    filter.status === "open"
      ? inArray(rectifications.status, ["callback_due", "rectifying"])
      : filter.status === "closed"
        ? inArray(rectifications.status, ["rectified", "void"])
        : undefined;
  const rows = (await rectificationQuery(db)
    .where(and(scope, status))
    .orderBy(
      sql`case when ${rectifications.status} in ('callback_due', 'rectifying') then 0 else 1 end`,
      desc(rectifications.createdAt),
    )
    .limit(200)) as ListRow[];
  return { items: await present(db, actor, rows, today, now) };
}

/**
 * Records a step of a rectification (updateRectification): the callback (回访) with what the applicant
 * said, then the outcome (整改结果), which sends the applicant a follow-up invitation (a new rating;
 * the first stays as it was). Optimistic version (409); each step is an event on the case.
 */
export async function updateRectification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TUpdateRectification,
): Promise<TRectification> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const text = input.action === "callback" ? input.note : input.outcome;
  if (!text) {
    const field = input.action === "callback" ? "note" : "outcome";
    throw invalid(field, "required", {
      "zh-CN": input.action === "callback" ? "请填写回访情况" : "请填写整改结果",
      "en-US": input.action === "callback" ? "Say what the callback found" : "Say what was put right",
    });
  }
  const [pre] = (await rectificationQuery(db).where(eq(rectifications.id, id))) as ListRow[];
  if (!pre) throw notFound(RECTIFICATION);
  if (!mayManage(actor, pre)) {
    const scope = await db
      .select({ id: rectifications.id })
      .from(rectifications)
      .innerJoin(cases, eq(cases.id, rectifications.caseId))
      .innerJoin(organizations, eq(organizations.id, cases.orgId))
      .where(and(eq(rectifications.id, id), evaluationScope(actor, ["clerk", "approver", "helper"])));
    if (!scope.length) throw notFound(RECTIFICATION);
    throw new YizhanError("forbidden", 403, {
      "zh-CN": "只有整改责任人或监察负责人可以登记回访和整改结果",
      "en-US": "Only the responsible person or a supervisor may record the callback and the outcome",
    });
  }
  await db.transaction(async (tx) => {
    await changeCase(tx, actor, pre.r.caseId, {
      change: input.action === "callback" ? "recordRectificationCallback" : "recordRectificationOutcome",
      action: null,
      now,
      apply: async (c) => {
        const [r] = await tx.select().from(rectifications).where(eq(rectifications.id, id)).for("update");
        if (r.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, r.version);
        if (input.action === "callback") {
          if (r.status !== "callback_due") throw stepRefused(r.status);
          await tx
            .update(rectifications)
            .set({
              status: "rectifying",
              callbackAt: now,
              callbackNote: text,
              callbackBy: actor.userId,
              version: r.version + 1,
            })
            .where(eq(rectifications.id, id));
          return { result: null, data: { rectificationId: id, note: text } };
        }
        if (r.status !== "rectifying") throw stepRefused(r.status);
        const cal = await calendarFor(ctx, c.orgId, tx);
        const { today } = localDates(cal, now);
        const made = await createInvitation(tx, c.id, "follow_up", now, today);
        await tx
          .update(rectifications)
          .set({
            status: "rectified",
            outcome: text,
            rectifiedAt: now,
            rectifiedBy: actor.userId,
            followUpInvitationId: made?.invitation.id ?? null,
            version: r.version + 1,
          })
          .where(eq(rectifications.id, id));
        if (made) {
          const [account] = await tx
            .select({ locale: users.locale, email: users.email })
            .from(users)
            .where(eq(users.id, c.applicantId));
          const n = invitationNotification(
            c,
            account ?? null,
            "evaluation.follow_up",
            made.token,
            shanghaiDate(made.invitation.closesAt),
          );
          n.data.reason = text;
          await dispatchNotifications(tx, c, [n], now);
        }
        return {
          result: null,
          data: {
            rectificationId: id,
            outcome: text,
            followUpInvitationId: made?.invitation.id ?? null,
          },
        };
      },
    });
  });
  const cal = await calendarFor(ctx, null);
  const [row] = (await rectificationQuery(db).where(eq(rectifications.id, id))) as ListRow[];
  return (await present(db, actor, [row], localDates(cal, now).today, now))[0];
}

function stepRefused(status: string) {
  return new YizhanError(
    "invalid_transition",
    409,
    status === "callback_due"
      ? { "zh-CN": "请先登记回访，再登记整改结果", "en-US": "Record the callback before the outcome" }
      : status === "rectifying"
        ? { "zh-CN": "回访已登记", "en-US": "The callback is already recorded" }
        : { "zh-CN": "该整改已结束", "en-US": "This rectification is closed" },
  );
}
