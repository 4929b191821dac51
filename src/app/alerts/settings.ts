/**
 * The thresholds of the supervision rules per organization (getSupervisionSettings,
 * updateSupervisionSettings): read and set by the supervisors and admins of the organization's tree
 * (the alert desk's scope). Values apply to its cases and those below it without settings of their own.
 */
import { asc, eq } from "drizzle-orm";
import { organizations, supervisionSettings } from "../../db/schema";
import { ALERT_RULES } from "../../domain/alerts/rules";
import {
  DEFAULT_THRESHOLDS,
  RESPOND_LIMITS,
  respondDays,
  type SupervisionThresholds,
  THRESHOLD_KEYS,
  THRESHOLD_LIMITS,
  type ThresholdKey,
  withDefaults,
} from "../../domain/alerts/thresholds";
import { forbidden, invalid, notFound, versionConflict } from "../../domain/errors";
import type { TSupervisionSettings } from "../../shared/api/alerts";
import type { TUpdateSupervisionSettings } from "../../shared/api/requests/alerts";
import type { Actor } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";
import type { AppContext } from "../context";
import { inTree } from "../inquiries/policy";
import { settingsRowFor } from "./thresholds";

const ORG = { "zh-CN": "机构", "en-US": "Organization" };

/**
 * A supervisor or admin of the organization's tree (as the alert desk: the section head supervises the
 * whole bureau), or an admin held without an organization.
 */
const mayManage = (actor: Actor, path: string) =>
  actor.kind === "staff" &&
  (inTree(actor, path, "supervisor", "admin") ||
    actor.memberships.some((m) => m.role === "admin" && m.orgPath === null));

const values = (th: SupervisionThresholds) =>
  Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, th[k]])) as Record<ThresholdKey, number>;

async function present(ctx: AppContext, actor: Actor, org: { id: string; name: string; path: string }) {
  const db = ctx.database.db;
  const row = await settingsRowFor(db, org.path);
  const own = row?.s.orgId === org.id;
  const th = withDefaults(row?.s.thresholds);
  const all = await db
    .select({ id: organizations.id, name: organizations.name, path: organizations.path })
    .from(organizations)
    .orderBy(asc(organizations.path));
  const out: TSupervisionSettings = {
    org: { id: org.id, name: org.name },
    own,
    inheritedFrom: row && !own ? { id: row.s.orgId, name: row.orgName } : null,
    thresholds: values(th),
    defaults: values(DEFAULT_THRESHOLDS),
    limits: { ...THRESHOLD_LIMITS, respondWorkingDays: RESPOND_LIMITS },
    rules: ALERT_RULES.map((r) => ({
      rule: r.code,
      ruleName: { "zh-CN": r.zh, "en-US": r.en },
      category: r.category,
      severity: r.severity,
      evaluated: r.evaluated,
      respondWorkingDays: respondDays(th, r.code),
      defaultRespondWorkingDays: r.respondDays,
    })),
    version: own ? (row?.s.version ?? 0) : 0,
    organizations: all.filter((o) => mayManage(actor, o.path)).map((o) => ({ id: o.id, name: o.name })),
  };
  return out;
}

async function orgFor(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  if (
    !(actor.kind === "staff" && actor.memberships.some((m) => m.role === "supervisor" || m.role === "admin"))
  )
    throw forbidden("supervisionSettings");
  const id =
    orgId ??
    actor.memberships.find((m) => (m.role === "supervisor" || m.role === "admin") && m.orgId)?.orgId ??
    undefined;
  const [org] = id
    ? await ctx.database.db
        .select({ id: organizations.id, name: organizations.name, path: organizations.path })
        .from(organizations)
        .where(eq(organizations.id, id))
    : [];
  if (!org) throw notFound(ORG);
  if (!mayManage(actor, org.path)) throw forbidden("supervisionSettings");
  return org;
}

/** The thresholds that apply to an organization's cases, where they come from, and every rule's response days. */
export async function getSupervisionSettings(
  ctx: AppContext,
  actor: Actor,
  orgId: string | undefined,
): Promise<TSupervisionSettings> {
  return present(ctx, actor, await orgFor(ctx, actor, orgId));
}

/**
 * Sets the organization's own thresholds (all values; response days for the rules given, the others
 * keep their default). The version read is checked (0 when it had none): 409 on a stale one; an unknown
 * rule is 422 naming `respondWorkingDays.<rule>`.
 */
export async function updateSupervisionSettings(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: TUpdateSupervisionSettings,
): Promise<TSupervisionSettings> {
  const org = await orgFor(ctx, actor, orgId);
  const known = new Set(ALERT_RULES.map((r) => r.code));
  for (const rule of Object.keys(input.respondWorkingDays))
    if (!known.has(rule))
      throw invalid(`respondWorkingDays.${rule}`, "unknown_rule", {
        "zh-CN": `监察规则“${rule}”不存在`,
        "en-US": `No supervision rule "${rule}"`,
      });
  const thresholds: SupervisionThresholds = {
    ...values(withDefaults(input)),
    respondWorkingDays: { ...input.respondWorkingDays },
  };
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(supervisionSettings)
      .where(eq(supervisionSettings.orgId, org.id))
      .for("update");
    const version = current?.version ?? 0;
    if (input.expectedVersion !== version) throw versionConflict(input.expectedVersion, version);
    if (current)
      await tx
        .update(supervisionSettings)
        .set({ thresholds, updatedBy: actor.userId, updatedAt: now, version: version + 1 })
        .where(eq(supervisionSettings.id, current.id));
    else
      await tx
        .insert(supervisionSettings)
        .values({ orgId: org.id, thresholds, updatedBy: actor.userId, updatedAt: now, version: 1 });
    await recordAdminAudit(tx, actor, now, {
      action: "setting.supervision_thresholds",
      targetType: "setting",
      targetId: org.id,
      targetLabel: `${org.name} 监察阈值`,
      orgPath: org.path,
      detail: { before: current?.thresholds ?? null, after: thresholds },
    });
  });
  return present(ctx, actor, org);
}
