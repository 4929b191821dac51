import type { cases } from "../../../db/schema";
import type { SameStateChange } from "../../../domain/cases/caseChanges";
import type { LoadedCase } from "../caseRows";

/*
 * The shapes the runner and the effects share: an event to append, a same-state change and its
 * outcome. They live outside runner/ so that effects (which the runner calls) never import the runner.
 */

/** One event to append to a case's log. */
export type NewCaseEvent = {
  type: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  data?: Record<string, unknown>;
};

/** What a same-state change did on the locked case: its result, the event's data, columns of the case. */
export type ChangeOutcome<R> = {
  result: R;
  /** The data of the change's event (its row in the same-state table names the type). */
  data?: Record<string, unknown>;
  columns?: Partial<typeof cases.$inferInsert>;
  /** Nothing to record after all (the draft reminder another sweep already sent). */
  skip?: boolean;
};

/** How a same-state change runs: its row, who answers for it, and the work it does. */
export type CaseChange<R> = {
  change: SameStateChange;
  /**
   * The policy action held on the case before anything else of it is read (defaults to the change's
   * name); null when the caller authorized on another record (a task, a certificate, a payment).
   */
  action?: string | null;
  /** The version the caller read (409 `version_conflict` when the case changed since). */
  expectedVersion?: number;
  now: Date;
  /** Checks and writes to the tables beside the case (materials, fees, tasks), on the locked case. */
  apply: (c: LoadedCase) => Promise<ChangeOutcome<R>>;
};

/** A same-state change of another case, in the command's transaction (the runner binds tx and actor). */
export type ChangeOtherCase = <R>(
  caseId: string,
  change: CaseChange<R>,
) => Promise<{ case: LoadedCase; result: R }>;
