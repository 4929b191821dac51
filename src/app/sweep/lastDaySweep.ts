import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { lastDayShare, type MonthDecision } from "../../domain/alerts/sweepRules";
import { raiseAlert } from "../alerts/raiseAlert";
import type { AlertTerms } from "../alerts/thresholds";
import type { AppContext } from "../context";

/**
 * 不拖: the share of each organization's decisions this month (promised cases) made on the case's last
 * day — the deadline as it stood before the decision. Above the organization's threshold (and with
 * enough decisions to judge) one yellow alert per organization and month, with the last-day decisions
 * as its events. Returns the organizations newly alerted.
 */
export async function sweepLastDayShare(ctx: AppContext, terms: AlertTerms): Promise<string[]> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const month = terms.today.slice(0, 7);
  const rows = await queryRows<MonthDecision & { orgId: string }>(
    db,
    sql`SELECT c.org_id AS "orgId", e.case_id AS "caseId", e.id AS "eventId",
          to_char((e.at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "decidedOn",
          e.before->>'deadline' AS deadline
        FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE e.type = 'case.decided' AND c.handling_type = 'promised'
          AND e.at >= ${new Date(`${month}-01T00:00:00+08:00`)}`,
  );
  const byOrg = new Map<string, MonthDecision[]>();
  for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
  const raised: string[] = [];
  for (const [orgId, decisions] of byOrg) {
    const th = terms.thresholdsOf(orgId);
    const share = lastDayShare(decisions, th);
    if (!share.exceeded) continue;
    const ok = await db.transaction((tx) =>
      raiseAlert(tx, {
        rule: "last_day_share",
        severity: "yellow",
        orgId,
        subject: `${orgId}:${month}`,
        zh: `${month} 本机构作出的 ${share.decisions} 件决定中有 ${share.onLastDay} 件（${share.percent}%）在办结期限最后一天作出，超过 ${th.lastDaySharePercent}%（不拖）`,
        en: `In ${month}, ${share.onLastDay} of ${share.decisions} decisions (${share.percent}%) were made on the case's last day, above ${th.lastDaySharePercent}%`,
        now,
        respondBy: terms.respondBy(orgId, "last_day_share"),
        eventIds: share.eventIds,
        data: { month, decisions: share.decisions, onLastDay: share.onLastDay, percent: share.percent },
      }),
    );
    if (ok) raised.push(orgId);
  }
  return raised;
}
