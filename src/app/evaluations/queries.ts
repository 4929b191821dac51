import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { cases, evaluationInvitations, evaluations, organizations, rectifications } from "../../db/schema";
import { notFound } from "../../domain/errors";
import { invitationState, isBad, type Level } from "../../domain/evaluations/evaluation";
import type { TCaseEvaluations, TEvaluation, TMyOpenInvitations } from "../../shared/api/evaluations";
import type { TListEvaluations } from "../../shared/api/requests/evaluations";
import type { Actor } from "../actor";
import { casePolicyRecord, loadCase } from "../cases/caseRows";
import type { AppContext } from "../context";
import { authorize, can } from "../policies/registry";
import { EVALUATION } from "./errors";
import { isStaff, STAFF_READERS } from "./policy";
import { maskName, presentEvaluation } from "./present";
import { evaluationScope } from "./scope";

type Joined = {
  e: typeof evaluations.$inferSelect;
  caseNumber: string;
  orgName: string;
  orgPath: string;
  applicant: { kind: "person" | "enterprise"; name: string };
  applicantId: string;
  createdBy: string;
  handlingType: "immediate" | "promised";
  rectId: string | null;
  rectStatus: string | null;
};

const joinedColumns = {
  e: evaluations,
  caseNumber: cases.number,
  orgName: organizations.name,
  orgPath: organizations.path,
  applicant: cases.applicant,
  applicantId: cases.applicantId,
  createdBy: cases.createdBy,
  handlingType: cases.handlingType,
  rectId: rectifications.id,
  rectStatus: rectifications.status,
};

function toWire(actor: Actor, r: Joined): TEvaluation {
  const rec = {
    orgPath: r.orgPath,
    applicantId: r.applicantId,
    createdBy: r.createdBy,
    handlingType: r.handlingType,
    reviewOrgPaths: [],
  };
  const own = actor.userId === r.applicantId;
  const bad = isBad(r.e.level as Level);
  return presentEvaluation(r.e, {
    caseNumber: r.caseNumber,
    orgName: r.orgName,
    // The applicant and the window see the name; other staff a masked one.
    applicantName:
      own || can(actor, "openEvaluationTablet", "case", rec)
        ? r.applicant.name
        : maskName(r.applicant.name, r.applicant.kind),
    rectification: r.rectId ? { id: r.rectId, status: r.rectStatus ?? "" } : null,
    abilities: {
      appeal: bad && r.e.appealStatus === "none" && can(actor, "appealEvaluation", "case", rec),
      decideAppeal: r.e.appealStatus === "pending" && can(actor, "decideEvaluationAppeal", "case", rec),
    },
  });
}

// A rating's office is its case's (submitEvaluation); joined by the rating's own column, so the scope of a
// tree reads that tree's ratings of the month through evaluations_org_month_idx.
function joinedQuery(db: AppContext["database"]["db"]) {
  return db
    .select(joinedColumns)
    .from(evaluations)
    .innerJoin(cases, eq(cases.id, evaluations.caseId))
    .innerJoin(organizations, eq(organizations.id, evaluations.orgId))
    .leftJoin(rectifications, eq(rectifications.evaluationId, evaluations.id));
}

/**
 * The ratings the actor may read (listEvaluations): the staff drill-down of the published figures
 * (their organization tree; names masked except for the window, comments masked), or the applicant's own.
 */
export async function listEvaluations(
  ctx: AppContext,
  actor: Actor,
  q: TListEvaluations,
): Promise<{ items: TEvaluation[]; total: number }> {
  const db = ctx.database.db;
  const where = and(
    evaluationScope(actor, STAFF_READERS),
    q.month ? eq(evaluations.month, q.month) : undefined,
    q.orgId ? eq(evaluations.orgId, q.orgId) : undefined,
    q.itemCode ? eq(evaluations.itemCode, q.itemCode) : undefined,
    q.level ? eq(evaluations.level, q.level) : undefined,
    q.bad === "true" ? inArray(evaluations.level, ["dissatisfied", "very_dissatisfied"]) : undefined,
    q.bad === "false" ? inArray(evaluations.level, ["very_satisfied", "satisfied", "basic"]) : undefined,
    q.appealStatus ? eq(evaluations.appealStatus, q.appealStatus) : undefined,
  );
  const rows = (await joinedQuery(db)
    .where(where)
    .orderBy(desc(evaluations.submittedAt))
    .limit(q.limit)
    .offset(q.offset)) as Joined[];
  // The count reads the case only for an applicant's own ratings (the scope's one column of cases).
  const counted = db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluations)
    .innerJoin(organizations, eq(organizations.id, evaluations.orgId));
  const [{ n }] = await (actor.kind === "staff"
    ? counted.where(where)
    : counted.innerJoin(cases, eq(cases.id, evaluations.caseId)).where(where));
  return { items: rows.map((r) => toWire(actor, r)), total: n };
}

/** One rating as the actor reads it (404 outside their scope). */
export async function getEvaluation(ctx: AppContext, actor: Actor, id: string): Promise<TEvaluation> {
  const [row] = (await joinedQuery(ctx.database.db).where(
    and(eq(evaluations.id, id), evaluationScope(actor, STAFF_READERS)),
  )) as Joined[];
  if (!row) throw notFound(EVALUATION);
  return toWire(actor, row);
}

/**
 * The invitations of a case with their ratings (listCaseEvaluations): the applicant's portal panel
 * (rate), and the case screen of the office (open a window tablet).
 */
export async function listCaseEvaluations(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<TCaseEvaluations> {
  const db = ctx.database.db;
  const c = await loadCase(db, caseId);
  const rec = casePolicyRecord(c);
  if (actor.userId !== c.applicantId) authorize(actor, "readEvaluations", "case", rec);
  const now = ctx.clock.now();
  const invs = await db
    .select()
    .from(evaluationInvitations)
    .where(eq(evaluationInvitations.caseId, caseId))
    .orderBy(evaluationInvitations.createdAt);
  const rows = (await joinedQuery(db).where(eq(evaluations.caseId, caseId))) as Joined[];
  const own = actor.userId === c.applicantId && !isStaff(actor);
  const order = ["acceptance", "completion", "follow_up"];
  invs.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  const items = invs.map((i) => {
    const state = invitationState(i, now);
    const row = rows.find((r) => r.e.invitationId === i.id);
    return {
      id: i.id,
      stage: i.stage,
      state,
      invitedOn: i.invitedOn,
      closesAt: i.closesAt.toISOString(),
      remindedAt: i.remindedAt?.toISOString() ?? null,
      evaluation: row ? toWire(actor, row) : null,
      abilities: { rate: own && state === "open" },
    };
  });
  return {
    invitations: items,
    abilities: {
      openTablet: items.some((i) => i.state === "open") && can(actor, "openEvaluationTablet", "case", rec),
    },
  };
}

/** The caller's own invitations still open (listMyEvaluationInvitations): the portal's 待评价 list. */
export async function listMyOpenInvitations(ctx: AppContext, actor: Actor): Promise<TMyOpenInvitations> {
  if (isStaff(actor)) return { items: [] };
  const now = ctx.clock.now();
  const rows = await ctx.database.db
    .select({ i: evaluationInvitations, caseNumber: cases.number, itemName: cases.itemName })
    .from(evaluationInvitations)
    .innerJoin(cases, eq(cases.id, evaluationInvitations.caseId))
    .where(
      and(
        eq(cases.applicantId, actor.userId),
        isNull(evaluationInvitations.usedAt),
        gt(evaluationInvitations.closesAt, now),
      ),
    )
    .orderBy(desc(evaluationInvitations.createdAt))
    .limit(50);
  return {
    items: rows.map((r) => ({
      id: r.i.id,
      caseId: r.i.caseId,
      caseNumber: r.caseNumber,
      itemName: r.itemName,
      stage: r.i.stage,
      closesAt: r.i.closesAt.toISOString(),
    })),
  };
}
