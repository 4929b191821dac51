/**
 * Inquiries (咨询, 首问负责制): recording, claiming, answering, handing over and publishing as FAQ.
 * Each command runs in one transaction with the inquiry row locked and checks the version the caller
 * read (409 on a stale one). Inquiries are not cases: the case runner is not involved.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../../db/client";
import {
  inquiries,
  organizations,
  roleMemberships,
  serviceItems,
  supervisionAlerts,
  users,
} from "../../db/schema";
import { workingMinutesBetween } from "../../domain/calendar/workingHours";
import { invalid, notFound, versionConflict, YizhanError } from "../../domain/errors";
import { faqText, inquiryStatusProblem, isContact } from "../../domain/inquiries/rules";
import { containsPersonalIdentifier } from "../../domain/rules/maskText";
import type {
  ZAnswerInquiry,
  ZCreateInquiry,
  ZHandOverInquiry,
  ZPublishInquiryFaq,
} from "../../shared/api/requests/inquiries";
import type { Actor, Role } from "../actor";
import { resolveAlerts } from "../alerts/raiseAlert";
import { calendarFor } from "../calendar/access";
import { newQueryCode } from "../cases/commands/numbers";
import type { AppContext } from "../context";
import { authorize, can } from "../policies";
import { rootPath } from "./policy";
import { type InquiryRow, policyRecord } from "./present";

export const INQUIRY = { "zh-CN": "咨询", "en-US": "Inquiry" };
/** The alert rule of a question unanswered after one working day (subject: the inquiry, as task id). */
export const INQUIRY_ALERT_RULE = "inquiry_unanswered";
/** Staff roles that may record a question and own it (the first responder). */
export const RESPONDER_ROLES: Role[] = ["clerk", "supervisor", "helper", "reviewer", "approver"];

export type TCreateInquiry = z.infer<typeof ZCreateInquiry>;

const isStaff = (a: Actor | null): a is Actor => a?.kind === "staff";

async function findItem(ex: Tx | AppContext["database"]["db"], code: string) {
  const [item] = await ex
    .select({
      id: serviceItems.id,
      name: serviceItems.name,
      orgId: serviceItems.orgId,
      code: serviceItems.code,
    })
    .from(serviceItems)
    .where(and(eq(serviceItems.code, code), eq(serviceItems.active, true)));
  if (!item)
    throw invalid("itemCode", "unknown_item", {
      "zh-CN": `事项 ${code} 不存在`,
      "en-US": `No item ${code}`,
    });
  return item;
}

/**
 * Records a question. Staff (window or phone) become its owner, the first responder (首问负责).
 * The public asks online without an account: the question goes to the window of the item's
 * organization tree unowned until a clerk claims it. Either way the asker gets a query code.
 */
export async function createInquiry(ctx: AppContext, actor: Actor | null, input: TCreateInquiry) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const staff = isStaff(actor);
  let channel = input.channel;
  if (staff) {
    if (!channel || channel === "online")
      throw invalid("channel", "staff_channel", {
        "zh-CN": "工作人员登记的咨询渠道须为窗口或电话",
        "en-US": "Staff record questions asked at the window or by phone",
      });
  } else {
    if (channel && channel !== "online")
      throw invalid("channel", "public_channel", {
        "zh-CN": "网上咨询的渠道只能是网上",
        "en-US": "Questions asked online have the channel online",
      });
    channel = "online";
    if (!input.itemCode)
      throw invalid("itemCode", "required", {
        "zh-CN": "请选择所咨询的事项",
        "en-US": "Choose the service item the question is about",
      });
  }
  if (input.askerContact && !isContact(input.askerContact))
    throw invalid("askerContact", "invalid_contact", {
      "zh-CN": "联系方式须为电话号码或电子邮箱",
      "en-US": "The contact must be a phone number or an e-mail address",
    });
  const item = input.itemCode ? await findItem(db, input.itemCode) : null;

  let orgId: string;
  let ownerId: string | null = null;
  if (staff) {
    const m =
      actor.memberships.find((x) => x.role === "clerk" && x.orgId) ??
      actor.memberships.find((x) => RESPONDER_ROLES.includes(x.role) && x.orgId);
    if (!m?.orgId)
      throw new YizhanError("forbidden", 403, {
        "zh-CN": "只有窗口和科室工作人员可以登记咨询",
        "en-US": "Only the window's and sections' staff record inquiries",
      });
    orgId = m.orgId;
    ownerId = actor.userId;
  } else {
    orgId = (item as NonNullable<typeof item>).orgId;
  }
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const [row] = await db
    .insert(inquiries)
    .values({
      orgId,
      orgPath: org.path,
      channel,
      status: ownerId ? "open" : "unclaimed",
      question: input.question,
      askerName: input.askerName || null,
      askerContact: input.askerContact || null,
      askerUserId: actor && actor.kind !== "staff" ? actor.userId : null,
      itemCode: item?.code ?? null,
      itemName: item?.name ?? null,
      policyReference: input.policyReference || null,
      queryCode: newQueryCode(),
      ownerId,
      recordedBy: staff ? actor.userId : null,
      askedAt: now,
      claimedAt: ownerId ? now : null,
    })
    .returning();
  return row;
}

/** Locks the inquiry and checks the caller may read it (404 otherwise, so its existence is not disclosed). */
async function lockInquiry(tx: Tx, actor: Actor, id: string): Promise<InquiryRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(INQUIRY);
  const [r] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for("update");
  if (!r || !can(actor, "read", "inquiry", policyRecord(r))) throw notFound(INQUIRY);
  return r;
}

function checkVersion(r: InquiryRow, expected: number) {
  if (expected !== r.version) throw versionConflict(expected, r.version);
}

function statusGuard(r: InquiryRow, action: "claim" | "answer" | "handOver" | "publishFaq") {
  const problem = inquiryStatusProblem(r.status, action);
  if (problem) throw new YizhanError("invalid_transition", 409, problem);
}

/** A clerk of the tree takes an unowned online question: from now on she owns it (首问负责). */
export async function claimInquiry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = await lockInquiry(tx, actor, id);
    statusGuard(r, "claim");
    authorize(actor, "claim", "inquiry", policyRecord(r));
    checkVersion(r, input.expectedVersion);
    const [next] = await tx
      .update(inquiries)
      .set({ ownerId: actor.userId, status: "open", claimedAt: now, version: r.version + 1 })
      .where(eq(inquiries.id, r.id))
      .returning();
    return next;
  });
}

/**
 * The owner (or the supervisor) answers. The time to answer counts office hours on working days of
 * the office's calendar (08:30–12:00, 14:30–17:30); the unanswered alert, if raised, is resolved.
 */
export async function answerInquiry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZAnswerInquiry>,
) {
  const now = ctx.clock.now();
  const item = input.itemCode ? await findItem(ctx.database.db, input.itemCode) : null;
  return ctx.database.db.transaction(async (tx) => {
    const r = await lockInquiry(tx, actor, id);
    statusGuard(r, "answer");
    authorize(actor, "answer", "inquiry", policyRecord(r));
    checkVersion(r, input.expectedVersion);
    const cal = await calendarFor(ctx, r.orgId, tx);
    const [next] = await tx
      .update(inquiries)
      .set({
        status: "answered",
        answer: input.answer,
        answeredBy: actor.userId,
        answeredAt: now,
        ownerId: r.ownerId ?? actor.userId,
        claimedAt: r.claimedAt ?? now,
        workingMinutesToAnswer: workingMinutesBetween(cal, r.askedAt, now),
        itemCode: item?.code ?? r.itemCode,
        itemName: item?.name ?? r.itemName,
        policyReference: input.policyReference || r.policyReference,
        version: r.version + 1,
      })
      .where(eq(inquiries.id, r.id))
      .returning();
    await resolveAlerts(
      tx,
      now,
      and(
        eq(supervisionAlerts.rule, INQUIRY_ALERT_RULE),
        eq(supervisionAlerts.taskId, r.id),
        isNull(supervisionAlerts.resolvedAt),
      ),
    );
    return next;
  });
}

/**
 * Colleagues an inquiry may be handed to: active staff holding a responder role in the same
 * organization tree (the same bureau: its window and sections), the current owner excepted.
 */
export async function reachableColleagues(ex: Tx | AppContext["database"]["db"], r: InquiryRow) {
  const rows = await ex
    .selectDistinct({ id: users.id, name: users.displayName, orgName: organizations.name })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(
      and(
        eq(users.kind, "staff"),
        eq(users.active, true),
        inArray(roleMemberships.role, RESPONDER_ROLES),
        sql`${organizations.path} like ${`${rootPath(r.orgPath)}%`}`,
      ),
    )
    .orderBy(users.displayName);
  const seen = new Set<string>();
  return rows.filter((c) => c.id !== r.ownerId && !seen.has(c.id) && seen.add(c.id));
}

/**
 * Hands the question to a named colleague with a reason (首问负责: never dropped, only handed on):
 * the colleague owns it from now on; the handover is kept with from, to, reason and time.
 */
export async function handOverInquiry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZHandOverInquiry>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = await lockInquiry(tx, actor, id);
    statusGuard(r, "handOver");
    authorize(actor, "handOver", "inquiry", policyRecord(r));
    checkVersion(r, input.expectedVersion);
    if (input.toUserId === r.ownerId)
      throw invalid("toUserId", "same_owner", {
        "zh-CN": "不能转交给当前负责人本人",
        "en-US": "The colleague already owns the inquiry",
      });
    const to = (await reachableColleagues(tx, r)).find((c) => c.id === input.toUserId);
    if (!to)
      throw invalid("toUserId", "not_reachable", {
        "zh-CN": "只能转交给本机构（同一系统内）在岗的工作人员",
        "en-US": "Hand over only to active staff of the same office tree",
      });
    const [from] = r.ownerId
      ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, r.ownerId))
      : [];
    const [next] = await tx
      .update(inquiries)
      .set({
        ownerId: to.id,
        status: "open",
        claimedAt: r.claimedAt ?? now,
        handovers: [
          ...r.handovers,
          {
            fromId: r.ownerId ?? actor.userId,
            fromName: from?.name ?? actor.displayName,
            toId: to.id,
            toName: to.name,
            reason: input.reason,
            at: now.toISOString(),
          },
        ],
        version: r.version + 1,
      })
      .where(eq(inquiries.id, r.id))
      .returning();
    return next;
  });
}

/**
 * Publishes an answered question to its item's guide as FAQ: the texts (as asked and answered, or as
 * edited) with personal data removed — ID numbers, phones, e-mails, the asker's name and contact.
 */
export async function publishInquiryFaq(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZPublishInquiryFaq>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = await lockInquiry(tx, actor, id);
    statusGuard(r, "publishFaq");
    if (!r.itemCode)
      throw invalid("itemCode", "required", {
        "zh-CN": "发布为常见问题前须关联事项",
        "en-US": "Link the inquiry to an item before publishing it as FAQ",
      });
    authorize(actor, "publishFaq", "inquiry", policyRecord(r));
    checkVersion(r, input.expectedVersion);
    const own = [r.askerName, r.askerContact];
    const question = faqText(input.question ?? r.question, own);
    const answer = faqText(input.answer ?? r.answer ?? "", own);
    if (containsPersonalIdentifier(question) || containsPersonalIdentifier(answer))
      throw invalid("question", "contains_personal_data", {
        "zh-CN": "常见问题不得包含个人身份信息",
        "en-US": "An FAQ must not contain personal identifiers",
      });
    const [next] = await tx
      .update(inquiries)
      .set({
        faqQuestion: question,
        faqAnswer: answer,
        faqPublishedAt: now,
        faqPublishedBy: actor.userId,
        version: r.version + 1,
      })
      .where(eq(inquiries.id, r.id))
      .returning();
    return next;
  });
}
