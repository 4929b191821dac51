import type { Tx } from "../../../../db/client";
import { sameStateEvents, sameStateRule } from "../../../../domain/cases/caseChanges";
import type { CaseStatus } from "../../../../domain/cases/caseStatus";
import type { Actor } from "../../../actor";
import type { LoadedCase } from "../../caseRows";
import type { CaseChange } from "../changeTypes";
import { caseFactWrite } from "./caseFacts";
import { actingRole, caseEventWrites, saveCase, writeCaseColumns } from "./caseWrites";
import { lockCase } from "./lockCase";

export type { CaseChange, ChangeOutcome } from "../changeTypes";

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
  // The events join the case's chain; its new head is written with the case's columns.
  const { writes, head } = caseEventWrites(tx, c, actor, change.now, events);
  const columns = { ...(out.columns ?? {}), ...(events.length ? head : {}) };
  if (events.length || Object.keys(columns).length)
    writes.push(
      caseFactWrite(tx, { ...c, ...(columns as Partial<LoadedCase>) }, actor, actingRole(actor), events),
    );
  if (rule.advancesVersion) {
    const version = await saveCase(tx, c.id, c.version, columns, change.now, writes);
    return {
      case: { ...c, ...(columns as Partial<LoadedCase>), version, updatedAt: change.now },
      result: out.result,
    };
  }
  await writeCaseColumns(tx, c.id, columns, writes);
  return { case: { ...c, ...(columns as Partial<LoadedCase>) }, result: out.result };
}
