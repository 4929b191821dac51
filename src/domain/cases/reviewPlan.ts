import type { IsoDate } from "../calendar/isoDate";

/** A review step of the item (which organization reviews, in parallel or after other steps). */
export type PlanStep = {
  code: string;
  name: string;
  orgCode: string;
  mode: "parallel" | "sequential";
  lead: boolean;
  limitDays: number;
  after?: string[];
};

/** Status of one department's review task (并联审查任务). */
export type ReviewTaskStatus = "waiting" | "open" | "claimed" | "approved" | "returned" | "cancelled";

/** Task statuses that still wait for someone's work (a withdrawal cancels exactly these). */
export const UNFINISHED_TASK_STATUSES: readonly ReviewTaskStatus[] = [
  "waiting",
  "open",
  "claimed",
  "returned",
];

/** A review task as the planner sees it. */
export type PlannedTask = {
  stepCode: string;
  status: ReviewTaskStatus;
  openedOn: IsoDate | null;
  dueOn: IsoDate | null;
};

type Cal = { addWorkingDays(date: IsoDate, n: number): IsoDate };

const minDate = (a: IsoDate, b: IsoDate | null): IsoDate => (b !== null && b < a ? b : a);

/** True when a task counts as done for the case (a returned task is open again for someone). */
export const isDone = (s: ReviewTaskStatus) => s === "approved";

/**
 * Review tasks at acceptance (并联审批): parallel steps (and sequential steps without predecessors)
 * open at once; the others wait. Each open task is due `limitDays` working days after it opens, and
 * never after the case deadline.
 */
export function planReviewTasks(
  steps: PlanStep[],
  today: IsoDate,
  caseDeadline: IsoDate | null,
  cal: Cal,
): PlannedTask[] {
  return steps.map((s) => {
    const opensNow = s.mode === "parallel" || !s.after || s.after.length === 0;
    return {
      stepCode: s.code,
      status: opensNow ? "open" : "waiting",
      openedOn: opensNow ? today : null,
      dueOn: opensNow ? minDate(cal.addWorkingDays(today, s.limitDays), caseDeadline) : null,
    };
  });
}

/** Steps whose predecessors are now all approved and which still wait: they open today. */
export function stepsReadyToOpen(
  steps: PlanStep[],
  tasks: Pick<PlannedTask, "stepCode" | "status">[],
): string[] {
  const status = new Map(tasks.map((t) => [t.stepCode, t.status]));
  return steps
    .filter((s) => status.get(s.code) === "waiting")
    .filter((s) => (s.after ?? []).every((p) => isDone(status.get(p) ?? "waiting")))
    .map((s) => s.code);
}

/**
 * Where a return (退回) goes (不扯: counted and flagged): to the step's predecessors when it has
 * any, else to the lead step when the returning step is not the lead, else back to the step itself.
 */
export function returnTargets(steps: PlanStep[], stepCode: string): string[] {
  const step = steps.find((s) => s.code === stepCode);
  if (!step) return [];
  if (step.after && step.after.length > 0) return [...step.after];
  const lead = steps.find((s) => s.lead);
  if (lead && lead.code !== stepCode) return [lead.code];
  return [stepCode];
}

/** Due date of a task opened today: `limitDays` after, capped by the case deadline. */
export function taskDueOn(step: PlanStep, today: IsoDate, caseDeadline: IsoDate | null, cal: Cal): IsoDate {
  return minDate(cal.addWorkingDays(today, step.limitDays), caseDeadline);
}
