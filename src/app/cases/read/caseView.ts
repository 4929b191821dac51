import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/client";
import type { WorkingCalendar } from "../../../domain/calendar/workingCalendar";
import type { CaseStatus } from "../../../domain/cases/caseStatus";
import { type ClockView, caseClock } from "../../../domain/cases/clock";
import { DEFERRED_OWED_IN } from "../../../domain/cases/transitions";
import { localDates } from "../../calendar/access";
import { type LoadedCase, toState } from "../caseRows";
import { type ItemInfo, itemInfo } from "../itemInfo";
import type { OwedSummary } from "./owedQueries";

/** A material of the case with its files, as the case page shows it. */
export type CaseViewMaterial = {
  code: string;
  name: string;
  required: boolean;
  status: "pending" | "provided" | "pass" | "missing" | "defective" | "deferred";
  note: string | null;
  source: string;
  sourceRef: string | null;
  sourceLabel: string | null;
  deferredDueOn: string | null;
  commitmentSigned: boolean;
  checkedAt: string | null;
  passedRound: number | null;
  files: { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string }[];
};

/** What the case page shows besides the case row: read in one statement (materials, tasks, comments, documents). */
export type CaseViewRows = {
  materials: CaseViewMaterial[];
  tasks: {
    id: string;
    stepCode: string;
    stepName: string;
    orgCode: string;
    orgName: string;
    orgPath: string;
    lead: boolean;
    mode: "parallel" | "sequential";
    status: "waiting" | "open" | "claimed" | "approved" | "returned" | "cancelled";
    openedOn: string | null;
    dueOn: string | null;
    opinion: string | null;
    returns: number;
    version: number;
    claimedBy: string | null;
    completedAt: string | null;
  }[];
  comments: { id: string; taskId: string; authorName: string; text: string; at: string }[];
  documents: { id: string; kind: string; number: string; title: string; issuedOn: string }[];
};

/**
 * A case as it is now, with everything its page shows — what a command hands to the presenter
 * (`presentCaseView`) instead of the route reading the case again: the row the command saved, the
 * rows read after it in the same transaction, its clock and its item version.
 */
export type CaseView = {
  case: LoadedCase;
  rows: CaseViewRows;
  clock: ClockView;
  item: ItemInfo;
  owed: OwedSummary | null;
};

/** An instant as JSON text in the form `Date.prototype.toISOString` gives. */
const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Reads the materials (with their files), review tasks, comments and documents of a case in one statement. */
export async function loadCaseViewRows(ex: Executor, caseId: string): Promise<CaseViewRows> {
  const [row] = await queryRows<CaseViewRows>(
    ex,
    sql`SELECT
      coalesce((SELECT json_agg(json_build_object('code', m.material_code, 'name', m.name, 'required', m.required,
          'status', m.status, 'note', m.note, 'source', m.source, 'sourceRef', m.source_ref,
          'sourceLabel', m.source_label, 'deferredDueOn', m.deferred_due_on, 'commitmentSigned', m.commitment_signed,
          'checkedAt', ${iso("m.checked_at")}, 'passedRound', m.passed_round,
          'files', coalesce((SELECT json_agg(json_build_object('id', f.id, 'fileName', f.file_name,
              'contentType', f.content_type, 'sizeBytes', f.size_bytes, 'sha256', f.sha256) ORDER BY x.ord)
            FROM jsonb_array_elements_text(m.file_ids) WITH ORDINALITY AS x(fid, ord)
            JOIN files f ON f.id::text = x.fid), '[]'))
          ORDER BY m.material_code)
        FROM case_materials m WHERE m.case_id = ${caseId}), '[]') AS materials,
      coalesce((SELECT json_agg(json_build_object('id', t.id, 'stepCode', t.step_code, 'stepName', t.step_name,
          'orgCode', o.code, 'orgName', o.name, 'orgPath', o.path, 'lead', t.lead, 'mode', t.mode,
          'status', t.status, 'openedOn', t.opened_on, 'dueOn', t.due_on, 'opinion', t.opinion,
          'returns', t.returns, 'version', t.version, 'claimedBy', t.claimed_by,
          'completedAt', ${iso("t.completed_at")})
          ORDER BY t.step_code)
        FROM review_tasks t JOIN organizations o ON o.id = t.org_id WHERE t.case_id = ${caseId}), '[]') AS tasks,
      coalesce((SELECT json_agg(json_build_object('id', r.id, 'taskId', r.task_id, 'authorName', r.author_name,
          'text', r.text, 'at', ${iso("r.at")}) ORDER BY r.at)
        FROM review_comments r WHERE r.case_id = ${caseId}), '[]') AS comments,
      coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'number', d.number,
          'title', d.title, 'issuedOn', d.issued_on) ORDER BY d.created_at)
        FROM case_documents d WHERE d.case_id = ${caseId}), '[]') AS documents`,
  );
  return row;
}

/** What the case still owes of the materials deferred at acceptance, from its material rows. */
export function owedOf(status: string, materials: CaseViewRows["materials"]): OwedSummary | null {
  if (!(DEFERRED_OWED_IN as readonly string[]).includes(status)) return null;
  const owed = materials.filter((m) => m.deferredDueOn !== null && m.status !== "pass");
  if (!owed.length) return null;
  return {
    count: owed.length,
    delivered: owed.filter((m) => m.status === "provided").length,
    nextDueOn: owed.map((m) => m.deferredDueOn as string).sort()[0],
  };
}

/**
 * The view of a case whose row the caller holds (a command's saved row, or a read's loaded one):
 * reads the rows of its page in one statement on `ex` (inside a command: its transaction, after the
 * save) and computes its clock with the calendar the caller has.
 */
export async function readCaseView(
  ex: Executor,
  c: LoadedCase,
  cal: WorkingCalendar,
  now: Date,
): Promise<CaseView> {
  const [rows, item] = [await loadCaseViewRows(ex, c.id), await itemInfo(ex, c.itemVersionId)];
  const current: LoadedCase = { ...c, reviewOrgPaths: rows.tasks.map((t) => t.orgPath) };
  const clock = caseClock(cal, toState(current), localDates(cal, now).today);
  return { case: current, rows, clock, item, owed: owedOf(c.status as CaseStatus, rows.materials) };
}
