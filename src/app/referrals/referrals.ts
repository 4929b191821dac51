import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../../db/client";
import {
  type ApplicantSnapshot,
  organizations,
  type ReferralProgress,
  referrals,
  users,
} from "../../db/schema";
import { forbidden, invalid, notFound, versionConflict, YizhanError } from "../../domain/errors";
import { referralProgressProblem } from "../../domain/referrals/referralRules";
import { maskIdentifier, maskPhone } from "../../domain/rules/identifiers";
import type { TReferral } from "../../shared/api/referrals";
import type { ZRegisterReferral, ZReportReferralProgress } from "../../shared/api/requests/referrals";
import { type Actor, hasRole, orgPathsWithRole } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import type { LoadedCase } from "../cases/caseRows";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import type { AppContext } from "../context";
import { enqueueNotification } from "../notifications/notify";
import { identifierFields, recordPersonalDataRead } from "../pii/readLog";
import { abilities, authorize, can } from "../policies";
import { relatedTo } from "../policies/cases";

const REFERRAL = { "zh-CN": "转办", "en-US": "Referral" };
type Row = typeof referrals.$inferSelect;
type Org = typeof organizations.$inferSelect;

const firstNote = (actor: Actor | null, now: Date, note: string): ReferralProgress => ({
  status: "sent",
  note,
  at: now.toISOString(),
  actorId: actor?.userId ?? null,
  actorName: actor?.displayName ?? "系统",
});

/**
 * Creates the referral record when a case is referred (转办, 行政许可法 Art. 32: outside competence →
 * point to the right body): the applicant's details as filed and the policy reference go with it.
 * Called from the `refer` effect in the case's transaction.
 */
export async function recordCaseReferral(
  tx: Tx,
  r: {
    c: LoadedCase;
    to: Org;
    reason: string;
    policyReference?: string | null;
    actor: Actor | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(referrals)
    .values({
      caseId: r.c.id,
      caseNumber: r.c.number,
      itemCode: r.c.itemCode,
      itemName: r.c.itemName,
      fromOrgId: r.c.orgId,
      toOrgId: r.to.id,
      applicantId: r.c.applicantId,
      applicant: r.c.applicant,
      details: { formData: r.c.formData, title: r.c.title, agent: r.c.agent },
      reason: r.reason,
      policyReference: r.policyReference ?? "",
      status: "sent",
      progress: [firstNote(r.actor, r.now, r.reason)],
      referredBy: r.actor?.userId ?? null,
      referredAt: r.now,
      lastProgressAt: r.now,
    })
    .returning({ id: referrals.id });
  return row.id;
}

/**
 * The window registers a matter that another body handles (设施农业用地备案: townships since 2020) only
 * to refer it: no case of the bureau is opened; the referral carries the applicant's details and the
 * item's `handledBy` policy reference to one of the bodies the item names (不推).
 */
export async function registerReferral(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof ZRegisterReferral>,
) {
  authorize(actor, "workbench", "global", null);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const { today } = localDates(await calendarFor(ctx, null), now);
  const version = await resolveEffectiveVersion(db, input.itemCode, today);
  if (!version)
    throw invalid("itemCode", "unknown_item", {
      "zh-CN": `事项 ${input.itemCode} 不存在`,
      "en-US": `No item ${input.itemCode}`,
    });
  const handledBy = version.content.handledBy;
  if (!handledBy)
    throw invalid("itemCode", "not_referrable", {
      "zh-CN": `“${version.content.name}”由本局办理，请直接受理`,
      "en-US": `"${version.content.name}" is handled here; file it as an application`,
    });
  if (!handledBy.orgCodes?.includes(input.toOrgCode))
    throw invalid("toOrgCode", "not_competent", {
      "zh-CN": `${input.toOrgCode} 不是办理“${version.content.name}”的机构`,
      "en-US": `${input.toOrgCode} does not handle "${version.content.name}"`,
    });
  const [to] = await db.select().from(organizations).where(eq(organizations.code, input.toOrgCode));
  const [u] = await db.select().from(users).where(eq(users.id, input.applicantId));
  if (!to)
    throw invalid("toOrgCode", "unknown_org", { "zh-CN": "机构不存在", "en-US": "No such organization" });
  if (!u || u.kind === "staff")
    throw invalid("applicantId", "not_applicant", {
      "zh-CN": "申请人不存在",
      "en-US": "No such applicant account",
    });
  // Only a window of the item's own organization tree refers it: another county's window sends nothing
  // to this county's townships (test/integration/authz).
  const [itemOrg] = await db
    .select({ path: organizations.path })
    .from(organizations)
    .where(eq(organizations.id, version.orgId));
  if (!itemOrg || !relatedTo(actor, itemOrg.path, "clerk")) throw forbidden("refer another bureau's item");
  const fromOrgId = actor.memberships.find((m) => m.role === "clerk")?.orgId ?? version.orgId;
  const reason = input.reason ?? `“${version.content.name}”自 ${handledBy.since} 起由${to.name}办理，转办`;
  const applicant: ApplicantSnapshot = {
    kind: u.kind as "person" | "enterprise",
    name: u.displayName,
    idNumber: u.idNumber,
    creditCode: u.creditCode,
    legalRepresentative: u.legalRepresentative,
    phone: u.phone,
    email: u.email,
    address: u.address,
  };
  const [row] = await db
    .insert(referrals)
    .values({
      itemCode: version.itemCode,
      itemName: version.content.name,
      fromOrgId,
      toOrgId: to.id,
      applicantId: u.id,
      applicant,
      details: { formData: input.details },
      reason,
      policyReference: handledBy.reference,
      status: "sent",
      progress: [firstNote(actor, now, reason)],
      referredBy: actor.userId,
      referredAt: now,
      lastProgressAt: now,
    })
    .returning();
  return getReferral(ctx, actor, row.id);
}

async function orgsOf(ex: Tx | AppContext["database"]["db"], rows: Row[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.fromOrgId, r.toOrgId]))];
  const list = ids.length ? await ex.select().from(organizations).where(inArray(organizations.id, ids)) : [];
  return new Map(list.map((o) => [o.id, o]));
}

function policyRecord(r: Row, orgs: Map<string, Org>) {
  return {
    fromOrgPath: orgs.get(r.fromOrgId)?.path ?? "",
    toOrgPath: orgs.get(r.toOrgId)?.path ?? "",
    applicantId: r.applicantId,
    status: r.status,
  };
}

function present(actor: Actor, r: Row, orgs: Map<string, Org>): TReferral {
  const rec = policyRecord(r, orgs);
  const full = can(actor, "seePersonalData", "referral", rec);
  const a = r.applicant;
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemCode: r.itemCode,
    itemName: r.itemName,
    fromOrgName: orgs.get(r.fromOrgId)?.name ?? "",
    toOrgCode: orgs.get(r.toOrgId)?.code ?? "",
    toOrgName: orgs.get(r.toOrgId)?.name ?? "",
    applicant: {
      kind: a.kind,
      name: a.name,
      creditCode: a.creditCode ?? null,
      idNumber: a.idNumber ? (full ? a.idNumber : maskIdentifier(a.idNumber)) : null,
      phone: a.phone ? (full ? a.phone : maskPhone(a.phone)) : null,
      address: full ? (a.address ?? null) : null,
    },
    details: full ? r.details : {},
    reason: r.reason,
    policyReference: r.policyReference,
    status: r.status,
    progress: r.progress,
    referredAt: r.referredAt.toISOString(),
    lastProgressAt: r.lastProgressAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    version: r.version,
    abilities: abilities(actor, "referral", rec),
  };
}

/** One referral the actor may read (404 otherwise, so its existence is not disclosed). */
export async function getReferral(ctx: AppContext, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(REFERRAL);
  const [r] = await ctx.database.db.select().from(referrals).where(eq(referrals.id, id));
  if (!r) throw notFound(REFERRAL);
  const orgs = await orgsOf(ctx.database.db, [r]);
  if (!can(actor, "read", "referral", policyRecord(r, orgs))) throw notFound(REFERRAL);
  await recordReferralReads(ctx, actor, [r], orgs);
  return present(actor, r, orgs);
}

/** Referrals whose applicant's identifiers the actor is shown whole are recorded (issue 16 point 8). */
async function recordReferralReads(ctx: AppContext, actor: Actor, rows: Row[], orgs: Map<string, Org>) {
  for (const r of rows)
    if (can(actor, "seePersonalData", "referral", policyRecord(r, orgs)))
      await recordPersonalDataRead(ctx.database.db, actor, ctx.clock.now(), {
        applicantId: r.applicantId,
        applicantLabel: r.applicant.name,
        orgPath: orgs.get(r.fromOrgId)?.path ?? null,
        via: "referral",
        caseId: r.caseId ?? undefined,
        caseNumber: r.caseNumber ?? undefined,
        referralId: r.id,
        fields: identifierFields(r.applicant),
      });
}

/**
 * Referrals the actor follows: the receiving body's inbox (partner), the window's referrals (clerk,
 * supervisor), the applicant's own. Open ones first; `open` limits to those not done.
 */
export async function listReferrals(ctx: AppContext, actor: Actor, q: { open?: boolean } = {}) {
  const paths = orgPathsWithRole(actor, "partner", "clerk", "supervisor", "helper", "admin");
  if (paths.length === 0 && !hasRole(actor, "applicant")) authorize(actor, "partnerDesk", "global", null);
  const toPath = sql`(select path from ${organizations} where id = ${referrals.toOrgId})`;
  const fromPath = sql`(select path from ${organizations} where id = ${referrals.fromOrgId})`;
  const rows = await ctx.database.db
    .select()
    .from(referrals)
    .where(
      and(
        or(
          eq(referrals.applicantId, actor.userId),
          ...paths.flatMap((p) => [
            sql`${toPath} like ${`${p}%`}`,
            sql`${fromPath} like ${`${p}%`}`,
            sql`${p} like ${fromPath} || '%'`,
          ]),
        ),
        q.open ? sql`${referrals.status} <> 'done'` : undefined,
      ),
    )
    .orderBy(sql`${referrals.status} = 'done'`, desc(referrals.referredAt))
    .limit(200);
  const orgs = await orgsOf(ctx.database.db, rows);
  const readable = rows.filter((r) => can(actor, "read", "referral", policyRecord(r, orgs)));
  await recordReferralReads(ctx, actor, readable, orgs);
  return readable.map((r) => present(actor, r, orgs));
}

/**
 * The receiving body reports progress on a referral: received → in progress → done, with a note; done
 * closes it. Each report is kept with time and actor; the no-progress alert counts from the last one.
 */
export async function reportReferralProgress(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZReportReferralProgress>,
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(REFERRAL);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(referrals).where(eq(referrals.id, id)).for("update");
    if (!r) throw notFound(REFERRAL);
    const orgs = await orgsOf(tx, [r]);
    const rec = policyRecord(r, orgs);
    if (!can(actor, "read", "referral", rec)) throw notFound(REFERRAL);
    if (r.status === "done")
      throw new YizhanError("invalid_transition", 409, {
        "zh-CN": "该转办已办结",
        "en-US": "The referral is already done",
      });
    authorize(actor, "reportProgress", "referral", rec);
    if (input.expectedVersion !== undefined && input.expectedVersion !== r.version)
      throw versionConflict(input.expectedVersion, r.version);
    const problem = referralProgressProblem(r.status, input.status);
    if (problem)
      throw invalid("status", problem, {
        "zh-CN": "办理进度只能向前推进",
        "en-US": "Progress only moves forward",
      });
    if (input.status === "done" && !input.note.trim())
      throw invalid("note", "required", {
        "zh-CN": "办结须填写办理结果",
        "en-US": "Say how it was concluded",
      });
    await tx
      .update(referrals)
      .set({
        status: input.status,
        progress: [
          ...r.progress,
          {
            status: input.status,
            note: input.note,
            at: now.toISOString(),
            actorId: actor.userId,
            actorName: actor.displayName,
          },
        ],
        lastProgressAt: now,
        closedAt: input.status === "done" ? now : null,
        version: r.version + 1,
      })
      .where(eq(referrals.id, r.id));
    // 不推: the window that referred the matter and the applicant follow it until it is closed.
    const recipients = [
      ...(r.applicantId ? [r.applicantId] : []),
      ...(r.referredBy ? [r.referredBy] : []),
    ].map((userId) => ({ userId }));
    if (recipients.length > 0) {
      const label = { received: "已接收", in_progress: "办理中", done: "已办结" }[input.status];
      await enqueueNotification(
        tx,
        {
          kind: "referral.progress",
          recipients,
          data: {
            caseNumber: r.caseNumber ?? `转办 ${r.id.slice(0, 8)}`,
            itemName: r.itemName,
            applicantName: r.applicant.name,
            reason: `${orgs.get(r.toOrgId)?.name ?? ""}${label}${input.note ? `（${input.note}）` : ""}`,
            link: r.caseId ? `/cases/${r.caseId}` : "/workbench/referrals",
          },
        },
        { at: now, orgId: r.fromOrgId },
      );
    }
  });
  return getReferral(ctx, actor, id);
}
