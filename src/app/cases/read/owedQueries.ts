import { inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/client";
import { caseMaterials, cases } from "../../../db/schema";
import { DEFERRED_OWED_IN } from "../../../domain/cases/transitions";

/** What a case still owes of the materials deferred at acceptance (容缺), for lists and the case page. */
export type OwedSummary = { count: number; delivered: number; nextDueOn: string };

/** Deferred materials still owed (not passed) of each listed case; cases owing nothing are absent. */
export async function owedSummaries(ex: Executor, caseIds: string[]): Promise<Map<string, OwedSummary>> {
  if (caseIds.length === 0) return new Map();
  const rows = await queryRows<{ caseId: string; count: number; delivered: number; nextDueOn: string }>(
    ex,
    sql`SELECT m.case_id AS "caseId", count(*)::int AS count,
          (count(*) FILTER (WHERE m.status = 'provided'))::int AS delivered,
          min(m.deferred_due_on)::text AS "nextDueOn"
        FROM ${caseMaterials} m JOIN ${cases} c ON c.id = m.case_id
        WHERE ${inArray(sql`m.case_id`, caseIds)} AND m.deferred_due_on IS NOT NULL AND m.status <> 'pass'
          AND ${inArray(sql`c.status`, [...DEFERRED_OWED_IN])}
        GROUP BY m.case_id`,
  );
  return new Map(
    rows.map((r) => [r.caseId, { count: r.count, delivered: r.delivered, nextDueOn: r.nextDueOn }]),
  );
}

/** The window's 容缺待补 queue: cases that still owe a deferred material, in a status where it can come. */
export function owesDeferredMaterial(): SQL {
  return sql`(${inArray(cases.status, [...DEFERRED_OWED_IN])} and exists (select 1 from ${caseMaterials} m
    where m.case_id = ${cases.id} and m.deferred_due_on is not null and m.status <> 'pass'))`;
}

/** Order of the 容缺待补 queue: the earliest due date first. */
export function earliestOwedDue(): SQL {
  return sql`(select min(m.deferred_due_on) from ${caseMaterials} m
    where m.case_id = ${cases.id} and m.deferred_due_on is not null and m.status <> 'pass') asc nulls last`;
}
