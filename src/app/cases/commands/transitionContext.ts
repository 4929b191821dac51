import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { PreparedStatement } from "../../../db/prepared";
import type { WorkingCalendar } from "../../../domain/calendar/workingCalendar";
import type { CaseState } from "../../../domain/cases/caseState";
import { caseDeadline } from "../../../domain/cases/clock";
import type { MaterialCheck, OwedMaterial, TransitionContext } from "../../../domain/cases/context";
import type { ReviewTaskStatus } from "../../../domain/cases/reviewPlan";
import { calendarOps, localDates } from "../../calendar/access";
import type { LoadedCase } from "../caseRows";
import { type ItemInfo, itemContext } from "../itemInfo";

/** Working days the window has to check the materials (行政许可法 Art. 32). */
export const CHECK_PERIOD_DAYS = 5;

/** A review task of a case as the commands need it. */
export type CaseTaskRow = {
  id: string;
  stepCode: string;
  stepName: string;
  status: ReviewTaskStatus;
  version: number;
  returns: number;
  orgId: string;
  orgPath: string;
  claimedBy: string | null;
};

/** What a command reads about its case once the case row is locked. */
export type CommandRows = {
  /** `dueOn`: the due date of a material deferred at acceptance (容缺), else null. */
  materials: { code: string; status: string; source: string; dueOn: string | null }[];
  /** Review tasks in step order. */
  tasks: CaseTaskRow[];
  /** No fee assessment (收费单) with an amount due is still open (行政许可法 Art. 58). */
  feesSettled: boolean;
  /** A fee assessment exists that was not voided. */
  feesAssessed: boolean;
  /** The applicant's account: language and e-mail, for notifications (null when it is gone). */
  applicant: { locale: string; email: string | null } | null;
  /**
   * The nearest evaluation settings of the case's office list its item among those rated at acceptance
   * (好差评 invitation when the case is accepted; src/app/evaluations/settings.ts).
   */
  inviteAtAcceptance: boolean;
};

/**
 * Reads, in one statement, what a command needs besides the case row: the material checks, the
 * review tasks, whether fees are settled, the applicant's account, and whether the office invites a
 * rating at acceptance (the evaluation settings, here rather than in a statement of their own). Call
 * it after the case row is locked (a separate statement: in READ COMMITTED a statement that waited for
 * the lock would still see the data as of before the wait).
 */
export async function loadCommandRows(
  ex: Executor,
  c: { id: string; applicantId: string; itemCode: string; orgPath: string },
): Promise<CommandRows> {
  const [row] = await COMMAND_ROWS.run(ex, {
    caseId: c.id,
    applicantId: c.applicantId,
    itemCode: c.itemCode,
    orgPath: c.orgPath,
  });
  return row;
}

// Every command runs it: its text is built once (ADR 0017g).
const COMMAND_ROWS = new PreparedStatement<CommandRows>("command_rows", () => {
  const caseId = sql.placeholder("caseId");
  const orgPath = sql.placeholder("orgPath");
  return sql`SELECT
      coalesce((SELECT json_agg(json_build_object('code', m.material_code, 'status', m.status, 'source', m.source,
          'dueOn', m.deferred_due_on))
        FROM case_materials m WHERE m.case_id = ${caseId}), '[]') AS materials,
      coalesce((SELECT json_agg(json_build_object('id', t.id, 'stepCode', t.step_code, 'stepName', t.step_name,
          'status', t.status, 'version', t.version, 'returns', t.returns, 'orgId', t.org_id, 'orgPath', o.path,
          'claimedBy', t.claimed_by)
          ORDER BY t.created_at, t.step_code)
        FROM review_tasks t JOIN organizations o ON o.id = t.org_id WHERE t.case_id = ${caseId}), '[]') AS tasks,
      NOT EXISTS (SELECT 1 FROM fee_assessments f
        WHERE f.case_id = ${caseId} AND f.status = 'open' AND f.total_fen > 0) AS "feesSettled",
      EXISTS (SELECT 1 FROM fee_assessments f WHERE f.case_id = ${caseId} AND f.status <> 'void') AS "feesAssessed",
      (SELECT json_build_object('locale', u.locale, 'email', u.email) FROM users u
        WHERE u.id = ${sql.placeholder("applicantId")}) AS applicant,
      coalesce((SELECT s.acceptance_item_codes ? ${sql.placeholder("itemCode")}::text FROM evaluation_settings s
          JOIN organizations o ON o.id = s.org_id
        WHERE left(${orgPath}::text, length(o.path)) = o.path ORDER BY length(o.path) DESC LIMIT 1), false)
        AS "inviteAtAcceptance"`;
});

/** Review tasks of a case: how many, how many not yet approved (cancelled tasks are no longer part of it). */
export function reviewSummary(tasks: readonly { status: string }[]): { total: number; open: number } {
  const live = tasks.filter((t) => t.status !== "cancelled");
  return { total: live.length, open: live.filter((t) => t.status !== "approved").length };
}

/**
 * The deferred materials still owed (容缺: deferred at acceptance, not yet passed), with the item's
 * name and condition for issuing first; `delivered` when a delivery waits for the window's check.
 */
export function owedMaterials(
  materials: CommandRows["materials"],
  listed: TransitionContext["item"]["materials"],
): OwedMaterial[] {
  const byCode = new Map(listed.map((m) => [m.code, m]));
  return materials
    .filter((m) => m.dueOn !== null && m.status !== "pass")
    .map((m) => ({
      code: m.code,
      name: byCode.get(m.code)?.name ?? m.code,
      dueOn: m.dueOn as string,
      delivered: m.status === "provided",
      issueFirstCondition: byCode.get(m.code)?.issueFirstCondition ?? null,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
}

/**
 * Builds the pure context a transition needs: the item version, the calendar, today's dates, the
 * deadline, the review tasks' summary, the material checks and the fees.
 */
export function buildTransitionContext(
  rows: CommandRows,
  c: LoadedCase,
  state: CaseState,
  item: ItemInfo,
  cal: WorkingCalendar,
  now: Date,
): TransitionContext {
  const { today, effectiveDate } = localDates(cal, now);
  const checks: Record<string, MaterialCheck> = {};
  const passed = new Set<string>();
  const elsewhere = new Set<string>();
  for (const m of rows.materials) {
    checks[m.code] =
      m.status === "pass" || m.status === "missing" || m.status === "defective" ? m.status : "unchecked";
    if (m.status === "pass") passed.add(m.code);
    if ((m.source === "certificate" || m.source === "shared_data") && m.status !== "missing")
      elsewhere.add(m.code);
  }
  const deadline = caseDeadline(cal, state, today);
  const itemCtx = itemContext(item.content);
  return {
    now,
    today,
    effectiveDate,
    item: itemCtx,
    calendar: calendarOps(cal),
    deadline: deadline?.deadline ?? null,
    checkDueOn: c.checkDueOn,
    review: reviewSummary(rows.tasks),
    checks,
    passedBefore: passed,
    providedElsewhere: elsewhere,
    owed: owedMaterials(rows.materials, itemCtx.materials),
    feesSettled: rows.feesSettled,
    feesAssessed: rows.feesAssessed,
  };
}
