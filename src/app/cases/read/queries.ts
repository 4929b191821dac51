import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { piiHashes } from "../../../adapters/pii/keyring";
import { queryRows } from "../../../db/client";
import { caseEvents, cases, organizations, reviewTasks } from "../../../db/schema";
import { type CaseStatus, CLOCKED } from "../../../domain/cases/caseStatus";
import { type CaseClockState, type ClockView, caseClock } from "../../../domain/cases/clock";
import { notFound } from "../../../domain/errors";
import type { TCase, TCaseSummary, TCaseTimeline, TPublicProgress } from "../../../shared/api/cases";
import { CASE_QUEUES, type ZCaseFilters, type ZListCases } from "../../../shared/api/requests/cases";
import type { Actor } from "../../actor";
import { calendarFor, localDates } from "../../calendar/access";
import type { AppContext } from "../../context";
import { identifierFields, recordPersonalDataRead } from "../../pii/readLog";
import { can } from "../../policies";
import { presentCaseSummary, presentCaseView, seesPersonalData } from "../../presenters/case";
import type { LoadedCase } from "../caseRows";
import { casePolicyRecord, loadCase, toState } from "../caseRows";
import { readableCase } from "../intake/intake";
import { applicantNameMatch, caseTextMatch } from "./caseSearch";
import { type CaseView, readCaseView } from "./caseView";
import { earliestOwedDue, owedSummaries, owesDeferredMaterial } from "./owedQueries";

export type TListCases = z.infer<typeof ZListCases>;
export type TCaseFilters = z.infer<typeof ZCaseFilters>;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/**
 * Row scoping for cases: the one function every case read uses. Applicants see their own cases;
 * window, approvers, supervisors, helpers and admins their organization tree; reviewers the cases with
 * a review task in their department.
 */
export function caseScope(actor: Actor): SQL {
  return sql`(${sql.join(scopeParts(actor), sql` or `)})`;
}

/**
 * The parts of {@link caseScope}, each a condition on `cases` alone: the organization tree first (as
 * `org_id = any(…)`, so `cases_org_status_idx` serves it), then the applicant's own cases, then the
 * reviewers' departments.
 */
function scopeParts(actor: Actor): SQL[] {
  const tree: SQL[] = [];
  const reviewing: SQL[] = [];
  for (const m of actor.memberships) {
    if (!m.orgPath) continue;
    if (["clerk", "approver", "supervisor", "helper", "admin"].includes(m.role))
      tree.push(sql`(o.path like ${`${m.orgPath}%`} or ${m.orgPath} like o.path || '%')`);
    if (m.role === "reviewer")
      reviewing.push(
        sql`exists (select 1 from ${reviewTasks} rt join ${organizations} ro on ro.id = rt.org_id where rt.case_id = ${cases.id} and ro.path like ${`${m.orgPath}%`})`,
      );
  }
  return [
    ...(tree.length
      ? [
          sql`${cases.orgId} = any(array(select o.id from ${organizations} o where ${sql.join(tree, sql` or `)}))`,
        ]
      : []),
    sql`${cases.applicantId} = ${actor.userId}`,
    ...reviewing,
  ];
}

const caseColumns = {
  c: cases,
  orgPath: organizations.path,
  orgCode: organizations.code,
  orgName: organizations.name,
  divisionCode: organizations.divisionCode,
};
const toLoaded = (r: {
  c: typeof cases.$inferSelect;
  orgPath: string;
  orgCode: string;
  orgName: string;
  divisionCode: string;
}): LoadedCase => ({
  ...r.c,
  orgPath: r.orgPath,
  orgCode: r.orgCode,
  orgName: r.orgName,
  divisionCode: r.divisionCode,
  reviewOrgPaths: [],
});

/** The clock of each case, computed with its organization's calendar. */
async function clocks(ctx: AppContext, list: LoadedCase[]): Promise<Map<string, ClockView>> {
  const out = new Map<string, ClockView>();
  const now = ctx.clock.now();
  for (const c of list) {
    const cal = await calendarFor(ctx, c.orgId);
    out.set(c.id, caseClock(cal, toState(c), localDates(cal, now).today));
  }
  return out;
}

/**
 * The applicant search of the staff queues. A whole 统一社会信用代码 or 身份证号 matches exactly (the
 * staff list shows them masked, so a fragment must never narrow a list down digit by digit); anything
 * else matches the applicant's name.
 */
function applicantMatch(input: string): SQL {
  const v = input.trim().toUpperCase();
  if (/^[0-9A-Z]{18}$/.test(v) || /^\d{15}$/.test(v))
    return sql`(upper(${cases.applicant}->>'creditCode') = ${v} or ${cases.applicant}->>'idNumberHash' in (${sql.join(
      piiHashes(v).map((h) => sql`${h}`),
      sql`, `,
    )}))`;
  return applicantNameMatch(input);
}

/** The conditions of the filters every queue takes (scope first; `scoped: false` leaves it out). */
async function filterConditions(
  ctx: AppContext,
  actor: Actor,
  f: TCaseFilters,
  scoped = true,
): Promise<SQL[]> {
  const where: SQL[] = [caseScope(actor)];
  if (f.status?.length) where.push(inArray(cases.status, f.status));
  if (f.bundleId) where.push(eq(cases.bundleId, f.bundleId));
  if (f.itemCode) where.push(eq(cases.itemCode, f.itemCode));
  if (f.q) where.push(caseTextMatch(f.q));
  if (f.applicant?.trim()) where.push(applicantMatch(f.applicant));
  const day = sql`coalesce(${cases.receivedOn}, (${cases.createdAt} at time zone 'Asia/Shanghai')::date)`;
  if (f.from) where.push(sql`${day} >= ${f.from}::date`);
  if (f.to) where.push(sql`${day} <= ${f.to}::date`);
  if (f.clock?.length) where.push(await clockCondition(ctx, where, f.clock));
  return scoped ? where : where.slice(1);
}

/**
 * Cases whose clock is in one of `states` now. Before acceptance the clock has not started and after
 * the decision it has stopped (plain SQL); for a running or paused clock the state is computed as every
 * read computes it (the case's calendar, pauses and extension), among the cases the other filters keep.
 */
async function clockCondition(
  ctx: AppContext,
  where: SQL[],
  states: readonly CaseClockState[],
): Promise<SQL> {
  const parts: SQL[] = [];
  if (states.includes("not_started")) parts.push(sql`${cases.acceptedOn} is null`);
  if (states.includes("stopped"))
    parts.push(sql`(${cases.acceptedOn} is not null and not ${inArray(cases.status, [...CLOCKED])})`);
  const running: CaseClockState[] = states.filter((s) => s !== "not_started" && s !== "stopped");
  if (running.length > 0) {
    const rows = await ctx.database.db
      .select(caseColumns)
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.orgId))
      .where(and(...where, inArray(cases.status, [...CLOCKED]), sql`${cases.acceptedOn} is not null`));
    const list = rows.map(toLoaded);
    const cl = await clocks(ctx, list);
    const ids = list.filter((c) => running.includes((cl.get(c.id) as ClockView).state)).map((c) => c.id);
    // One array parameter however many cases: the counts repeat the condition once per queue.
    parts.push(ids.length ? sql`${cases.id} = any(${`{${ids.join(",")}}`}::uuid[])` : sql`false`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The condition and order of one queue. */
function queueOf(queue: CaseQueue | undefined, actor: Actor, today: string): { where?: SQL; order: SQL[] } {
  switch (queue) {
    case "today":
      return {
        where: sql`(${cases.receivedOn} = ${today} or (${cases.createdAt} at time zone 'Asia/Shanghai')::date = ${today}::date)`,
        order: [desc(cases.updatedAt)],
      };
    case "awaiting_check":
      return { where: eq(cases.status, "submitted"), order: [asc(cases.checkDueOn)] };
    case "corrections":
      return { where: eq(cases.status, "correction_requested"), order: [desc(cases.updatedAt)] };
    case "in_progress":
      return {
        where: inArray(cases.status, ["accepted", "in_review", "suspended"]),
        order: [asc(cases.deadline)],
      };
    case "ready_to_issue":
      return { where: inArray(cases.status, ["approved", "denied"]), order: [desc(cases.updatedAt)] };
    case "deferred":
      return { where: owesDeferredMaterial(), order: [earliestOwedDue()] };
    case "drafts":
      return {
        where: and(eq(cases.status, "draft"), eq(cases.createdBy, actor.userId)) as SQL,
        order: [desc(cases.updatedAt)],
      };
    case "mine":
      return { where: eq(cases.applicantId, actor.userId), order: [desc(cases.updatedAt)] };
    case "awaiting_decision":
      // 待决定: in review, every review task approved.
      return {
        where: sql`(${cases.status} = 'in_review' and exists (select 1 from ${reviewTasks} t where t.case_id = ${cases.id})
          and not exists (select 1 from ${reviewTasks} t where t.case_id = ${cases.id} and t.status <> 'approved'))`,
        order: [asc(cases.deadline)],
      };
    case "decided":
      // 已办 of the approver: the cases the caller decided (from the caller's decisions, indexed:
      // case_events_actor_acts_idx, rather than an `exists` per case).
      return {
        where: sql`${cases.id} in (select e.case_id from ${caseEvents} e where e.type = 'case.decided' and e.actor_id = ${actor.userId})`,
        order: [desc(cases.updatedAt)],
      };
    default:
      return { order: [desc(cases.updatedAt)] };
  }
}

async function todayOf(ctx: AppContext, actor: Actor): Promise<string> {
  return localDates(await calendarFor(ctx, actor.memberships[0]?.orgId ?? null), ctx.clock.now()).today;
}

/** Lists the cases the actor may see, with filters and the staff queues; each with its clock. */
export async function listCases(
  ctx: AppContext,
  actor: Actor,
  f: TListCases,
): Promise<{ items: TCaseSummary[]; total: number }> {
  const today = await todayOf(ctx, actor);
  const where = await filterConditions(ctx, actor, f);
  const queue = queueOf(f.queue, actor, today);
  if (queue.where) where.push(queue.where);
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db
      .select(caseColumns)
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.orgId))
      .where(cond)
      .orderBy(...queue.order, desc(cases.id))
      .limit(f.limit)
      .offset(f.offset),
    ctx.database.db
      .select({ total: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.orgId))
      .where(cond),
  ]);
  const list = rows.map(toLoaded);
  const cl = await clocks(ctx, list);
  const owed = await owedSummaries(
    ctx.database.db,
    list.map((c) => c.id),
  );
  return {
    items: list.map((c) => ({
      ...presentCaseSummary(actor, c, cl.get(c.id) as ClockView),
      owedMaterials: owed.get(c.id) ?? null,
    })),
    total,
  };
}

/**
 * The count of every queue under the same filters, in one statement: the numbers on the tabs of the
 * window's workbench and the approver's inbox. Each queue is its own `count(*)` with the queue's
 * condition beside the filters, so each reaches its rows through its own index — the open statuses
 * through `cases_org_status_idx`, "today" through the day indexes, "decided" through the caller's
 * decisions — instead of testing every queue's condition on every case of the tree. The scope's parts
 * are counted apart (each without the rows of the parts before it, so none is counted twice): an `or`
 * of the organization tree and the caller's own cases would be a scan of every case, the tree alone is
 * an index-only count (docs/performance.md §3 lesson 5).
 */
export async function countCases(
  ctx: AppContext,
  actor: Actor,
  f: TCaseFilters,
): Promise<Record<CaseQueue | "all", number>> {
  const today = await todayOf(ctx, actor);
  const filters = await filterConditions(ctx, actor, f, false);
  const parts = scopeParts(actor);
  const count = (queue?: SQL) =>
    sql.join(
      parts.map(
        (part, i) =>
          sql`(select count(*)::int from ${cases} where ${and(
            part,
            ...parts.slice(0, i).map((before) => sql`not ${before}`),
            ...filters,
            queue,
          )})`,
      ),
      sql` + `,
    );
  const columns = [
    sql`${count()} as "all"`,
    ...CASE_QUEUES.map((q) => sql`${count(queueOf(q, actor, today).where)} as ${sql.identifier(q)}`),
  ];
  // Without parallel workers or JIT: each count reads at most tens of thousands of index entries, and
  // starting workers (≈ 300 ms) or compiling the 22 counts' expressions (≈ 600 ms) costs more than
  // that on a busy 2-core server (docs/performance.md §3 lesson 5).
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    await tx.execute(sql`set local jit = off`);
    const [row] = await queryRows<Record<CaseQueue | "all", number>>(
      tx,
      sql`select ${sql.join(columns, sql`, `)}`,
    );
    return row;
  });
}

/** One case with its materials, review tasks, documents and abilities. */
export async function getCase(ctx: AppContext, actor: Actor, caseId: string): Promise<TCase> {
  return presentLoadedCase(ctx, actor, await readableCase(ctx, actor, caseId));
}

/** {@link getCase} of a case already loaded and authorized. */
async function presentLoadedCase(ctx: AppContext, actor: Actor, c: LoadedCase): Promise<TCase> {
  const cal = await calendarFor(ctx, c.orgId);
  return presentCaseRead(ctx, actor, await readCaseView(ctx.database.db, c, cal, ctx.clock.now()));
}

/**
 * The case as `actor` sees it, presented from `view` — the answer of a read and of every command on a
 * case. Who was shown whose identifiers whole is recorded (issue 16 point 8; docs/api-conventions.md):
 * a command's answer shows the window the same case a read does, so it is recorded the same way.
 */
export async function presentCaseRead(ctx: AppContext, actor: Actor, view: CaseView): Promise<TCase> {
  if (seesPersonalData(actor, view.case))
    await recordPersonalDataRead(ctx.database.db, actor, ctx.clock.now(), {
      applicantId: view.case.applicantId,
      applicantLabel: view.case.applicant.name,
      orgPath: view.case.orgPath,
      via: "case",
      caseId: view.case.id,
      caseNumber: view.case.number,
      fields: identifierFields(view.case.applicant, view.case.agent),
    });
  return presentCaseView(actor, view);
}

/**
 * The case with a human number (办件编号, what integrators and applicants hold), for a caller who may
 * read it — the same scope as {@link getCase}. Unknown and not readable are the same 404, so a number
 * tells nobody whether a case exists.
 */
export async function findCaseByNumber(ctx: AppContext, actor: Actor, number: string): Promise<TCase> {
  const missing = () => notFound({ "zh-CN": `办件 ${number}`, "en-US": `Case ${number}` });
  const [row] = await ctx.database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, number));
  if (!row) throw missing();
  const c = await loadCase(ctx.database.db, row.id);
  if (!can(actor, "read", "case", casePolicyRecord(c))) throw missing();
  return presentLoadedCase(ctx, actor, c);
}

/**
 * The timeline of a case: every event in order, each department's task as a span, and the pauses —
 * the data of the Gantt-like chart.
 */
export async function getCaseTimeline(ctx: AppContext, actor: Actor, caseId: string): Promise<TCaseTimeline> {
  const c = await readableCase(ctx, actor, caseId);
  const db = ctx.database.db;
  const [events, tasks] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.seq)),
    db
      .select({ t: reviewTasks, orgName: organizations.name })
      .from(reviewTasks)
      .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
      .where(eq(reviewTasks.caseId, c.id)),
  ]);
  const claims = new Map<string, string>();
  for (const e of events)
    if (e.type === "review.claimed") claims.set(String(e.data.taskId), e.at.toISOString());
  return {
    caseId: c.id,
    number: c.number,
    status: c.status as CaseStatus,
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data,
    })),
    tasks: tasks.map((r) => ({
      id: r.t.id,
      stepName: r.t.stepName,
      orgName: r.orgName,
      status: r.t.status,
      startedAt: r.t.openedOn ? (claims.get(r.t.id) ?? r.t.createdAt.toISOString()) : null,
      openedOn: r.t.openedOn,
      dueOn: r.t.dueOn,
      completedAt: r.t.completedAt?.toISOString() ?? null,
      returns: r.t.returns,
    })),
    pauses: c.pauses,
  };
}

/**
 * The public progress page (阳光下工作): by case number and query code, without login, showing the
 * item, status, dates and steps — and nothing personal (no names, no identifiers).
 */
export async function getPublicProgress(
  ctx: AppContext,
  number: string,
  queryCode: string,
): Promise<TPublicProgress> {
  const db = ctx.database.db;
  const [row] = await db
    .select(caseColumns)
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .where(eq(cases.number, number));
  if (!row || row.c.queryCode !== queryCode.trim().toUpperCase() || row.c.status === "draft") {
    throw notFound({
      "zh-CN": "办件（请核对办件编号与查询码）",
      "en-US": "Case (check the case number and query code)",
    });
  }
  const c = toLoaded(row);
  const cl = (await clocks(ctx, [c])).get(c.id) as ClockView;
  const events = await db
    .select({ type: caseEvents.type, at: caseEvents.at, toStatus: caseEvents.toStatus })
    .from(caseEvents)
    .where(
      and(eq(caseEvents.caseId, c.id), sql`${caseEvents.toStatus} is distinct from ${caseEvents.fromStatus}`),
    )
    .orderBy(asc(caseEvents.seq));
  const tasks = await db
    .select({ stepName: reviewTasks.stepName, status: reviewTasks.status, orgName: organizations.name })
    .from(reviewTasks)
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .where(eq(reviewTasks.caseId, c.id));
  return {
    number: c.number,
    itemName: c.itemName,
    orgName: c.orgName,
    status: c.status as CaseStatus,
    statusLabel: presentCaseSummary(
      { userId: "", username: "", displayName: "", kind: "person", locale: "zh-CN", memberships: [] },
      c,
      cl,
    ).statusLabel,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    deadline: cl.deadline,
    clock: { state: cl.state, provisional: cl.provisional, remainingWorkingDays: cl.remainingWorkingDays },
    finishedOnSpot: c.finishedOnSpot,
    completedAt: c.completedAt?.toISOString() ?? null,
    steps: events.map((e) => ({ type: e.type, at: e.at.toISOString(), status: e.toStatus })),
    reviews: tasks.map((t) => ({ stepName: t.stepName, orgName: t.orgName, status: t.status })),
  };
}
