import type { CaseState } from "./caseState";
import type { CaseStatus } from "./caseStatus";
import type { CaseCommand, CaseCommandType } from "./commands";
import { COMMANDS, DEFERRED_OWED_IN } from "./lifecycle";

/** One row of the transition table: where a command may start, where it leads, what it emits. */
export type TransitionRule = {
  from: readonly CaseStatus[];
  to: (state: CaseState, cmd: CaseCommand) => CaseStatus;
  event: string;
  /** Chinese name of the step for timelines and documents. */
  label: string;
};

/**
 * The case lifecycle (DESIGN.md; 行政许可法 Art. 32–45) as a table, read from the command files
 * (`lifecycle/<command>.ts`). Nobody writes `status` directly: every change goes through
 * {@link transition} and one of these rows.
 */
export const TRANSITIONS: Record<CaseCommandType, TransitionRule> = Object.fromEntries(
  Object.entries(COMMANDS).map(([type, d]) => [
    type,
    { from: d.from, to: d.to, event: d.event, label: d.label },
  ]),
) as Record<CaseCommandType, TransitionRule>;

export { DEFERRED_OWED_IN };

/** Commands that may be given in `status` (before guards): what screens offer. */
export function commandsAllowedIn(status: CaseStatus): CaseCommandType[] {
  return (Object.keys(TRANSITIONS) as CaseCommandType[]).filter((c) => TRANSITIONS[c].from.includes(status));
}
