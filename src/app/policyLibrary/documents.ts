/**
 * 政策文件库: the documents behind the service items (laws, regulations, notices) — list, read, create,
 * edit, the reading of a staff member, and what an item's public guide cites. Search is search.ts,
 * change notices changeNotices.ts (docs/policies.md).
 */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import {
  itemVersions,
  organizations,
  policyChangeNotices,
  policyDocuments,
  policyItemLinks,
  policyReadings,
  serviceItems,
} from "../../db/schema";
import { invalid, notFound, versionConflict } from "../../domain/errors";
import { POLICY_STATUS_LABELS, policyStatusProblem } from "../../domain/policyLibrary/documents";
import type {
  TItemPolicies,
  TPolicyDocument,
  TPolicyOptions,
  TPolicyRef,
  TPolicySummary,
} from "../../shared/api/policyLibrary";
import type { TListPolicies, TPolicyInput, TUpdatePolicy } from "../../shared/api/requests/policyLibrary";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { abilities, authorize, can } from "../policies";
import { supervisesBureau } from "./policy";
import { policySearchVector } from "./searchIndex";

export const POLICY = { "zh-CN": "政策文件", "en-US": "Policy document" };

export type PolicyRow = typeof policyDocuments.$inferSelect;

/** The columns every list and search reads (not the full text or the search vector). */
export const summaryColumns = {
  id: policyDocuments.id,
  version: policyDocuments.version,
  title: policyDocuments.title,
  docNumber: policyDocuments.docNumber,
  issuer: policyDocuments.issuer,
  level: policyDocuments.level,
  status: policyDocuments.status,
  issuedOn: policyDocuments.issuedOn,
  effectiveOn: policyDocuments.effectiveOn,
  repealedOn: policyDocuments.repealedOn,
  tags: policyDocuments.tags,
  summary: policyDocuments.summary,
  itemCount: sql<number>`(select count(distinct l.item_id)::int from policy_item_links l where l.policy_id = ${policyDocuments.id})`,
};
export type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & TPolicySummary;

/** The filters shared by listPolicies and searchPolicies, as SQL conditions. */
export function policyFilters(q: Pick<TListPolicies, "status" | "level" | "issuer" | "itemId">): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(eq(policyDocuments.status, q.status));
  if (q.level) where.push(eq(policyDocuments.level, q.level));
  if (q.issuer) where.push(ilike(policyDocuments.issuer, `%${q.issuer.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.itemId)
    where.push(
      sql`exists (select 1 from policy_item_links l where l.policy_id = ${policyDocuments.id} and l.item_id = ${q.itemId})`,
    );
  return where;
}

function requireReader(actor: Actor) {
  authorize(actor, "read", "policyDocument", { status: "", linkedToItem: false });
}

/** The documents of the library (staff), newest first, filtered by status, level, issuer, item or tag. */
export async function listPolicies(
  ctx: AppContext,
  actor: Actor,
  q: TListPolicies,
): Promise<{ items: TPolicySummary[]; total: number }> {
  requireReader(actor);
  const where = policyFilters(q);
  if (q.tag) where.push(sql`${policyDocuments.tags} @> ${JSON.stringify([q.tag])}::jsonb`);
  const rows = await ctx.database.db
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(policyDocuments)
    .where(and(...where))
    .orderBy(sql`${policyDocuments.issuedOn} desc nulls last`, asc(policyDocuments.title))
    .limit(q.limit)
    .offset(q.offset);
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

const ref = (r: Pick<PolicyRow, "id" | "title" | "docNumber" | "status">): TPolicyRef => ({
  id: r.id,
  title: r.title,
  docNumber: r.docNumber,
  status: r.status,
});

async function isLinked(ex: Executor, id: string): Promise<boolean> {
  const [row] = await ex
    .select({ one: sql<number>`1` })
    .from(policyItemLinks)
    .innerJoin(serviceItems, eq(serviceItems.id, policyItemLinks.itemId))
    .where(and(eq(policyItemLinks.policyId, id), eq(serviceItems.active, true)))
    .limit(1);
  return !!row;
}

/**
 * One document with its links (amended / repealed by, what it replaced, the items citing it, change
 * notices) and the caller's reading. Staff read any; the public an in-force document an active item
 * cites (the guide links it); anything else is 404 so a document's existence is not disclosed.
 */
export async function getPolicy(ctx: AppContext, actor: Actor | null, id: string): Promise<TPolicyDocument> {
  const db = ctx.database.db;
  const [row] = await db.select().from(policyDocuments).where(eq(policyDocuments.id, id));
  if (!row) throw notFound(POLICY);
  const record = { status: row.status, linkedToItem: await isLinked(db, id) };
  // Without a session: what the public guide links (an in-force document an active item cites).
  const readable = actor
    ? can(actor, "read", "policyDocument", record)
    : record.status === "in_force" && record.linkedToItem;
  if (!readable) throw notFound(POLICY);
  const linkIds = [row.amendedById, row.repealedById].filter((x): x is string => !!x);
  const [links, replaces, items, notices, reading] = await Promise.all([
    linkIds.length ? db.select().from(policyDocuments).where(inArray(policyDocuments.id, linkIds)) : [],
    db
      .select()
      .from(policyDocuments)
      .where(or(eq(policyDocuments.amendedById, id), eq(policyDocuments.repealedById, id)))
      .orderBy(asc(policyDocuments.issuedOn)),
    db
      .select({
        itemId: policyItemLinks.itemId,
        code: serviceItems.code,
        name: serviceItems.name,
        basisTitle: policyItemLinks.basisTitle,
      })
      .from(policyItemLinks)
      .innerJoin(serviceItems, eq(serviceItems.id, policyItemLinks.itemId))
      .where(eq(policyItemLinks.policyId, id))
      .orderBy(asc(serviceItems.code)),
    db
      .select({
        id: policyChangeNotices.id,
        title: policyChangeNotices.title,
        effectiveOn: policyChangeNotices.effectiveOn,
      })
      .from(policyChangeNotices)
      .where(eq(policyChangeNotices.policyId, id))
      .orderBy(desc(policyChangeNotices.effectiveOn)),
    actor?.kind === "staff"
      ? db
          .select()
          .from(policyReadings)
          .where(and(eq(policyReadings.policyId, id), eq(policyReadings.userId, actor.userId)))
      : [],
  ]);
  const byId = new Map(links.map((l) => [l.id, l]));
  const staffView = !!actor && can(actor, "markRead", "policyDocument", record);
  const amended = row.amendedById ? byId.get(row.amendedById) : undefined;
  const repealed = row.repealedById ? byId.get(row.repealedById) : undefined;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    docNumber: row.docNumber,
    issuer: row.issuer,
    level: row.level,
    status: row.status,
    issuedOn: row.issuedOn,
    effectiveOn: row.effectiveOn,
    repealedOn: row.repealedOn,
    tags: row.tags,
    summary: row.summary,
    itemCount: new Set(items.map((i) => i.itemId)).size,
    fullText: row.fullText,
    attachments: staffView ? row.attachments : [],
    amendedBy: amended ? ref(amended) : null,
    repealedBy: repealed ? ref(repealed) : null,
    replaces: replaces.map(ref),
    items,
    changeNotices: notices,
    readAt: reading[0]?.readAt.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    abilities: actor ? abilities(actor, "policyDocument", record) : {},
  };
}

/** 422s of a document's input (impossible dates are the text guard's): status consistent with its links, links that exist. */
async function checkInput(tx: Tx, input: TPolicyInput, selfId: string | null) {
  if (input.issuedOn && input.effectiveOn && input.effectiveOn < input.issuedOn)
    throw invalid("effectiveOn", "before_issued", {
      "zh-CN": "施行日期不能早于发布日期",
      "en-US": "The effective date cannot be before the issue date",
    });
  const problem = policyStatusProblem(input);
  if (problem)
    throw invalid(problem.field, problem.code, {
      "zh-CN": `状态“${POLICY_STATUS_LABELS[input.status]["zh-CN"]}”与修订、废止信息不一致`,
      "en-US": `The status "${POLICY_STATUS_LABELS[input.status]["en-US"]}" does not fit the amending or repealing document`,
    });
  for (const f of ["amendedById", "repealedById"] as const) {
    const other = input[f];
    if (!other) continue;
    const [row] = await tx
      .select({ id: policyDocuments.id })
      .from(policyDocuments)
      .where(eq(policyDocuments.id, other));
    if (!row || other === selfId)
      throw invalid(f, "unknown_policy", {
        "zh-CN": "所链接的政策文件不存在（或就是本文件）",
        "en-US": "The linked document does not exist (or is this one)",
      });
  }
  const itemIds = [...new Set(input.items.map((i) => i.itemId))];
  if (itemIds.length) {
    const found = new Set(
      (
        await tx.select({ id: serviceItems.id }).from(serviceItems).where(inArray(serviceItems.id, itemIds))
      ).map((r) => r.id),
    );
    const bad = input.items.findIndex((i) => !found.has(i.itemId));
    if (bad >= 0)
      throw invalid(`items.${bad}.itemId`, "unknown_item", {
        "zh-CN": "事项不存在",
        "en-US": "No such service item",
      });
  }
}

const values = (input: TPolicyInput) => ({
  title: input.title,
  docNumber: input.docNumber,
  issuer: input.issuer,
  level: input.level,
  issuedOn: input.issuedOn,
  effectiveOn: input.effectiveOn,
  repealedOn: input.repealedOn,
  status: input.status,
  amendedById: input.amendedById,
  repealedById: input.repealedById,
  summary: input.summary,
  fullText: input.fullText,
  tags: [...new Set(input.tags)],
  search: policySearchVector(input),
});

async function writeLinks(tx: Tx, policyId: string, items: TPolicyInput["items"]) {
  await tx.delete(policyItemLinks).where(eq(policyItemLinks.policyId, policyId));
  const unique = [...new Map(items.map((i) => [`${i.itemId}|${i.basisTitle}`, i])).values()];
  if (unique.length)
    await tx
      .insert(policyItemLinks)
      .values(unique.map((i) => ({ policyId, itemId: i.itemId, basisTitle: i.basisTitle })));
}

/** Adds a document to the library (supervisors and administrators): 201, or 422 naming the field. */
export async function createPolicy(
  ctx: AppContext,
  actor: Actor,
  input: TPolicyInput,
): Promise<TPolicyDocument> {
  authorize(actor, "update", "policyDocument", { status: input.status, linkedToItem: false });
  const now = ctx.clock.now();
  const id = await ctx.database.db.transaction(async (tx) => {
    await checkInput(tx, input, null);
    const [row] = await tx
      .insert(policyDocuments)
      .values({ ...values(input), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: policyDocuments.id });
    await writeLinks(tx, row.id, input.items);
    return row.id;
  });
  return getPolicy(ctx, actor, id);
}

/**
 * Replaces a document's fields and item links (supervisors and administrators); `expectedVersion`
 * guards a concurrent edit (409 `version_conflict`).
 */
export async function updatePolicy(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TUpdatePolicy,
): Promise<TPolicyDocument> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(policyDocuments).where(eq(policyDocuments.id, id)).for("update");
    if (!row) throw notFound(POLICY);
    authorize(actor, "update", "policyDocument", { status: row.status, linkedToItem: false });
    if (row.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, row.version);
    await checkInput(tx, input, id);
    await tx
      .update(policyDocuments)
      .set({ ...values(input), updatedAt: now, version: row.version + 1 })
      .where(eq(policyDocuments.id, id));
    await writeLinks(tx, id, input.items);
  });
  return getPolicy(ctx, actor, id);
}

/** A staff member marks a document read (已学习): it counts in their training record. Idempotent. */
export async function markPolicyRead(ctx: AppContext, actor: Actor, id: string): Promise<TPolicyDocument> {
  authorize(actor, "markRead", "policyDocument", { status: "", linkedToItem: false });
  const db = ctx.database.db;
  const [row] = await db
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(eq(policyDocuments.id, id));
  if (!row) throw notFound(POLICY);
  await db
    .insert(policyReadings)
    .values({ policyId: id, userId: actor.userId, readAt: ctx.clock.now() })
    .onConflictDoNothing();
  return getPolicy(ctx, actor, id);
}

/**
 * What an item's public guide shows (no login): the in-force documents the item cites and the change
 * notices that concern it, newest first, with their dates and the bodies the item moved to.
 */
export async function getItemPolicies(ctx: AppContext, code: string): Promise<TItemPolicies> {
  const db = ctx.database.db;
  const [item] = await db
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(or(eq(serviceItems.code, code), sql`${serviceItems.id}::text = ${code}`));
  if (!item) throw notFound({ "zh-CN": `事项“${code}”`, "en-US": `Service item "${code}"` });
  const [docs, notices, orgs] = await Promise.all([
    db
      .selectDistinct({
        id: policyDocuments.id,
        title: policyDocuments.title,
        docNumber: policyDocuments.docNumber,
        status: policyDocuments.status,
        issuer: policyDocuments.issuer,
        issuedOn: policyDocuments.issuedOn,
      })
      .from(policyItemLinks)
      .innerJoin(policyDocuments, eq(policyDocuments.id, policyItemLinks.policyId))
      .where(and(eq(policyItemLinks.itemId, item.id), eq(policyDocuments.status, "in_force")))
      .orderBy(policyDocuments.issuedOn, policyDocuments.id),
    db
      .select({ n: policyChangeNotices, p: policyDocuments })
      .from(policyChangeNotices)
      .innerJoin(policyDocuments, eq(policyDocuments.id, policyChangeNotices.policyId))
      .where(sql`${policyChangeNotices.itemIds} @> ${JSON.stringify([item.id])}::jsonb`)
      .orderBy(desc(policyChangeNotices.effectiveOn), desc(policyChangeNotices.createdAt)),
    db.select({ code: organizations.code, name: organizations.name }).from(organizations),
  ]);
  const orgName = new Map(orgs.map((o) => [o.code, o.name]));
  return {
    documents: docs,
    changes: notices.map(({ n, p }) => ({
      id: n.id,
      title: n.title,
      summary: n.summary,
      effectiveOn: n.effectiveOn,
      policy: ref(p),
      movedTo: (n.movedTo?.orgCodes ?? []).map((c) => ({ code: c, name: orgName.get(c) ?? c })),
    })),
  };
}

/** What the editor and the notice form choose from (supervisors, administrators). */
export async function getPolicyOptions(ctx: AppContext, actor: Actor): Promise<TPolicyOptions> {
  authorize(actor, "update", "policyDocument", { status: "", linkedToItem: false });
  const db = ctx.database.db;
  const [items, orgs, issuers] = await Promise.all([
    db
      .select({
        id: serviceItems.id,
        code: serviceItems.code,
        name: serviceItems.name,
        orgId: serviceItems.orgId,
        content: itemVersions.content,
      })
      .from(serviceItems)
      .innerJoin(
        itemVersions,
        and(eq(itemVersions.itemId, serviceItems.id), eq(itemVersions.version, serviceItems.currentVersion)),
      )
      .where(eq(serviceItems.active, true))
      .orderBy(asc(serviceItems.code)),
    db.select().from(organizations).orderBy(asc(organizations.path)),
    db
      .selectDistinct({ issuer: policyDocuments.issuer })
      .from(policyDocuments)
      .orderBy(asc(policyDocuments.issuer)),
  ]);
  return {
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      orgId: i.orgId,
      legalBasis: i.content.legalBasis.map((b) => b.title),
    })),
    sections: orgs
      .filter((o) => o.kind !== "township" && supervisesBureau(actor, o.path))
      .map((o) => ({ id: o.id, name: o.name, path: o.path })),
    townships: orgs.filter((o) => o.kind === "township").map((o) => ({ code: o.code, name: o.name })),
    issuers: issuers.map((i) => i.issuer),
  };
}
