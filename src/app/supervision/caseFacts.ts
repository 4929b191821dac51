/**
 * The case facts of a supervisor's tree for a span of months, read from `case_facts` (one narrow row
 * per case kept by the case runner, ADR 0017e) instead of every case's events and review tasks. Only
 * the open cases are completed live: their clock today, and their review tasks as they stand now.
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { caseFacts, cases, reviewTasks } from "../../db/schema";
import { type CaseStatus, CLOCKED, CLOSED } from "../../domain/cases/caseStatus";
import { caseClock } from "../../domain/cases/clock";
import type { CaseFact, ClockStateShown, Handler } from "../../domain/supervision/figures";
import { calendarFor, localDates } from "../calendar/access";
import { toState } from "../cases/caseRows";
import type { AppContext } from "../context";
import type { FigureScope } from "./facts";

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

/**
 * The facts of the tree's cases accepted or completed since `fromMonth`, open with a clock, or rated
 * or alerted since (listed when a supervisor drills into those figures). `numbers`: with each case's
 * number (the drill-down lists them; the counts do not need them).
 */
export async function caseFactsOf(
  ctx: AppContext,
  scope: FigureScope,
  fromMonth: string,
  members: readonly Member[],
  opts: { numbers?: boolean } = {},
): Promise<CaseFact[]> {
  const start = `${fromMonth}-01`;
  const startInstant = new Date(`${start}T00:00:00+08:00`).toISOString();
  const tree = sql.join(
    scope.orgs.map((o) => sql`${o.id}::uuid`),
    sql`, `,
  );
  const clocked = sql.join(
    CLOCKED.map((s) => sql`${s}`),
    sql`, `,
  );
  // One index range per reason, united: an OR of them (with the subqueries) scans every case.
  const ids: SQL = sql`(
    select case_id from case_facts where org_id in (${tree}) and accepted_on >= ${start}
    union select case_id from case_facts where org_id in (${tree}) and completed_at >= ${startInstant}::timestamptz
    union select case_id from case_facts where org_id in (${tree}) and status in (${clocked})
    union select case_id from evaluations where org_id in (${tree}) and month >= ${fromMonth}
    union select case_id from supervision_alerts where org_id in (${tree})
      and raised_at >= ${startInstant}::timestamptz and case_id is not null)`;
  const rows = await withoutJit(ctx, (db) =>
    db
      .select({
        id: caseFacts.caseId,
        orgId: caseFacts.orgId,
        number: cases.number,
        itemName: caseFacts.itemName,
        status: caseFacts.status,
        acceptedOn: caseFacts.acceptedOn,
        completedAt: caseFacts.completedAt,
        deadline: caseFacts.deadline,
        finishedOnSpot: caseFacts.finishedOnSpot,
        visits: caseFacts.visits,
        handlers: caseFacts.handlers,
        taskHandlers: caseFacts.taskHandlers,
      })
      .from(caseFacts)
      // The numbers only when asked: a join that is false costs nothing.
      .leftJoin(cases, opts.numbers ? eq(cases.id, caseFacts.caseId) : sql`false`)
      .where(and(sql`${caseFacts.caseId} in ${ids}`, sql`${caseFacts.orgId} in (${tree})`)),
  );
  return completeFacts(ctx, rows, members);
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
        .where(inArray(reviewTasks.caseId, open))
    : []) {
    const who = t.completedBy ?? t.claimedBy;
    if (who) liveTasks.set(t.caseId, [...(liveTasks.get(t.caseId) ?? []), { u: who, o: t.orgId }]);
  }
  const clockedIds = rows.filter((r) => CLOCKED.includes(r.status as CaseStatus)).map((r) => r.id);
  const clockOf = new Map<string, ClockStateShown | null>();
  if (clockedIds.length) {
    const now = ctx.clock.now();
    for (const c of await db.select().from(cases).where(inArray(cases.id, clockedIds))) {
      const cal = await calendarFor(ctx, c.orgId);
      const s = caseClock(cal, toState(c), localDates(cal, now).today).state;
      clockOf.set(c.id, s === "normal" || s === "yellow" || s === "red" || s === "paused" ? s : null);
    }
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
