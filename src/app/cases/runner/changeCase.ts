import type { Tx } from "../../../db/client";
import type { cases } from "../../../db/schema";
import { type SameStateChange, sameStateEvents, sameStateRule } from "../../../domain/cases/caseChanges";
import type { CaseStatus } from "../../../domain/cases/caseStatus";
import type { Actor } from "../../actor";
import type { LoadedCase } from "../caseRows";
import { caseEventsInsert, saveCase, writeCaseColumns } from "./caseWrites";
import { lockCase } from "./runCommand";

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

/**
 * Runs a change that leaves the case's status as it is, through the same steps as every command: lock,
 * authorize, check the version, the same-state row (where it may run, what it records), the use case's
 * work, then the case's save and its event in the caller's transaction. Returns the case as saved.
 */
export async function changeCase<R>(
  tx: Tx,
  actor: Actor | null,
  ref: string | { taskId: string },
  change: CaseChange<R>,
): Promise<{ case: LoadedCase; result: R }> {
  const action = change.action === undefined ? change.change : change.action;
  const c = await lockCase(tx, actor, ref, action ? [action] : [], change.expectedVersion);
  // The row's status check runs before the work (its refusal comes first, as for a transition).
  const status = c.status as CaseStatus;
  const rule = sameStateRule(status, change.change);
  const out = await change.apply(c);
  if (out.skip) return { case: c, result: out.result };
  const events = sameStateEvents(rule, status, out.data);
  const columns = out.columns ?? {};
  if (rule.advancesVersion) {
    const writes = events.length ? [caseEventsInsert(tx, c.id, actor, change.now, events)] : [];
    const version = await saveCase(tx, c.id, c.version, columns, change.now, writes);
    return {
      case: { ...c, ...(columns as Partial<LoadedCase>), version, updatedAt: change.now },
      result: out.result,
    };
  }
  await writeCaseColumns(tx, c.id, columns);
  if (events.length) await caseEventsInsert(tx, c.id, actor, change.now, events);
  return { case: { ...c, ...(columns as Partial<LoadedCase>) }, result: out.result };
}
