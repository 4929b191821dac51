import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { PreparedStatement } from "../../db/prepared";
import { cases, organizations } from "../../db/schema";
import type { CaseState } from "../../domain/cases/caseState";
import type { CaseStatus } from "../../domain/cases/caseStatus";
import { notFound } from "../../domain/errors";

export type CaseRow = typeof cases.$inferSelect;
/** A case row with the path of its organization (for policies and row scoping). */
export type LoadedCase = CaseRow & {
  /** Paths of the departments with a review task on the case (what a reviewer may read). */
  reviewOrgPaths: string[];
  orgPath: string;
  orgCode: string;
  orgName: string;
  divisionCode: string;
};

const CASE = { "zh-CN": "办件", "en-US": "Case" };

type LoadedRow = {
  c: CaseRow;
  orgPath: string;
  orgCode: string;
  orgName: string;
  divisionCode: string;
  reviewOrgPaths: string[] | null;
};

/** The statement of {@link loadCase}, by the case's id or by a review task's, optionally locking the row. */
function caseStatement(byTask: boolean, forUpdate: boolean) {
  return new PreparedStatement<LoadedRow>(
    `case_${byTask ? "by_task" : "by_id"}${forUpdate ? "_for_update" : ""}`,
    (ex) => {
      const q = ex
        .select({
          c: cases,
          orgPath: organizations.path,
          orgCode: organizations.code,
          orgName: organizations.name,
          divisionCode: organizations.divisionCode,
          reviewOrgPaths: sql<
            string[]
          >`coalesce((select array_agg(o.path) from review_tasks rt join organizations o on o.id = rt.org_id where rt.case_id = ${cases.id}), '{}')`,
        })
        .from(cases)
        .innerJoin(organizations, eq(organizations.id, cases.orgId))
        .where(
          byTask
            ? sql`${cases.id} = (select rt.case_id from review_tasks rt where rt.id = ${sql.placeholder("id")})`
            : eq(cases.id, sql.placeholder("id")),
        );
      return forUpdate ? q.for("update", { of: cases }) : q;
    },
  );
}

// Every command locks its case with one of these (ADR 0017g: built once, prepared per connection).
const CASE_STATEMENTS = {
  byId: caseStatement(false, false),
  byIdForUpdate: caseStatement(false, true),
  byTask: caseStatement(true, false),
  byTaskForUpdate: caseStatement(true, true),
};

/**
 * Loads a case with its organization; `forUpdate` locks the row for the rest of the transaction. With
 * `{ taskId }` it loads the case of that review task (404 names the task when there is none).
 */
export async function loadCase(
  ex: Executor,
  ref: string | { taskId: string },
  forUpdate = false,
): Promise<LoadedCase> {
  const byTask = typeof ref !== "string";
  const id = byTask ? ref.taskId : ref;
  const missing = byTask ? { "zh-CN": "审查任务", "en-US": "Review task" } : CASE;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(missing);
  const statement = byTask
    ? forUpdate
      ? CASE_STATEMENTS.byTaskForUpdate
      : CASE_STATEMENTS.byTask
    : forUpdate
      ? CASE_STATEMENTS.byIdForUpdate
      : CASE_STATEMENTS.byId;
  const [row] = await statement.run(ex, { id });
  if (!row) throw notFound(missing);
  return {
    ...row.c,
    orgPath: row.orgPath,
    orgCode: row.orgCode,
    orgName: row.orgName,
    divisionCode: row.divisionCode,
    reviewOrgPaths: row.reviewOrgPaths ?? [],
  };
}

/** The state-machine view of a case row. */
export function toState(
  row: Pick<
    CaseRow,
    | "status"
    | "statusEnteredAt"
    | "handlingType"
    | "receivedOn"
    | "acceptedOn"
    | "limitDays"
    | "pauses"
    | "extensionDays"
    | "resumeTo"
    | "correctionRounds"
    | "decision"
    | "returnsCount"
    | "finishedOnSpot"
  >,
): CaseState {
  return {
    status: row.status as CaseStatus,
    statusEnteredAt: row.statusEnteredAt.toISOString(),
    handlingType: row.handlingType,
    receivedOn: row.receivedOn,
    acceptedOn: row.acceptedOn,
    limitDays: row.limitDays,
    pauses: row.pauses,
    extensionDays: row.extensionDays,
    resumeTo: (row.resumeTo as CaseStatus | null) ?? null,
    correctionRounds: row.correctionRounds,
    decision: row.decision ?? null,
    returnsCount: row.returnsCount,
    finishedOnSpot: row.finishedOnSpot,
  };
}

/** The lifecycle columns to write for a state (plus derived clock columns). */
export function stateColumns(s: CaseState) {
  return {
    status: s.status,
    statusEnteredAt: new Date(s.statusEnteredAt),
    receivedOn: s.receivedOn,
    acceptedOn: s.acceptedOn,
    limitDays: s.limitDays,
    pauses: s.pauses,
    extensionDays: s.extensionDays,
    resumeTo: s.resumeTo,
    correctionRounds: s.correctionRounds,
    decision: s.decision,
    returnsCount: s.returnsCount,
    finishedOnSpot: s.finishedOnSpot,
  };
}

/** The policy record of a loaded case. */
export function casePolicyRecord(c: LoadedCase) {
  return {
    orgPath: c.orgPath,
    applicantId: c.applicantId,
    createdBy: c.createdBy,
    handlingType: c.handlingType,
    reviewOrgPaths: c.reviewOrgPaths,
  };
}
