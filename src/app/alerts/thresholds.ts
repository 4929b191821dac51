/**
 * The thresholds of the supervision rules for an organization: its own row of supervision_settings,
 * else the nearest organization above it with one, else the defaults (domain/alerts/thresholds.ts).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { caseEvents, organizations, supervisionSettings } from "../../db/schema";
import { respondBy, type SupervisionThresholds, withDefaults } from "../../domain/alerts/thresholds";
import type { IsoDate } from "../../domain/calendar/isoDate";
import { calendarFor, localDates } from "../calendar/access";
import type { AppContext } from "../context";

/** The row that applies to the organization at `orgPath` (its own or the nearest above), if any. */
export async function settingsRowFor(ex: Executor, orgPath: string) {
  const [row] = await ex
    .select({ s: supervisionSettings, orgName: organizations.name, orgPath: organizations.path })
    .from(supervisionSettings)
    .innerJoin(organizations, eq(organizations.id, supervisionSettings.orgId))
    .where(sql`${orgPath} like ${organizations.path} || '%'`)
    .orderBy(desc(sql`length(${organizations.path})`))
    .limit(1);
  return row;
}

/** The thresholds of the organization at `orgPath`. */
export async function thresholdsFor(ex: Executor, orgPath: string): Promise<SupervisionThresholds> {
  return withDefaults((await settingsRowFor(ex, orgPath))?.s.thresholds);
}

/** The SQL of the thresholds row that applies to `orgPath` (null: the defaults), for a read that also loads other rows. */
export const thresholdsSql = (orgPath: string) =>
  sql<SupervisionThresholds | null>`(select s.thresholds from ${supervisionSettings} s
    join ${organizations} o on o.id = s.org_id
    where ${orgPath} like o.path || '%' order by length(o.path) desc limit 1)`;

/**
 * The thresholds of every organization, read once (two small reads) for a sweep: by organization id
 * (null or unknown: the defaults).
 */
export async function thresholdIndex(ex: Executor): Promise<(orgId: string | null) => SupervisionThresholds> {
  const orgs = await ex.select({ id: organizations.id, path: organizations.path }).from(organizations);
  const rows = await ex
    .select({ path: organizations.path, thresholds: supervisionSettings.thresholds })
    .from(supervisionSettings)
    .innerJoin(organizations, eq(organizations.id, supervisionSettings.orgId));
  rows.sort((a, b) => b.path.length - a.path.length);
  const defaults = withDefaults(null);
  const byOrg = new Map<string, SupervisionThresholds>();
  for (const o of orgs) {
    const best = rows.find((r) => o.path.startsWith(r.path));
    byOrg.set(o.id, best ? withDefaults(best.thresholds) : defaults);
  }
  return (orgId) => (orgId ? (byOrg.get(orgId) ?? defaults) : defaults);
}

/** What a sweep needs to raise alerts: each organization's thresholds and the response date of a rule. */
export type AlertTerms = {
  today: IsoDate;
  thresholdsOf(orgId: string | null): SupervisionThresholds;
  respondBy(orgId: string | null, rule: string): IsoDate;
};

/** The terms of one sweep run: today and the thresholds of every organization, read once. */
export async function alertTerms(ctx: AppContext): Promise<AlertTerms> {
  const cal = await calendarFor(ctx, null);
  const { today } = localDates(cal, ctx.clock.now());
  const thresholdsOf = await thresholdIndex(ctx.database.db);
  return {
    today,
    thresholdsOf,
    respondBy: (orgId, rule) => respondBy(thresholdsOf(orgId), rule, today, cal),
  };
}

/** Who accepted the case (the responsible person of the case's clock alerts), if a person did. */
export async function acceptorOf(ex: Executor, caseId: string): Promise<string | null> {
  const [row] = await ex
    .select({ actorId: caseEvents.actorId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "case.accepted")))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return row?.actorId ?? null;
}
