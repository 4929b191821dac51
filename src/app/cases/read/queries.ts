import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { caseEvents, cases, organizations, reviewTasks } from "../../../db/schema";
import type { CaseStatus } from "../../../domain/cases/caseStatus";
import { type ClockView, caseClock } from "../../../domain/cases/clock";
import { notFound } from "../../../domain/errors";
import type { TCase, TCaseSummary, TCaseTimeline, TPublicProgress } from "../../../shared/api/cases";
import type { ZListCases } from "../../../shared/api/requests/cases";
import type { Actor } from "../../actor";
import { calendarFor, localDates } from "../../calendar/access";
import type { AppContext } from "../../context";
import { can } from "../../policies";
import { presentCaseSummary, presentCaseView } from "../../presenters/case";
import type { LoadedCase } from "../caseRows";
import { casePolicyRecord, loadCase, toState } from "../caseRows";
import { readableCase } from "../intake/intake";
import { readCaseView } from "./caseView";
import { earliestOwedDue, owedSummaries, owesDeferredMaterial } from "./owedQueries";

export type TListCases = z.infer<typeof ZListCases>;

/**
 * Row scoping for cases: the one function every case read uses. Applicants see their own cases;
 * window, approvers, supervisors, helpers and admins their organization tree; reviewers the cases with
 * a review task in their department.
 */
export function caseScope(actor: Actor): SQL {
  const parts: SQL[] = [sql`${cases.applicantId} = ${actor.userId}`];
  for (const m of actor.memberships) {
    if (!m.orgPath) continue;
    if (["clerk", "approver", "supervisor", "helper", "admin"].includes(m.role)) {
      parts.push(
        sql`(${organizations.path} like ${`${m.orgPath}%`} or ${m.orgPath} like ${organizations.path} || '%')`,
      );
    }
    if (m.role === "reviewer") {
      parts.push(
        sql`exists (select 1 from ${reviewTasks} rt join ${organizations} ro on ro.id = rt.org_id where rt.case_id = ${cases.id} and ro.path like ${`${m.orgPath}%`})`,
      );
    }
  }
  return sql`(${sql.join(parts, sql` or `)})`;
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

/** Lists the cases the actor may see, with filters and the window's queues; each with its clock. */
export async function listCases(
  ctx: AppContext,
  actor: Actor,
  f: TListCases,
): Promise<{ items: TCaseSummary[]; total: number }> {
  const where: SQL[] = [caseScope(actor)];
  if (f.status?.length) where.push(inArray(cases.status, f.status));
  if (f.bundleId) where.push(eq(cases.bundleId, f.bundleId));
  if (f.q)
    where.push(
      sql`(${cases.number} ilike ${`%${f.q}%`} or ${cases.title} ilike ${`%${f.q}%`} or ${cases.itemName} ilike ${`%${f.q}%`} or ${cases.applicant}->>'name' ilike ${`%${f.q}%`})`,
    );
  const today = localDates(
    await calendarFor(ctx, actor.memberships[0]?.orgId ?? null),
    ctx.clock.now(),
  ).today;
  let order: SQL[] = [desc(cases.updatedAt)];
  switch (f.queue) {
    case "today":
      where.push(
        sql`(${cases.receivedOn} = ${today} or (${cases.createdAt} at time zone 'Asia/Shanghai')::date = ${today}::date)`,
      );
      break;
    case "awaiting_check":
      where.push(eq(cases.status, "submitted"));
      order = [asc(cases.checkDueOn)];
      break;
    case "corrections":
      where.push(eq(cases.status, "correction_requested"));
      break;
    case "in_progress":
      where.push(inArray(cases.status, ["accepted", "in_review", "suspended"]));
      order = [asc(cases.deadline)];
      break;
    case "ready_to_issue":
      where.push(inArray(cases.status, ["approved", "denied"]));
      break;
    case "deferred":
      where.push(owesDeferredMaterial());
      order = [earliestOwedDue()];
      break;
    case "drafts":
      where.push(and(eq(cases.status, "draft"), eq(cases.createdBy, actor.userId)) as SQL);
      break;
    case "mine":
      where.push(eq(cases.applicantId, actor.userId));
      break;
  }
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db
      .select(caseColumns)
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.orgId))
      .where(cond)
      .orderBy(...order)
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

/** One case with its materials, review tasks, documents and abilities. */
export async function getCase(ctx: AppContext, actor: Actor, caseId: string): Promise<TCase> {
  const c = await readableCase(ctx, actor, caseId);
  const cal = await calendarFor(ctx, c.orgId);
  return presentCaseView(actor, await readCaseView(ctx.database.db, c, cal, ctx.clock.now()));
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
  return getCase(ctx, actor, c.id);
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
