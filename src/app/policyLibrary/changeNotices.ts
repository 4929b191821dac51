/**
 * 政策变更通知: a policy change reaches everyone it concerns. A supervisor links the policy, the affected
 * items and a summary, and names the sections whose staff must acknowledge it (已阅知晓); the supervisor
 * sees who has not; the items' public guides show the change and its date. When the change moves the
 * items to other bodies (the township), a new item version with the referral rule (`handledBy`) is
 * written, so the window refers such applicants (registerReferral) from that date.
 */
import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  itemVersions,
  organizations,
  policyChangeAcknowledgements,
  policyChangeNotices,
  policyDocuments,
  serviceItems,
  users,
} from "../../db/schema";
import { forbidden, invalid, notFound } from "../../domain/errors";
import type { TChangeNotice, TChangeNoticeAcknowledgements } from "../../shared/api/policyLibrary";
import type { TCreateChangeNotice } from "../../shared/api/requests/policyLibrary";
import type { Actor } from "../actor";
import { loadServiceItem } from "../catalog/getServiceItem";
import { localDate } from "../catalog/localDate";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import { writeItemVersion } from "../catalog/writeItem";
import type { AppContext } from "../context";
import { enqueueNotifications } from "../notifications/notify";
import { abilities, authorize, can } from "../policies";
import { type Org, orgMap, type StaffMember, staffMembers } from "../training/sessions";
import { mayEditLibrary, supervisesBureau } from "./policy";

const NOTICE = { "zh-CN": "政策变更通知", "en-US": "Change notice" };
type NoticeRow = typeof policyChangeNotices.$inferSelect;
type AckRow = typeof policyChangeAcknowledgements.$inferSelect;

/** The staff who must acknowledge a notice: those working in one of its sections (or below one). */
export function noticeRoster(sectionIds: readonly string[], orgs: Map<string, Org>, staff: StaffMember[]) {
  const paths = sectionIds.map((id) => orgs.get(id)?.path).filter((p): p is string => !!p);
  const out: { user: StaffMember; orgName: string }[] = [];
  for (const s of staff) {
    const org = s.orgs.find((o) => paths.some((p) => o.path.startsWith(p)));
    if (org) out.push({ user: s, orgName: org.name });
  }
  return out;
}

type Loaded = {
  orgs: Map<string, Org>;
  staff: StaffMember[];
  acks: AckRow[];
  policies: Map<string, typeof policyDocuments.$inferSelect>;
  items: Map<string, { id: string; code: string; name: string }>;
  codes: Map<string, string>;
  names: Map<string, string>;
};

async function loadFor(ctx: AppContext, rows: NoticeRow[]): Promise<Loaded> {
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const staff = await staffMembers(db, orgs);
  const ids = rows.map((r) => r.id);
  const policyIds = [...new Set(rows.map((r) => r.policyId))];
  const itemIds = [...new Set(rows.flatMap((r) => r.itemIds))];
  const [acks, policies, items, codes] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(policyChangeAcknowledgements)
          .where(inArray(policyChangeAcknowledgements.noticeId, ids))
      : [],
    policyIds.length ? db.select().from(policyDocuments).where(inArray(policyDocuments.id, policyIds)) : [],
    itemIds.length
      ? db
          .select({ id: serviceItems.id, code: serviceItems.code, name: serviceItems.name })
          .from(serviceItems)
          .where(inArray(serviceItems.id, itemIds))
      : [],
    db.select({ code: organizations.code, name: organizations.name }).from(organizations),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return {
    orgs,
    staff,
    acks,
    policies: new Map(policies.map((p) => [p.id, p])),
    items: new Map(items.map((i) => [i.id, i])),
    codes: new Map(codes.map((c) => [c.code, c.name])),
    names,
  };
}

function record(actor: Actor, n: NoticeRow, l: Loaded) {
  const roster = noticeRoster(n.sectionIds, l.orgs, l.staff);
  const mine = l.acks.find((a) => a.noticeId === n.id && a.userId === actor.userId);
  return {
    roster,
    mine,
    rec: {
      orgPath: l.orgs.get(n.orgId)?.path ?? "",
      onRoster: roster.some((r) => r.user.id === actor.userId),
      acknowledged: !!mine,
    },
  };
}

function present(actor: Actor, n: NoticeRow, l: Loaded): TChangeNotice {
  const { roster, mine, rec } = record(actor, n, l);
  const acked = new Set(l.acks.filter((a) => a.noticeId === n.id).map((a) => a.userId));
  const p = l.policies.get(n.policyId);
  const org = l.orgs.get(n.orgId);
  return {
    id: n.id,
    title: n.title,
    summary: n.summary,
    effectiveOn: n.effectiveOn,
    policy: {
      id: n.policyId,
      title: p?.title ?? "",
      docNumber: p?.docNumber ?? "",
      status: p?.status ?? "in_force",
    },
    org: { id: n.orgId, name: org?.name ?? "" },
    items: n.itemIds.flatMap((id) => l.items.get(id) ?? []),
    sections: n.sectionIds.flatMap((id) => {
      const o = l.orgs.get(id);
      return o ? [{ id: o.id, name: o.name }] : [];
    }),
    movedTo: (n.movedTo?.orgCodes ?? []).map((code) => ({ code, name: l.codes.get(code) ?? code })),
    createdBy: { id: n.createdBy, displayName: l.names.get(n.createdBy) ?? "" },
    createdAt: n.createdAt.toISOString(),
    counts: { acknowledged: roster.filter((r) => acked.has(r.user.id)).length, expected: roster.length },
    mustAcknowledge: rec.onRoster,
    acknowledgedAt: mine?.acknowledgedAt.toISOString() ?? null,
    abilities: abilities(actor, "changeNotice", rec),
  };
}

async function loadNotice(ctx: AppContext, id: string) {
  const [row] = await ctx.database.db
    .select()
    .from(policyChangeNotices)
    .where(eq(policyChangeNotices.id, id));
  if (!row) throw notFound(NOTICE);
  return row;
}

/** One notice the actor may read: on its roster, or a supervisor of its bureau (404 otherwise). */
export async function getChangeNotice(ctx: AppContext, actor: Actor, id: string): Promise<TChangeNotice> {
  const row = await loadNotice(ctx, id);
  const l = await loadFor(ctx, [row]);
  if (!can(actor, "read", "changeNotice", record(actor, row, l).rec)) throw notFound(NOTICE);
  return present(actor, row, l);
}

/**
 * The notices the actor must acknowledge or supervises, newest first; `pending` keeps those the actor
 * must still acknowledge.
 */
export async function listChangeNotices(
  ctx: AppContext,
  actor: Actor,
  q: { pending?: "true" | "false" },
): Promise<{ items: TChangeNotice[] }> {
  if (actor.kind !== "staff") throw forbidden("read change notices");
  const rows = await ctx.database.db
    .select()
    .from(policyChangeNotices)
    .orderBy(desc(policyChangeNotices.createdAt))
    .limit(500);
  const l = await loadFor(ctx, rows);
  const items = rows
    .filter((n) => can(actor, "read", "changeNotice", record(actor, n, l).rec))
    .map((n) => present(actor, n, l))
    .filter((n) => q.pending !== "true" || (n.mustAcknowledge && !n.acknowledgedAt));
  return { items };
}

/** The referral rule an item gets when a notice moves it: handled by these bodies from that date. */
async function moveItems(
  tx: Tx,
  actor: Actor,
  input: TCreateChangeNotice & { moveTo: NonNullable<TCreateChangeNotice["moveTo"]> },
  policy: typeof policyDocuments.$inferSelect,
  now: Date,
) {
  const today = localDate(now);
  for (const itemId of input.itemIds) {
    const item = await loadServiceItem(tx, itemId, true);
    authorize(actor, "update", "serviceItem", { orgPath: item.orgPath });
    const current = await resolveEffectiveVersion(tx, item.id, "9999-12-31");
    if (!current) continue;
    const [latest] = await tx
      .select({ d: sql<string | null>`max(${itemVersions.effectiveFrom})::text` })
      .from(itemVersions)
      .where(eq(itemVersions.itemId, item.id));
    // A new version never takes effect before today or before the latest one (catalog rule).
    const from = [input.effectiveOn, today, latest?.d ?? today].sort().at(-1) ?? today;
    const reference = [policy.docNumber, `《${policy.title}》`].filter(Boolean).join(" ").slice(0, 500);
    await writeItemVersion(
      tx,
      {
        content: {
          ...current.content,
          handledBy: {
            kind: input.moveTo.kind,
            since: input.effectiveOn,
            reference,
            orgCodes: input.moveTo.orgCodes,
            note: input.summary.slice(0, 2000),
          },
        },
        effectiveFrom: from,
        changeNote: `政策变更：${input.title}`.slice(0, 500),
        createdBy: actor.userId,
      },
      { id: item.id, currentVersion: item.currentVersion },
      now,
    );
  }
}

/** Item names in a message: the first five, then 等 n 项. */
function itemList(names: string[]): string {
  const shown = names.slice(0, 5).join("、");
  return names.length > 5 ? `${shown}等 ${names.length} 项` : shown || "—";
}

/**
 * Tells everyone on the notice's roster (but its author) in the application, through the outbox in the
 * notice's transaction: a notice that rolls back tells no one. In-app only: the notice is for work.
 */
async function notifyRoster(
  tx: Tx,
  actor: Actor,
  n: TCreateChangeNotice & {
    policy: typeof policyDocuments.$inferSelect;
    orgs: Map<string, Org>;
    orgId: string;
  },
  now: Date,
) {
  const roster = noticeRoster(n.sectionIds, n.orgs, await staffMembers(tx, n.orgs)).filter(
    (r) => r.user.id !== actor.userId,
  );
  if (roster.length === 0) return;
  const items = await tx
    .select({ id: serviceItems.id, name: serviceItems.name })
    .from(serviceItems)
    .where(inArray(serviceItems.id, n.itemIds));
  const names = n.itemIds.map((i) => items.find((x) => x.id === i)?.name).filter((x): x is string => !!x);
  const [author] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  const data = {
    caseNumber: n.title,
    itemName: itemList([...new Set(names)]),
    applicantName: author?.name ?? "",
    document: `《${n.policy.title}》${n.policy.docNumber ? `（${n.policy.docNumber}）` : ""}`,
    deadline: n.effectiveOn,
    reason: n.summary,
    link: "/policies?tab=notices",
  };
  const recipients = roster.map((r) => ({ userId: r.user.id }));
  const batches = [];
  for (let i = 0; i < recipients.length; i += 500)
    batches.push({ kind: "policy.change_notice" as const, recipients: recipients.slice(i, i + 500), data });
  await enqueueNotifications(tx, batches, { at: now, orgId: n.orgId });
}

/**
 * Announces a policy change (supervisors and administrators of the bureau): the policy, the affected
 * items, a summary, the date and the sections whose staff must acknowledge. 422 naming `policyId`,
 * `itemIds.<i>`, `sectionIds.<i>` (not of the caller's bureau) or `moveTo.orgCodes.<i>`; moving the items
 * needs the catalog right over them (administrators, 403 otherwise). One transaction, with the in-app
 * notification (`policy.change_notice`) of everyone who must acknowledge it.
 */
export async function createChangeNotice(
  ctx: AppContext,
  actor: Actor,
  input: TCreateChangeNotice,
): Promise<TChangeNotice> {
  if (!mayEditLibrary(actor)) throw forbidden("create change notice");
  const home = actor.memberships.find((m) => (m.role === "supervisor" || m.role === "admin") && m.orgId);
  if (!home?.orgId) throw forbidden("create change notice");
  const now = ctx.clock.now();
  const id = await ctx.database.db.transaction(async (tx) => {
    const [policy] = await tx.select().from(policyDocuments).where(eq(policyDocuments.id, input.policyId));
    if (!policy)
      throw invalid("policyId", "unknown_policy", {
        "zh-CN": "政策文件不存在",
        "en-US": "No such policy document",
      });
    const found = new Set(
      (
        await tx
          .select({ id: serviceItems.id })
          .from(serviceItems)
          .where(inArray(serviceItems.id, input.itemIds))
      ).map((x) => x.id),
    );
    const bad = input.itemIds.findIndex((i) => !found.has(i));
    if (bad >= 0)
      throw invalid(`itemIds.${bad}`, "unknown_item", {
        "zh-CN": "事项不存在",
        "en-US": "No such service item",
      });
    const orgs = await orgMap(tx);
    const badSection = input.sectionIds.findIndex((s) => {
      const o = orgs.get(s);
      return !o || !supervisesBureau(actor, o.path);
    });
    if (badSection >= 0)
      throw invalid(`sectionIds.${badSection}`, "not_in_bureau", {
        "zh-CN": "所选科室不属于本局",
        "en-US": "The section is not of your bureau",
      });
    if (input.moveTo) {
      const known = new Set(
        (await tx.select({ code: organizations.code }).from(organizations)).map((o) => o.code),
      );
      const badOrg = input.moveTo.orgCodes.findIndex((c) => !known.has(c));
      if (badOrg >= 0)
        throw invalid(`moveTo.orgCodes.${badOrg}`, "unknown_org", {
          "zh-CN": "承接机构不存在",
          "en-US": "No such organization",
        });
      await moveItems(tx, actor, { ...input, moveTo: input.moveTo }, policy, now);
    }
    const [row] = await tx
      .insert(policyChangeNotices)
      .values({
        policyId: input.policyId,
        orgId: home.orgId ?? "",
        title: input.title,
        summary: input.summary,
        effectiveOn: input.effectiveOn,
        itemIds: [...new Set(input.itemIds)],
        sectionIds: [...new Set(input.sectionIds)],
        movedTo: input.moveTo ? { kind: input.moveTo.kind, orgCodes: input.moveTo.orgCodes } : null,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: policyChangeNotices.id });
    await notifyRoster(tx, actor, { ...input, policy, orgs, orgId: home.orgId ?? "" }, now);
    return row.id;
  });
  return getChangeNotice(ctx, actor, id);
}

/** A staff member of the notice's sections acknowledges it (已阅知晓); again is harmless. 403 off the roster. */
export async function acknowledgeChangeNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<TChangeNotice> {
  const row = await loadNotice(ctx, id);
  const l = await loadFor(ctx, [row]);
  const { rec } = record(actor, row, l);
  if (!can(actor, "read", "changeNotice", rec)) throw notFound(NOTICE);
  if (!rec.onRoster) throw forbidden("acknowledge change notice");
  await ctx.database.db
    .insert(policyChangeAcknowledgements)
    .values({ noticeId: id, userId: actor.userId, acknowledgedAt: ctx.clock.now() })
    .onConflictDoNothing();
  return getChangeNotice(ctx, actor, id);
}

/** Who must acknowledge a notice and when each did (null: not yet) — supervisors of its bureau. */
export async function listChangeNoticeAcknowledgements(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<TChangeNoticeAcknowledgements> {
  const row = await loadNotice(ctx, id);
  const l = await loadFor(ctx, [row]);
  const { rec, roster } = record(actor, row, l);
  if (!can(actor, "read", "changeNotice", rec)) throw notFound(NOTICE);
  authorize(actor, "seeAcknowledgements", "changeNotice", rec);
  const at = new Map(l.acks.map((a) => [a.userId, a.acknowledgedAt.toISOString()]));
  const people = roster
    .map((r) => ({
      user: { id: r.user.id, displayName: r.user.displayName },
      orgName: r.orgName,
      acknowledgedAt: at.get(r.user.id) ?? null,
    }))
    .sort((a, b) => Number(!!a.acknowledgedAt) - Number(!!b.acknowledgedAt));
  return {
    noticeId: id,
    acknowledged: people.filter((p) => p.acknowledgedAt).length,
    expected: people.length,
    people,
  };
}

/** One person's obligation to acknowledge one notice: the months (local) it was announced and acknowledged. */
export type NoticeObligation = {
  userId: string;
  noticeId: string;
  createdMonth: string;
  ackMonth: string | null;
};

/**
 * Every acknowledgement owed (each notice × each person of its roster today) with when it was given:
 * what the monthly scorecard counts as 未阅知.
 */
export async function noticeObligations(ctx: AppContext): Promise<NoticeObligation[]> {
  const rows = await ctx.database.db.select().from(policyChangeNotices);
  if (!rows.length) return [];
  const l = await loadFor(ctx, rows);
  const month = (d: Date) => localDate(d).slice(0, 7);
  const acked = new Map(l.acks.map((a) => [`${a.noticeId}|${a.userId}`, month(a.acknowledgedAt)]));
  return rows.flatMap((n) =>
    noticeRoster(n.sectionIds, l.orgs, l.staff).map((r) => ({
      userId: r.user.id,
      noticeId: n.id,
      createdMonth: month(n.createdAt),
      ackMonth: acked.get(`${n.id}|${r.user.id}`) ?? null,
    })),
  );
}

export { NOTICE };
