/**
 * The case facts of a supervisor's tree for a span of months, read from `case_facts` (one narrow row
 * per case kept by the case runner, ADR 0017e) instead of every case's events and review tasks. Only
 * the open cases are completed live: their clock today, and their review tasks as they stand now.
 */
import { and, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { caseFacts, cases, reviewTasks } from "../../db/schema";
import { type CaseStatus, CLOCKED, CLOSED } from "../../domain/cases/caseStatus";
import { caseClock } from "../../domain/cases/clock";
import type { CaseFact, ClockStateShown, Handler } from "../../domain/supervision/figures";
import { calendarFor, localDates } from "../calendar/access";
import { toState } from "../cases/caseRows";
import type { AppContext } from "../context";

/** `column = any(ids)` with one parameter, however many ids (a list of parameters stops at 65,535). */
const anyOf = (column: SQLWrapper, ids: readonly string[]) =>
  sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;

/** A membership of the tree: who, in which role, in which office. */
export type Member = { userId: string; role: string; orgId: string | null };

/** Local date (Asia/Shanghai, the demo's and the default zone) of an instant. */
export const localDateOf = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Reads without JIT (PostgreSQL compiles these many-row plans for ~0.5 s; PGlite has no JIT). */
async function withoutJit<T>(ctx: AppContext, read: (ex: Executor) => Promise<T>): Promise<T> {
  if (ctx.database.kind !== "postgresql") return read(ctx.database.db);
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return read(tx);
  });
}

const factColumns = {
  id: caseFacts.caseId,
  orgId: caseFacts.orgId,
  itemName: caseFacts.itemName,
  status: caseFacts.status,
  acceptedOn: caseFacts.acceptedOn,
  completedAt: caseFacts.completedAt,
  deadline: caseFacts.deadline,
  finishedOnSpot: caseFacts.finishedOnSpot,
  visits: caseFacts.visits,
  handlers: caseFacts.handlers,
  taskHandlers: caseFacts.taskHandlers,
};

/** The clock state the figures show of an open, clocked case at `now` (null for states they do not show). */
export async function clockShown(
  ctx: AppContext,
  c: typeof cases.$inferSelect,
  now: Date,
): Promise<ClockStateShown | null> {
  const cal = await calendarFor(ctx, c.orgId);
  const s = caseClock(cal, toState(c), localDates(cal, now).today).state;
  return s === "normal" || s === "yellow" || s === "red" || s === "paused" ? s : null;
}

/**
 * The later of a case's acceptance and completion dates (local): completion is never before
 * acceptance, so "accepted or completed since D" is "this date since D". The expression of
 * `case_facts_org_span_idx` (the migration), which covers every column of {@link factColumns}.
 */
export const spanOn = sql`coalesce((${caseFacts.completedAt} at time zone 'Asia/Shanghai')::date, ${caseFacts.acceptedOn})`;

/**
 * The facts of the tree's cases accepted or completed since `fromMonth` (one index-only range per
 * office), open with a clock, or among `alsoIds` (older cases rated or alerted since: listed when a
 * supervisor drills into those figures). `numbers`: with each case's number (the drill-down lists
 * them; the counts do not need them).
 */
export async function caseFactsOf(
  ctx: AppContext,
  /** The offices of the tree (FigureScope of ./facts). */
  scope: { orgs: readonly { id: string }[] },
  fromMonth: string,
  members: readonly Member[],
  opts: { numbers?: boolean; alsoIds?: Iterable<string> } = {},
): Promise<CaseFact[]> {
  const treeIds = scope.orgs.map((o) => o.id);
  const rows = await withoutJit(ctx, async (db) => {
    const inSpan = await db
      .select(factColumns)
      .from(caseFacts)
      .where(and(inArray(caseFacts.orgId, treeIds), sql`${spanOn} >= ${`${fromMonth}-01`}::date`));
    const clocked = await db
      .select(factColumns)
      .from(caseFacts)
      .where(and(inArray(caseFacts.orgId, treeIds), inArray(caseFacts.status, [...CLOCKED])));
    const have = new Set(inSpan.map((r) => r.id));
    const more = clocked.filter((r) => !have.has(r.id));
    for (const r of more) have.add(r.id);
    const missing = [...new Set(opts.alsoIds ?? [])].filter((id) => !have.has(id));
    const older = missing.length
      ? await db
          .select(factColumns)
          .from(caseFacts)
          .where(and(anyOf(caseFacts.caseId, missing), inArray(caseFacts.orgId, treeIds)))
      : [];
    return [...inSpan, ...more, ...older];
  });
  const numbers = new Map<string, string>();
  if (opts.numbers && rows.length)
    for (const c of await ctx.database.db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(
        anyOf(
          cases.id,
          rows.map((r) => r.id),
        ),
      ))
      numbers.set(c.id, c.number);
  return completeFacts(
    ctx,
    rows.map((r) => ({ ...r, number: numbers.get(r.id) ?? null })),
    members,
  );
}

type FactRow = {
  id: string;
  orgId: string;
  number: string | null;
  itemName: string;
  status: string;
  acceptedOn: string | null;
  completedAt: Date | null;
  deadline: string | null;
  finishedOnSpot: boolean;
  visits: number;
  handlers: { u: string; r: string }[];
  taskHandlers: { u: string; o: string }[];
};

/** The rows as the figures see them: offices of the handlers, open cases' clocks and tasks read now. */
async function completeFacts(ctx: AppContext, rows: FactRow[], members: readonly Member[]) {
  const db = ctx.database.db;
  const open = rows.filter((r) => !CLOSED.includes(r.status as CaseStatus)).map((r) => r.id);
  const liveTasks = new Map<string, { u: string; o: string }[]>();
  for (const t of open.length
    ? await db
        .select({
          caseId: reviewTasks.caseId,
          orgId: reviewTasks.orgId,
          claimedBy: reviewTasks.claimedBy,
          completedBy: reviewTasks.completedBy,
        })
        .from(reviewTasks)
        .where(anyOf(reviewTasks.caseId, open))
    : []) {
    const who = t.completedBy ?? t.claimedBy;
    if (who) liveTasks.set(t.caseId, [...(liveTasks.get(t.caseId) ?? []), { u: who, o: t.orgId }]);
  }
  const clockedIds = rows.filter((r) => CLOCKED.includes(r.status as CaseStatus)).map((r) => r.id);
  const clockOf = new Map<string, ClockStateShown | null>();
  if (clockedIds.length) {
    const now = ctx.clock.now();
    for (const c of await db.select().from(cases).where(anyOf(cases.id, clockedIds)))
      clockOf.set(c.id, await clockShown(ctx, c, now));
  }
  const officeByRole = new Map<string, string>();
  const officeOfUser = new Map<string, string>();
  for (const m of members) {
    if (!m.orgId) continue;
    const key = `${m.userId} ${m.role}`;
    if (!officeByRole.has(key)) officeByRole.set(key, m.orgId);
    if (!officeOfUser.has(m.userId)) officeOfUser.set(m.userId, m.orgId);
  }
  return rows.map((r): CaseFact => {
    const handlers: Handler[] = [];
    const add = (userId: string, orgId: string) => {
      if (!handlers.some((h) => h.userId === userId && h.orgId === orgId)) handlers.push({ userId, orgId });
    };
    for (const h of r.handlers)
      add(h.u, officeByRole.get(`${h.u} ${h.r}`) ?? officeOfUser.get(h.u) ?? r.orgId);
    for (const t of liveTasks.get(r.id) ?? (CLOSED.includes(r.status as CaseStatus) ? r.taskHandlers : []))
      add(t.u, t.o);
    return {
      id: r.id,
      number: r.number ?? "",
      itemName: r.itemName,
      status: r.status,
      acceptedOn: r.acceptedOn,
      completedOn: r.status === "completed" && r.completedAt ? localDateOf(r.completedAt) : null,
      deadline: r.deadline,
      finishedOnSpot: r.finishedOnSpot,
      visits: r.visits,
      clockState: clockOf.get(r.id) ?? null,
      handlers,
    };
  });
}
