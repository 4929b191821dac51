import type { Tx } from "../../../../db/client";
import { versionConflict } from "../../../../domain/errors";
import type { Actor } from "../../../actor";
import { authorize } from "../../../policies";
import { casePolicyRecord, type LoadedCase, loadCase } from "../../caseRows";

/**
 * Locks a case and authorizes the actor on it before anything else of the case is read; then checks
 * the version the caller read (409 `version_conflict`). `actions` are the policy actions to hold (a
 * sequence of commands holds each); no actor is the system (the sweep, a gateway callback), and an
 * empty list means the caller authorized on another record (a task, a certificate) already.
 */
export async function lockCase(
  tx: Tx,
  actor: Actor | null,
  ref: string | { taskId: string },
  actions: readonly string[],
  expectedVersion: number | undefined,
): Promise<LoadedCase> {
  const c = await loadCase(tx, ref, true);
  if (actor) for (const action of actions) authorize(actor, action, "case", casePolicyRecord(c));
  if (expectedVersion !== undefined && c.version !== expectedVersion)
    throw versionConflict(expectedVersion, c.version);
  return c;
}
