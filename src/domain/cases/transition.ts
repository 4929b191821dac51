import { YizhanError } from "../errors";
import type { CaseState } from "./caseState";
import { STATUS_LABELS } from "./caseStatus";
import type { CaseCommand } from "./commands";
import type { TransitionContext } from "./context";
import { guardError, guardProblems } from "./guards";
import { TRANSITIONS } from "./transitions";

/** An event a transition emits: one row of the case's event log. */
export type DomainEvent = { type: string; data: Record<string, unknown> };

export type TransitionResult =
  | { ok: true; next: CaseState; events: DomainEvent[] }
  | { ok: false; error: YizhanError };

/** Applies the state changes of a command that passed its guards (pure). */
function apply(state: CaseState, cmd: CaseCommand, ctx: TransitionContext): CaseState {
  const s: CaseState = { ...state, pauses: state.pauses.map((p) => ({ ...p })) };
  switch (cmd.type) {
    case "submit":
      s.receivedOn ??= ctx.effectiveDate;
      break;
    case "resubmit":
      // Complete materials are received on resubmission: the 5-day check runs from then (Art. 32).
      s.receivedOn = ctx.effectiveDate;
      break;
    case "requestCorrection":
      s.correctionRounds += 1;
      break;
    case "accept":
      s.acceptedOn = ctx.effectiveDate;
      break;
    case "deemAccepted":
      // Not told within 5 working days: accepted from the day of receipt (Art. 32).
      s.acceptedOn = s.receivedOn ?? ctx.today;
      break;
    case "sendBack":
      s.returnsCount += 1;
      break;
    case "suspend":
      s.resumeTo = state.status;
      s.pauses.push({
        from: ctx.today,
        to: null,
        kind: cmd.kind,
        reason: cmd.reason,
        expectedDays: cmd.expectedDays,
      });
      break;
    case "resume": {
      const open = s.pauses.find((p) => p.to === null);
      if (open) {
        // The pause covers the days from the suspension up to the day before resumption; resumed on
        // the day it began, it covers no day (to = the day before from) but stays on the record.
        const resumedOn = [ctx.today, open.from].sort()[1];
        open.to = ctx.calendar.previousDate(resumedOn);
        open.resumedOn = resumedOn;
        if (cmd.result?.trim()) open.result = cmd.result.trim();
      }
      s.resumeTo = null;
      break;
    }
    case "extend":
      s.extensionDays = cmd.days;
      break;
    case "decide":
      s.decision = { outcome: cmd.outcome, reasons: cmd.reasons, decidedAt: ctx.now.toISOString() };
      break;
    default:
      break;
  }
  return s;
}

/** The data recorded with the event: the command's own fields plus the derived facts. */
function eventData(cmd: CaseCommand, prev: CaseState, next: CaseState): Record<string, unknown> {
  const { type: _type, ...fields } = cmd;
  const data: Record<string, unknown> = { ...fields, from: prev.status, to: next.status };
  if (cmd.type === "accept" || cmd.type === "deemAccepted") data.acceptedOn = next.acceptedOn;
  if (cmd.type === "resume") {
    const i = prev.pauses.findIndex((p) => p.to === null);
    data.pause = i >= 0 ? next.pauses[i] : null;
  }
  return data;
}

/**
 * The case state machine: checks that `cmd` is allowed in the current status (409
 * `invalid_transition` otherwise) and passes its guards (422 naming the fields), and returns the next
 * state with the events to record. Pure: no I/O, no clock of its own.
 */
export function transition(state: CaseState, cmd: CaseCommand, ctx: TransitionContext): TransitionResult {
  const rule = TRANSITIONS[cmd.type];
  if (!rule.from.includes(state.status)) {
    const label = STATUS_LABELS[state.status];
    return {
      ok: false,
      error: new YizhanError(
        "invalid_transition",
        409,
        {
          "zh-CN": `办件当前状态为“${label["zh-CN"]}”，不能执行“${rule.label}”`,
          "en-US": `The case is ${label["en-US"].toLowerCase()}; "${cmd.type}" is not possible now`,
        },
        { details: { status: state.status, command: cmd.type, allowedFrom: rule.from } },
      ),
    };
  }
  const problems = guardProblems(state, cmd, ctx);
  if (problems.length > 0) return { ok: false, error: guardError(problems) };
  const applied = apply(state, cmd, ctx);
  const nextStatus = rule.to(state, cmd);
  const next: CaseState =
    nextStatus === state.status
      ? applied
      : { ...applied, status: nextStatus, statusEnteredAt: ctx.now.toISOString() };
  return { ok: true, next, events: [{ type: rule.event, data: eventData(cmd, state, next) }] };
}
