import { YizhanError } from "../errors";
import { ACTION_LABELS } from "./actionLabels";
import type { CaseState } from "./caseState";
import { STATUS_LABELS } from "./caseStatus";
import type { CaseCommand, CaseCommandType } from "./commands";
import type { TransitionContext } from "./context";
import { guardError } from "./guards";
import { type CaseCommandDefinition, COMMANDS } from "./lifecycle";

/** An event a transition emits: one row of the case's event log. */
export type DomainEvent = { type: string; data: Record<string, unknown> };

export type TransitionResult =
  | { ok: true; next: CaseState; events: DomainEvent[] }
  | { ok: false; error: YizhanError };

/** The definition of a command, for any command (the table is typed per command). */
function definitionOf(type: CaseCommandType): CaseCommandDefinition<CaseCommandType> {
  return COMMANDS[type] as CaseCommandDefinition<CaseCommandType>;
}

/** The data recorded with the event: the command's own fields plus the derived facts. */
function eventData(cmd: CaseCommand, prev: CaseState, next: CaseState): Record<string, unknown> {
  const { type: _type, ...fields } = cmd;
  return {
    ...fields,
    from: prev.status,
    to: next.status,
    ...definitionOf(cmd.type).eventData?.(cmd, prev, next),
  };
}

/**
 * The case state machine: checks that `cmd` is allowed in the current status (409
 * `invalid_transition` otherwise) and passes its guards (422 naming the fields), and returns the next
 * state with the events to record. Pure: no I/O, no clock of its own.
 */
export function transition(state: CaseState, cmd: CaseCommand, ctx: TransitionContext): TransitionResult {
  const rule = definitionOf(cmd.type);
  if (!rule.from.includes(state.status)) {
    const label = STATUS_LABELS[state.status];
    return {
      ok: false,
      error: new YizhanError(
        "invalid_transition",
        409,
        {
          "zh-CN": `办件当前状态为“${label["zh-CN"]}”，不能执行“${ACTION_LABELS[cmd.type]["zh-CN"]}”`,
          "en-US": `The case is ${label["en-US"].toLowerCase()}; "${ACTION_LABELS[cmd.type]["en-US"]}" is not possible now`,
        },
        { details: { status: state.status, command: cmd.type, allowedFrom: rule.from } },
      ),
    };
  }
  const problems = rule.guard?.(state, cmd, ctx) ?? [];
  if (problems.length > 0) return { ok: false, error: guardError(problems) };
  const applied: CaseState = { ...state, pauses: state.pauses.map((p) => ({ ...p })) };
  rule.apply?.(applied, cmd, ctx, state);
  const nextStatus = rule.to(state, cmd);
  const next: CaseState =
    nextStatus === state.status
      ? applied
      : { ...applied, status: nextStatus, statusEnteredAt: ctx.now.toISOString() };
  return { ok: true, next, events: [{ type: rule.event, data: eventData(cmd, state, next) }] };
}
