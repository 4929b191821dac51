import { and, lte, sql } from "drizzle-orm";
import { inquiries } from "../../db/schema";
import { isInquiryUnanswered } from "../../domain/alerts/sweepRules";
import { workingMinutesBetween } from "../../domain/calendar/workingHours";
import { WORKING_DAY_MINUTES } from "../../domain/inquiries/rules";
import { raiseAlert } from "../alerts/raiseAlert";
import { type AlertTerms, alertTerms } from "../alerts/thresholds";
import { calendarFor } from "../calendar/access";
import type { AppContext } from "../context";
import { INQUIRY_ALERT_RULE } from "./inquiries";

/**
 * The inquiry check of the periodic sweep (不推, 首问负责): a question not answered after one working
 * day of office hours raises one red alert to the office (subject: the inquiry, in the alert's task id;
 * resolved when answered). Returns the ids of the inquiries newly alerted.
 */
export async function sweepUnansweredInquiries(ctx: AppContext, given?: AlertTerms): Promise<string[]> {
  const terms = given ?? (await alertTerms(ctx));
  const db = ctx.database.db;
  const now = ctx.clock.now();
  // No question asked less than 6.5 hours ago can have waited a working day of office hours.
  const cutoff = new Date(now.getTime() - WORKING_DAY_MINUTES * 60_000);
  const waiting = await db
    .select()
    .from(inquiries)
    .where(and(sql`${inquiries.status} <> 'answered'`, lte(inquiries.askedAt, cutoff)));
  const raised: string[] = [];
  for (const r of waiting) {
    const minutes = workingMinutesBetween(await calendarFor(ctx, r.orgId), r.askedAt, now);
    const th = terms.thresholdsOf(r.orgId);
    if (!isInquiryUnanswered({ status: r.status, workingMinutesWaiting: minutes }, th, WORKING_DAY_MINUTES))
      continue;
    const subject = r.itemName ? `“${r.itemName}”的` : "";
    const ok = await db.transaction((tx) =>
      raiseAlert(tx, {
        rule: INQUIRY_ALERT_RULE,
        severity: "red",
        orgId: r.orgId,
        taskId: r.id,
        zh: `${subject}咨询（查询码 ${r.queryCode}）超过 ${th.inquiryWorkingDays} 个工作日未答复（首问负责）`,
        en: `An inquiry${r.itemName ? ` about "${r.itemName}"` : ""} (query code ${r.queryCode}) has waited more than ${th.inquiryWorkingDays} working day(s) for an answer`,
        now,
        respondBy: terms.respondBy(r.orgId, INQUIRY_ALERT_RULE),
        responsibleUserId: r.ownerId,
        data: { inquiryId: r.id, queryCode: r.queryCode, ownerId: r.ownerId, workingMinutes: minutes },
      }),
    );
    if (ok) raised.push(r.id);
  }
  return raised;
}
