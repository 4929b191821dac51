/**
 * The supervisor's alert desk (电子监察): list the alerts of the caller's organization tree, acknowledge
 * them and close them with a comment. Each command locks the alert row and checks the version the caller
 * read (409 on a stale one). Closing sets `resolved_at`, so the rule may raise a new alert for the same
 * subject later. The history stays in the alert's own columns (who and when acknowledged and closed).
 */
import { and, desc, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Executor, Tx } from "../../db/client";
import { caseEvents, cases, organizations, supervisionAlerts, users } from "../../db/schema";
import { ALERT_RULES, alertRuleInfo, alertStatus } from "../../domain/alerts/rules";
import { isResponseOverdue } from "../../domain/alerts/thresholds";
import type { IsoDate } from "../../domain/calendar/isoDate";
import { COMMANDS } from "../../domain/cases/lifecycle";
import { forbidden, notFound, versionConflict, YizhanError } from "../../domain/errors";
import type { TAlert, TAlertList } from "../../shared/api/alerts";
import type { ZAcknowledgeAlert, ZCloseAlert, ZListAlerts } from "../../shared/api/requests/alerts";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { inTree, rootPath } from "../inquiries/policy";

const ALERT = { "zh-CN": "监察预警", "en-US": "Alert" };

/** Alerts of the organization trees where the actor is a supervisor (the whole tree, as the inquiry desk). */
function alertScope(actor: Actor): SQL {
  const roots = [
    ...new Set(
      actor.memberships
        .filter((m) => m.role === "supervisor" && m.orgPath)
        .map((m) => rootPath(m.orgPath as string)),
    ),
  ];
  if (!roots.length) return sql`false`;
  return sql`(${sql.join(
    roots.map((root) => sql`${organizations.path} like ${`${root}%`}`),
    sql` or `,
  )})`;
}

const isSupervisor = (actor: Actor) =>
  actor.kind === "staff" && actor.memberships.some((m) => m.role === "supervisor" && m.orgPath);

const statusFilter = (s: "open" | "acknowledged" | "closed"): SQL | undefined =>
  s === "closed"
    ? isNotNull(supervisionAlerts.resolvedAt)
    : s === "acknowledged"
      ? and(isNull(supervisionAlerts.resolvedAt), isNotNull(supervisionAlerts.acknowledgedAt))
      : and(isNull(supervisionAlerts.resolvedAt), isNull(supervisionAlerts.acknowledgedAt));

/** Open (not acknowledged, not closed) past the response date. */
const overdueFilter = (today: IsoDate): SQL | undefined =>
  and(
    isNull(supervisionAlerts.resolvedAt),
    isNull(supervisionAlerts.acknowledgedAt),
    lt(supervisionAlerts.respondBy, today),
  );

const ackUser = alias(users, "ack_user");
const closeUser = alias(users, "close_user");
const responsibleUser = alias(users, "responsible_user");

async function selectAlerts(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select({
      a: supervisionAlerts,
      orgName: organizations.name,
      orgPath: organizations.path,
      caseNumber: cases.number,
      ackName: ackUser.displayName,
      closeName: closeUser.displayName,
      responsibleName: responsibleUser.displayName,
    })
    .from(supervisionAlerts)
    .innerJoin(organizations, eq(organizations.id, supervisionAlerts.orgId))
    .leftJoin(cases, eq(cases.id, supervisionAlerts.caseId))
    .leftJoin(ackUser, eq(ackUser.id, supervisionAlerts.acknowledgedBy))
    .leftJoin(closeUser, eq(closeUser.id, supervisionAlerts.closedBy))
    .leftJoin(responsibleUser, eq(responsibleUser.id, supervisionAlerts.responsibleUserId))
    .where(where)
    .orderBy(sql`${supervisionAlerts.resolvedAt} is not null`, desc(supervisionAlerts.raisedAt))
    .limit(limit);
}

type Selected = Awaited<ReturnType<typeof selectAlerts>>[number];

/** Chinese names of the case events (the lifecycle table's labels), for the events beside an alert. */
const EVENT_LABELS = new Map(Object.values(COMMANDS).map((d) => [d.event, d.label]));

type AlertEvent = TAlert["events"][number];

/** The case events that raised the alerts, by id (one read for a page of alerts). */
async function eventsOf(db: Executor, rows: Selected[]): Promise<Map<string, AlertEvent>> {
  const ids = [...new Set(rows.flatMap((r) => r.a.eventIds))];
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: caseEvents.id, type: caseEvents.type, at: caseEvents.at, actorName: caseEvents.actorName })
    .from(caseEvents)
    .where(inArray(caseEvents.id, ids));
  return new Map(
    found.map((e) => [
      e.id,
      {
        id: e.id,
        type: e.type,
        label: { "zh-CN": EVENT_LABELS.get(e.type) ?? e.type, "en-US": e.type },
        at: e.at.toISOString(),
        actorName: e.actorName,
      },
    ]),
  );
}

/** Today on the national calendar: the response dates are working days. */
async function todayOf(ctx: AppContext): Promise<IsoDate> {
  return localDates(await calendarFor(ctx, null), ctx.clock.now()).today;
}

function present(
  actor: Actor,
  r: Selected,
  today: IsoDate,
  events: Map<string, AlertEvent> = new Map(),
): TAlert {
  const { a } = r;
  const info = alertRuleInfo(a.rule);
  const status = alertStatus(a);
  const mayAct = inTree(actor, r.orgPath, "supervisor");
  return {
    id: a.id,
    rule: a.rule,
    ruleName: { "zh-CN": info.zh, "en-US": info.en },
    category: info.category,
    severity: a.severity,
    status,
    message: { "zh-CN": a.messageZh, "en-US": a.messageEn },
    org: a.orgId ? { id: a.orgId, name: r.orgName } : null,
    case: a.caseId && r.caseNumber ? { id: a.caseId, number: r.caseNumber } : null,
    raisedAt: a.raisedAt.toISOString(),
    responsible: a.responsibleUserId ? { id: a.responsibleUserId, name: r.responsibleName ?? "" } : null,
    respondBy: a.respondBy,
    overdue: isResponseOverdue(a, today),
    events: a.eventIds.flatMap((id) => events.get(id) ?? []),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy ? { id: a.acknowledgedBy, name: r.ackName ?? "" } : null,
    acknowledgeComment: a.acknowledgeComment,
    closedAt: a.resolvedAt?.toISOString() ?? null,
    closedBy: a.closedBy ? { id: a.closedBy, name: r.closeName ?? "" } : null,
    closeComment: a.closeComment,
    version: a.version,
    abilities: {
      acknowledge: mayAct && status === "open",
      close: mayAct && status !== "closed",
    },
  };
}

export type TListAlerts = z.infer<typeof ZListAlerts>;

/**
 * The alert desk: the newest 200 alerts of the caller's tree matching the filters (open ones first),
 * with counts per status and per rule over the whole scope. Supervisors only.
 */
export async function listAlerts(ctx: AppContext, actor: Actor, q: TListAlerts): Promise<TAlertList> {
  if (!isSupervisor(actor)) throw forbidden("listAlerts");
  const db = ctx.database.db;
  const scope = alertScope(actor);
  const today = await todayOf(ctx);
  const rows = await selectAlerts(
    db,
    and(
      scope,
      q.status ? statusFilter(q.status) : undefined,
      q.overdue === "true" ? overdueFilter(today) : undefined,
      q.rule ? eq(supervisionAlerts.rule, q.rule) : undefined,
      q.severity ? eq(supervisionAlerts.severity, q.severity) : undefined,
      q.caseNumber ? eq(cases.number, q.caseNumber) : undefined,
    ),
    200,
  );
  const counted = await db
    .select({
      rule: supervisionAlerts.rule,
      closed: sql<boolean>`${supervisionAlerts.resolvedAt} is not null`,
      acknowledged: sql<boolean>`${supervisionAlerts.acknowledgedAt} is not null`,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${overdueFilter(today)})::int`,
    })
    .from(supervisionAlerts)
    .innerJoin(organizations, eq(organizations.id, supervisionAlerts.orgId))
    .where(scope)
    .groupBy(
      supervisionAlerts.rule,
      sql`${supervisionAlerts.resolvedAt} is not null`,
      sql`${supervisionAlerts.acknowledgedAt} is not null`,
    );
  const counts = { open: 0, acknowledged: 0, closed: 0, overdue: 0 };
  const byRule = new Map<string, { open: number; total: number }>();
  for (const c of counted) {
    const s = c.closed ? "closed" : c.acknowledged ? "acknowledged" : "open";
    counts[s] += c.n;
    counts.overdue += c.overdue;
    const r = byRule.get(c.rule) ?? { open: 0, total: 0 };
    r.total += c.n;
    if (s !== "closed") r.open += c.n;
    byRule.set(c.rule, r);
  }
  const order = new Map(ALERT_RULES.map((r, i) => [r.code, i]));
  const events = await eventsOf(db, rows);
  return {
    items: rows.map((r) => present(actor, r, today, events)),
    counts: {
      ...counts,
      byRule: [...byRule.entries()]
        .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b))
        .map(([rule, n]) => {
          const info = alertRuleInfo(rule);
          return { rule, ruleName: { "zh-CN": info.zh, "en-US": info.en }, category: info.category, ...n };
        }),
    },
  };
}

/** Locks the alert; 404 when it does not exist or is outside the caller's tree, 403 for non-supervisors. */
async function lockAlert(tx: Tx, actor: Actor, id: string, expectedVersion: number) {
  if (!isSupervisor(actor)) throw forbidden("manageAlert");
  const [locked] = await tx
    .select({ id: supervisionAlerts.id })
    .from(supervisionAlerts)
    .where(eq(supervisionAlerts.id, id))
    .for("update");
  if (!locked) throw notFound(ALERT);
  const [r] = await selectAlerts(tx, and(eq(supervisionAlerts.id, id), alertScope(actor)), 1);
  if (!r) throw notFound(ALERT);
  if (expectedVersion !== r.a.version) throw versionConflict(expectedVersion, r.a.version);
  return r;
}

const closedAlready = () =>
  new YizhanError("invalid_transition", 409, {
    "zh-CN": "该预警已关闭",
    "en-US": "This alert is already closed",
  });

/** A supervisor acknowledges an open alert (seen, being dealt with), optionally with a comment. */
export async function acknowledgeAlert(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZAcknowledgeAlert>,
): Promise<TAlert> {
  const now = ctx.clock.now();
  const today = await todayOf(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const r = await lockAlert(tx, actor, id, input.expectedVersion);
    const status = alertStatus(r.a);
    if (status === "closed") throw closedAlready();
    if (status === "acknowledged")
      throw new YizhanError("invalid_transition", 409, {
        "zh-CN": "该预警已确认",
        "en-US": "This alert is already acknowledged",
      });
    await tx
      .update(supervisionAlerts)
      .set({
        acknowledgedAt: now,
        acknowledgedBy: actor.userId,
        acknowledgeComment: input.comment || null,
        version: r.a.version + 1,
      })
      .where(eq(supervisionAlerts.id, id));
    const [next] = await selectAlerts(tx, eq(supervisionAlerts.id, id), 1);
    return present(actor, next, today, await eventsOf(tx, [next]));
  });
}

/**
 * A supervisor closes an open or acknowledged alert with a comment (how the finding was dealt with).
 * An alert about a case also records `alert.closed` in the case's log through the runner (the rule and
 * the alert's id; the comment stays with the alert, since the applicant reads the log too).
 */
export async function closeAlert(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZCloseAlert>,
): Promise<TAlert> {
  const now = ctx.clock.now();
  const today = await todayOf(ctx);
  const close = async (tx: Tx) => {
    const r = await lockAlert(tx, actor, id, input.expectedVersion);
    if (alertStatus(r.a) === "closed") throw closedAlready();
    await tx
      .update(supervisionAlerts)
      .set({ resolvedAt: now, closedBy: actor.userId, closeComment: input.comment, version: r.a.version + 1 })
      .where(eq(supervisionAlerts.id, id));
    const [next] = await selectAlerts(tx, eq(supervisionAlerts.id, id), 1);
    return present(actor, next, today, await eventsOf(tx, [next]));
  };
  return ctx.database.db.transaction(async (tx) => {
    if (!isSupervisor(actor)) throw forbidden("manageAlert");
    const [pre] = await tx
      .select({ caseId: supervisionAlerts.caseId, rule: supervisionAlerts.rule })
      .from(supervisionAlerts)
      .where(eq(supervisionAlerts.id, id));
    if (!pre?.caseId) return close(tx);
    // The case first, then the alert (the runner's lock order).
    const { result } = await changeCase(tx, actor, pre.caseId, {
      change: "closeAlert",
      action: null,
      now,
      apply: async () => ({ result: await close(tx), data: { alertId: id, rule: pre.rule } }),
    });
    return result;
  });
}
