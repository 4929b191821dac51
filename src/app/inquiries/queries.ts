/** Reads of inquiries: the staff desk (row-scoped to the caller's office tree), the public answer page, the FAQ. */
import { and, desc, eq, gte, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { inquiries, organizations } from "../../db/schema";
import { workingMinutesBetween } from "../../domain/calendar/workingHours";
import { forbidden, notFound } from "../../domain/errors";
import { isUnansweredTooLong } from "../../domain/inquiries/rules";
import type { TInquiryList } from "../../shared/api/inquiries";
import type { ZListInquiries } from "../../shared/api/requests/inquiries";
import type { Actor } from "../actor";
import { calendarFor } from "../calendar/access";
import type { AppContext } from "../context";
import { can } from "../policies";
import { INQUIRY, reachableColleagues } from "./inquiries";
import { rootPath } from "./policy";
import {
  type InquiryRow,
  namesFor,
  policyRecord,
  presentFaq,
  presentInquiry,
  presentPublicInquiry,
} from "./present";

export type TListInquiries = z.infer<typeof ZListInquiries>;

/** Local midnight (Asia/Shanghai) of a date, as an instant. */
const localMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Office-hours minutes each row has waited (to its answer, or to now). */
async function waitingOf(ctx: AppContext, rows: InquiryRow[], now: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.workingMinutesToAnswer !== null) {
      out.set(r.id, r.workingMinutesToAnswer);
      continue;
    }
    out.set(r.id, workingMinutesBetween(await calendarFor(ctx, r.orgId), r.askedAt, now));
  }
  return out;
}

/** Rows the actor may see: every inquiry of the trees where they hold clerk, supervisor or admin, and their own. */
function scopeOf(actor: Actor): SQL {
  const roots = [
    ...new Set(
      actor.memberships
        .filter((m) => ["clerk", "supervisor", "admin"].includes(m.role) && m.orgPath)
        .map((m) => rootPath(m.orgPath as string)),
    ),
  ];
  return or(
    eq(inquiries.ownerId, actor.userId),
    ...roots.map((root) => sql`${inquiries.orgPath} like ${`${root}%`}`),
  ) as SQL;
}

/**
 * The inquiry desk: questions of the caller's office tree (the newest 200 matching the filters, those
 * waiting for an answer first), with counts over the whole scope — unclaimed, open, answered, the
 * caller's own open ones and those waiting longer than one working day.
 */
export async function listInquiries(ctx: AppContext, actor: Actor, q: TListInquiries): Promise<TInquiryList> {
  if (actor.kind !== "staff") throw forbidden("listInquiries");
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const scope = scopeOf(actor);
  const ownerFilter =
    q.owner === "me"
      ? eq(inquiries.ownerId, actor.userId)
      : q.owner === "none"
        ? sql`${inquiries.ownerId} is null`
        : q.owner
          ? eq(inquiries.ownerId, q.owner)
          : undefined;
  const rows = await db
    .select()
    .from(inquiries)
    .where(
      and(
        scope,
        q.status ? eq(inquiries.status, q.status) : undefined,
        q.channel ? eq(inquiries.channel, q.channel) : undefined,
        ownerFilter,
        q.itemCode ? eq(inquiries.itemCode, q.itemCode) : undefined,
        q.from ? gte(inquiries.askedAt, localMidnight(q.from)) : undefined,
        q.to ? lt(inquiries.askedAt, new Date(localMidnight(q.to).getTime() + 86_400_000)) : undefined,
      ),
    )
    .orderBy(sql`${inquiries.status} = 'answered'`, desc(inquiries.askedAt))
    .limit(200);
  const counted = await db
    .select({ status: inquiries.status, n: sql<number>`count(*)::int` })
    .from(inquiries)
    .where(scope)
    .groupBy(inquiries.status);
  const waitingRows = await db
    .select()
    .from(inquiries)
    .where(and(scope, sql`${inquiries.status} <> 'answered'`));
  const waitingAll = await waitingOf(ctx, waitingRows, now);
  const waiting = await waitingOf(
    ctx,
    rows.filter((r) => !waitingAll.has(r.id)),
    now,
  );
  for (const [k, v] of waitingAll) waiting.set(k, v);
  const names = await namesFor(db, rows);
  const count = (s: string) => counted.find((c) => c.status === s)?.n ?? 0;
  return {
    items: rows.map((r) => presentInquiry(actor, r, names, waiting.get(r.id) ?? 0)),
    counts: {
      unclaimed: count("unclaimed"),
      open: count("open"),
      answered: count("answered"),
      mine: waitingRows.filter((r) => r.ownerId === actor.userId).length,
      overdue: waitingRows.filter((r) => isUnansweredTooLong(r.status, waitingAll.get(r.id) ?? 0)).length,
    },
  };
}

/** Loads a row the actor may read (404 otherwise). */
async function readable(ctx: AppContext, actor: Actor, id: string): Promise<InquiryRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(INQUIRY);
  const [r] = await ctx.database.db.select().from(inquiries).where(eq(inquiries.id, id));
  if (!r || !can(actor, "read", "inquiry", policyRecord(r))) throw notFound(INQUIRY);
  return r;
}

/** One inquiry, presented for the actor. */
export async function presentFor(ctx: AppContext, actor: Actor, r: InquiryRow) {
  const names = await namesFor(ctx.database.db, [r]);
  const waiting = await waitingOf(ctx, [r], ctx.clock.now());
  return presentInquiry(actor, r, names, waiting.get(r.id) ?? 0);
}

/** One inquiry the actor may read. */
export async function getInquiry(ctx: AppContext, actor: Actor, id: string) {
  return presentFor(ctx, actor, await readable(ctx, actor, id));
}

/** Colleagues the inquiry may be handed to (active staff of its office tree). */
export async function listInquiryColleagues(ctx: AppContext, actor: Actor, id: string) {
  const r = await readable(ctx, actor, id);
  return { items: await reachableColleagues(ctx.database.db, r) };
}

/** The public answer page by query code: question, status and answer, nothing personal (404 for an unknown code). */
export async function getPublicInquiry(ctx: AppContext, code: string) {
  const queryCode = code.trim().toUpperCase();
  const [row] = await ctx.database.db
    .select({ r: inquiries, orgName: organizations.name })
    .from(inquiries)
    .innerJoin(organizations, eq(organizations.id, inquiries.orgId))
    .where(eq(inquiries.queryCode, queryCode));
  if (!row) throw notFound(INQUIRY);
  return presentPublicInquiry(row.r, row.orgName);
}

/** The FAQ of an item's guide: answered questions published by staff, newest first. */
export async function listItemFaqs(ctx: AppContext, itemCode: string) {
  const rows = await ctx.database.db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.itemCode, itemCode), isNotNull(inquiries.faqPublishedAt)))
    .orderBy(desc(inquiries.faqPublishedAt))
    .limit(100);
  return { items: rows.map(presentFaq) };
}
