import { and, eq, inArray, lt, ne } from "drizzle-orm";
import { cases, organizations, partnerRequests, referrals, supervisionAlerts } from "../../db/schema";
import { isReferralIdle } from "../../domain/alerts/sweepRules";
import { raiseAlert, resolveAlerts } from "../alerts/raiseAlert";
import { type AlertTerms, alertTerms } from "../alerts/thresholds";
import { calendarFor, localDates } from "../calendar/access";
import type { AppContext } from "../context";

/** What the exchange checks of one sweep raised. */
export type ExchangeSweepReport = { overdueRequests: string[]; idleReferrals: string[] };

/**
 * Partner material requests past their due date (跨部门材料调取, 不拖): one red alert per request,
 * raised for the asking window's organization; resolved when the request is answered.
 */
export async function sweepOverduePartnerRequests(
  ctx: AppContext,
  now: Date,
  terms: AlertTerms,
): Promise<string[]> {
  const db = ctx.database.db;
  const today = terms.today;
  const rows = await db
    .select({ r: partnerRequests, number: cases.number, toName: organizations.name })
    .from(partnerRequests)
    .innerJoin(cases, eq(cases.id, partnerRequests.caseId))
    .innerJoin(organizations, eq(organizations.id, partnerRequests.toOrgId))
    .where(and(eq(partnerRequests.status, "open"), lt(partnerRequests.dueOn, today)));
  const raised: string[] = [];
  for (const { r, number, toName } of rows) {
    const ok = await db.transaction((tx) =>
      raiseAlert(tx, {
        rule: "partner_request_overdue",
        severity: "red",
        orgId: r.fromOrgId,
        caseId: r.caseId,
        taskId: r.id,
        zh: `办件 ${number} 向${toName}调取的“${r.materialName}”已超过答复期限 ${r.dueOn}`,
        en: `The request to ${toName} for "${r.materialName}" of case ${number} is past its due date ${r.dueOn}`,
        now,
        respondBy: terms.respondBy(r.fromOrgId, "partner_request_overdue"),
        responsibleUserId: r.requestedBy,
        data: { requestId: r.id, dueOn: r.dueOn, toOrgId: r.toOrgId },
      }),
    );
    if (ok) raised.push(r.id);
  }
  await resolveWhere(ctx, "partner_request_overdue", now, (ids) =>
    db
      .select({ id: partnerRequests.id })
      .from(partnerRequests)
      .where(and(inArray(partnerRequests.id, ids), ne(partnerRequests.status, "open"))),
  );
  return raised;
}

/**
 * Referrals without progress for more than N working days (转办 followed until done, 不推; N of the
 * referring organization's thresholds): one yellow alert per referral for the referring organization;
 * resolved once it is done.
 */
export async function sweepIdleReferrals(ctx: AppContext, now: Date, terms: AlertTerms): Promise<string[]> {
  const today = terms.today;
  const db = ctx.database.db;
  const cal = await calendarFor(ctx, null);
  const rows = await db
    .select({ r: referrals, toName: organizations.name })
    .from(referrals)
    .innerJoin(organizations, eq(organizations.id, referrals.toOrgId))
    .where(ne(referrals.status, "done"));
  const raised: string[] = [];
  for (const { r, toName } of rows) {
    const th = terms.thresholdsOf(r.fromOrgId);
    const lastProgressOn = localDates(cal, r.lastProgressAt).today;
    if (!isReferralIdle({ status: r.status, lastProgressOn }, today, th, cal)) continue;
    const subject = r.caseNumber ? `办件 ${r.caseNumber}` : `“${r.itemName}”（${r.applicant.name}）`;
    const ok = await db.transaction((tx) =>
      raiseAlert(tx, {
        rule: "referral_idle",
        severity: "yellow",
        orgId: r.fromOrgId,
        caseId: r.caseId ?? undefined,
        taskId: r.id,
        zh: `${subject}转办${toName}后已超过 ${th.referralIdleWorkingDays} 个工作日无办理进展（不推）`,
        en: `${subject} referred to ${toName} has had no progress for more than ${th.referralIdleWorkingDays} working days`,
        now,
        respondBy: terms.respondBy(r.fromOrgId, "referral_idle"),
        responsibleUserId: r.referredBy,
        data: { referralId: r.id, lastProgressAt: r.lastProgressAt.toISOString() },
      }),
    );
    if (ok) raised.push(r.id);
  }
  await resolveWhere(ctx, "referral_idle", now, (ids) =>
    db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(inArray(referrals.id, ids), eq(referrals.status, "done"))),
  );
  return raised;
}

/** Resolves the open alerts of `rule` whose subject (task id) the query reports as settled. */
async function resolveWhere(
  ctx: AppContext,
  rule: string,
  now: Date,
  settled: (ids: string[]) => Promise<{ id: string }[]>,
) {
  const db = ctx.database.db;
  const pending = await db.query.supervisionAlerts.findMany({
    where: (a, { and, eq, isNull }) => and(eq(a.rule, rule), isNull(a.resolvedAt)),
  });
  const ids = pending.map((a) => a.taskId).filter((x): x is string => !!x);
  if (ids.length === 0) return;
  const done = new Set((await settled(ids)).map((x) => x.id));
  const toResolve = pending.filter((a) => a.taskId && done.has(a.taskId)).map((a) => a.id);
  if (toResolve.length) await resolveAlerts(db, now, inArray(supervisionAlerts.id, toResolve));
}

/** The exchange checks of the periodic sweep: overdue material requests and idle referrals. */
export async function runExchangeSweep(ctx: AppContext, given?: AlertTerms): Promise<ExchangeSweepReport> {
  const now = ctx.clock.now();
  const terms = given ?? (await alertTerms(ctx));
  return {
    overdueRequests: await sweepOverduePartnerRequests(ctx, now, terms),
    idleReferrals: await sweepIdleReferrals(ctx, now, terms),
  };
}
