import type { FieldProblem } from "../../errors";
import type { CaseState } from "../caseState";
import type { CaseStatus } from "../caseStatus";
import type { CaseCommand, CaseCommandType } from "../commands";
import type { TransitionContext } from "../context";

/** The command of one type, narrowed. */
export type CommandOf<K extends CaseCommandType> = Extract<CaseCommand, { type: K }>;

/**
 * One command of the case lifecycle, in its own file (`acceptCase.ts`): where it may start, where it
 * leads, what it emits, its guards and what it changes in the state. The app's effects of the same
 * command live in `app/cases/commands/lifecycle/<same name>.ts`.
 */
export type CaseCommandDefinition<K extends CaseCommandType> = {
  from: readonly CaseStatus[];
  to(state: CaseState, cmd: CommandOf<K>): CaseStatus;
  event: string;
  /** Chinese name of the step for timelines and documents. */
  label: string;
  /** The problems that refuse the command (422 naming the fields); none when absent. */
  guard?(state: CaseState, cmd: CommandOf<K>, ctx: TransitionContext): FieldProblem[];
  /** What the command changes in the state besides the status, on a copy (`prev` is the state before). */
  apply?(s: CaseState, cmd: CommandOf<K>, ctx: TransitionContext, prev: CaseState): void;
  /** Derived facts recorded with the event besides the command's own fields. */
  eventData?(cmd: CommandOf<K>, prev: CaseState, next: CaseState): Record<string, unknown>;
};

/** Every command, by type: the typed table the state machine, the screens and the tests read. */
export type CommandTable = { [K in CaseCommandType]: CaseCommandDefinition<K> };

/** Leads to a fixed status. */
export const to = (s: CaseStatus) => () => s;
/** Stays in the status it started in. */
export const same = (state: CaseState) => state.status;

/** Statuses before a decision (where an applicant may withdraw). */
export const BEFORE_DECISION: readonly CaseStatus[] = [
  "draft",
  "submitted",
  "correction_requested",
  "accepted",
  "in_review",
  "suspended",
];

/**
 * Where a deferred material may be delivered and checked: after acceptance, until the case is decided
 * against (denied) or closed — a completed case only when its result was issued first on a condition.
 */
export const DEFERRED_OWED_IN: readonly CaseStatus[] = [
  "accepted",
  "in_review",
  "suspended",
  "approved",
  "completed",
];

/** One guard problem. */
export const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field,
  code,
  message: { "zh-CN": zh, "en-US": en },
});

/** A required free-text field. */
export const required = (field: string, value: string | undefined, zh: string, en: string): FieldProblem[] =>
  value && value.trim().length > 0 ? [] : [problem(field, "required", `${zh}不能为空`, `${en} is required`)];
