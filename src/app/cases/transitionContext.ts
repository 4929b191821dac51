import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { caseMaterials, reviewTasks } from "../../db/schema";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar";
import type { CaseState } from "../../domain/cases/caseState";
import type { MaterialCheck, TransitionContext } from "../../domain/cases/context";
import { calendarOps, localDates } from "./calendarAccess";
import type { LoadedCase } from "./caseRows";
import { caseDeadline } from "./clock";
import { feesSettled } from "./fees";
import { type ItemInfo, itemContext } from "./itemInfo";

/** Working days the window has to check the materials (行政许可法 Art. 32). */
export const CHECK_PERIOD_DAYS = 5;

/** Review tasks of a case: how many, how many not yet approved. */
export async function reviewSummary(ex: Executor, caseId: string): Promise<{ total: number; open: number }> {
  const [row] = await ex
    .select({
      total: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${reviewTasks.status} <> 'approved')::int`,
    })
    .from(reviewTasks)
    .where(eq(reviewTasks.caseId, caseId));
  return row ?? { total: 0, open: 0 };
}

/**
 * Builds the pure context a transition needs: the item version, the calendar, today's dates, the
 * deadline, the review tasks' summary, the material checks and the fees.
 */
export async function buildTransitionContext(
  ex: Executor,
  c: LoadedCase,
  state: CaseState,
  item: ItemInfo,
  cal: WorkingCalendar,
  now: Date,
): Promise<TransitionContext> {
  const { today, effectiveDate } = localDates(cal, now);
  const materials = await ex
    .select({ code: caseMaterials.materialCode, status: caseMaterials.status, source: caseMaterials.source })
    .from(caseMaterials)
    .where(and(eq(caseMaterials.caseId, c.id)));
  const checks: Record<string, MaterialCheck> = {};
  const passed = new Set<string>();
  const elsewhere = new Set<string>();
  for (const m of materials) {
    checks[m.code] =
      m.status === "pass" || m.status === "missing" || m.status === "defective" ? m.status : "unchecked";
    if (m.status === "pass") passed.add(m.code);
    if ((m.source === "certificate" || m.source === "shared_data") && m.status !== "missing")
      elsewhere.add(m.code);
  }
  const deadline = caseDeadline(cal, state, today);
  return {
    now,
    today,
    effectiveDate,
    item: itemContext(item.content),
    calendar: calendarOps(cal),
    deadline: deadline?.deadline ?? null,
    checkDueOn: c.checkDueOn,
    review: await reviewSummary(ex, c.id),
    checks,
    passedBefore: passed,
    providedElsewhere: elsewhere,
    feesSettled: await feesSettled(ex, c.id),
  };
}
