import type { z } from "zod";
import type { CaseCommand } from "../../../domain/cases/commands";
import type { ZAccept } from "../../../shared/api/requests/cases";
import type { Actor } from "../../actor";
import type { AppContext } from "../../context";
import { runCaseCommand, runCaseCommands, type ViewOption } from "./runner";

/** Maps an API request to its domain command. */
export function commandFor(type: CaseCommand["type"], body: Record<string, unknown>): CaseCommand {
  const { expectedVersion: _v, finishOnTheSpot: _f, ...rest } = body;
  return { type, ...rest } as CaseCommand;
}

/** Runs one lifecycle command from the API (every command goes through the state machine). */
export function caseCommand(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  type: CaseCommand["type"],
  body: { expectedVersion: number } & Record<string, unknown>,
  opts: ViewOption = {},
) {
  return runCaseCommand(ctx, actor, caseId, body.expectedVersion, commandFor(type, body), opts);
}

/**
 * 即办件 at the window (行政许可法 Art. 34): accept, decide to approve and issue the result in one
 * transaction and one visit, recorded as finished on the spot (当场办结).
 */
export function finishOnTheSpot(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZAccept>,
  opts: ViewOption = {},
) {
  return runCaseCommands(
    ctx,
    actor,
    caseId,
    input.expectedVersion,
    [
      { command: { type: "accept", deferred: input.deferred } },
      {
        command: {
          type: "decide",
          outcome: "approve",
          reasons: input.reasons ?? "材料齐全，符合法定条件，当场办结",
        },
      },
      { command: { type: "issue" }, columns: { finishedOnSpot: true } },
    ],
    opts,
  );
}
