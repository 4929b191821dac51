import type { z } from "zod";
import type { Actor } from "../../app/actor";
import type { CommandResult } from "../../app/cases/commands/runner";
import { presentCaseRead } from "../../app/cases/read/queries";
import type { AppContext } from "../../app/context";
import type { CaseStatus } from "../../domain/cases/caseStatus";
import type { TCase, ZCaseRef } from "../../shared/api/cases";

export { ZCase, ZCaseOrRef, ZCaseRef, ZCaseSummary } from "../../shared/api/cases";

/** How an operation's summary says that it honours `Prefer: return=minimal` (OpenAPI). */
export const MINIMAL = "; `Prefer: return=minimal` answers only the CaseRef (id, number, status, version)";

/** True when the client asked for a minimal response (`Prefer: return=minimal`). */
export function prefersMinimal(headers: Record<string, string | string[] | undefined>): boolean {
  const p = headers.prefer;
  return (Array.isArray(p) ? p.join(",") : (p ?? "")).includes("return=minimal");
}

/**
 * The answer of a command on a case: the case in full, presented from what the command read after
 * its save in its own transaction (`view: true`), never read again; `Prefer: return=minimal` gets only
 * its reference. Identifiers shown whole are recorded as `personal_data.read`, as for a read.
 */
export async function commandAnswer(ctx: AppContext, actor: Actor, c: CommandResult): Promise<TCase> {
  if (!c.view) throw new Error("The command was run without `view: true`; its case has nothing to present");
  return presentCaseRead(ctx, actor, c.view);
}

/** The reference of a case a command changed (`Prefer: return=minimal`). */
export function caseRef(c: CommandResult): z.infer<typeof ZCaseRef> {
  return { id: c.id, number: c.number, status: c.status as CaseStatus, version: c.version };
}
