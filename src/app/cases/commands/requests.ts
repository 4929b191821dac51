import { z } from "zod";
import type { CaseCommand } from "../../../domain/cases/commands";
import { ZSuspensionKind } from "../../../shared/api/cases";
import { INT32_MAX, ZExpectedVersion } from "../../../shared/numbers";
import { multilineText } from "../../../shared/text";
import type { Actor } from "../../actor";
import type { AppContext } from "../../context";
import { runCaseCommand, runCaseCommands, type ViewOption } from "./runner";

const ZVersion = { expectedVersion: ZExpectedVersion };
const ZDate = z.iso.date();

export const ZRequestCorrection = z.object({
  ...ZVersion,
  items: z.array(
    z.object({
      materialCode: z.string().min(1).max(60),
      problem: z.enum(["missing", "defective"]),
      note: multilineText(500).optional(),
    }),
  ),
  dueOn: ZDate.optional(),
});
export const ZAccept = z.object({
  ...ZVersion,
  deferred: z
    .array(z.object({ materialCode: z.string().min(1).max(60), dueOn: ZDate, commitmentSigned: z.boolean() }))
    .optional(),
  /** 即办件: accept, decide and issue in one visit at the window (当场办结). */
  finishOnTheSpot: z.boolean().optional(),
  reasons: multilineText(2000).optional(),
});
export const ZRefuse = z.object({
  ...ZVersion,
  legalBasis: multilineText(500),
  reason: multilineText(2000),
});
export const ZRefer = z.object({
  ...ZVersion,
  toOrgCode: z.string().max(60),
  reason: multilineText(2000),
  policyReference: z.string().max(200).optional(),
});
export const ZSuspend = z.object({
  ...ZVersion,
  kind: ZSuspensionKind,
  reason: multilineText(2000),
  /** How long the special procedure is expected to take (told to the applicant), at most ten years. */
  expectedDays: z.number().int().min(0).max(3650),
});
export const ZResume = z.object({ ...ZVersion, result: multilineText(2000).optional() });
export const ZExtend = z.object({
  ...ZVersion,
  days: z.number().int().min(1).max(INT32_MAX),
  reason: multilineText(2000),
});
export const ZDecide = z.object({
  ...ZVersion,
  outcome: z.enum(["approve", "deny"]),
  reasons: multilineText(4000),
});
export const ZSimple = z.object({ ...ZVersion, reason: multilineText(2000).optional() });

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
