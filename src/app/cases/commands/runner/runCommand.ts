import type { SQLWrapper } from "drizzle-orm";
import type { Executor, Tx } from "../../../../db/client";
import type { WorkingCalendar } from "../../../../domain/calendar/workingCalendar";
import { caseDeadline } from "../../../../domain/cases/clock";
import type { CaseCommand } from "../../../../domain/cases/commands";
import { transition } from "../../../../domain/cases/transition";
import type { Actor } from "../../../actor";
import { raiseCaseAlerts, recordBlocked } from "../../../alerts/caseAlerts";
import { calendarFor, localDates } from "../../../calendar/access";
import type { AppContext } from "../../../context";
import { dispatchNotifications } from "../../../notifications/recipients";
import { type LoadedCase, stateColumns, toState } from "../../caseRows";
import { itemInfo } from "../../itemInfo";
import { type CaseView, readCaseView } from "../../read/caseView";
import { createdNotices } from "../documents";
import type { EffectEnv } from "../effects";
import { effectOf } from "../lifecycle";
import { numberNotice, type PendingNotice } from "../numbers";
import { buildTransitionContext, type CommandRows, loadCommandRows } from "../transitionContext";
import { caseFactWrite } from "./caseFacts";
import { actingRole, caseEventWrites, type NewCaseEvent, saveCase } from "./caseWrites";
import { changeCase } from "./changeCase";
import { lockCase } from "./lockCase";

/** Asks the runner to read the case's page after the command, in its transaction ({@link CaseView}). */
export type ViewOption = { view?: boolean };

/**
 * The case as a command saved it; with `view`, also the rows of its page read after the save in the
 * same transaction — what the route presents, instead of reading the case again.
 */
export type CommandResult = LoadedCase & { view?: CaseView };

/** What the event log keeps of a case before and after a change. */
function snapshot(c: {
  status: string;
  deadline: string | null;
  extensionDays: number;
  version: number;
  pauses: unknown;
}) {
  return {
    status: c.status,
    deadline: c.deadline,
    extensionDays: c.extensionDays,
    pauses: c.pauses,
    version: c.version,
  };
}

/**
 * Runs one command on a case locked and authorized in `tx` ({@link lockCase}): pure transition →
 * command effects (tasks, materials, documents, notifications) → save with the version check → one
 * event row with before and after. Returns the case as saved. The callers then run the supervision rules
 * the command can break (raiseCaseAlerts) in the same transaction; a refusal by the guards records its
 * finding in a transaction of its own (recordBlocked).
 */
async function executeCaseCommand(
  tx: Tx,
  ctx: AppContext,
  actor: Actor | null,
  c: LoadedCase,
  cmd: CaseCommand,
  opts: {
    cal: WorkingCalendar;
    columns?: Record<string, unknown>;
    /** What was already read about the case after locking it (else read here). */
    rows?: CommandRows;
  },
): Promise<LoadedCase> {
  const now = ctx.clock.now();
  const item = await itemInfo(tx, c.itemVersionId);
  const cal = opts.cal;
  const state = toState(c);
  const rows = opts.rows ?? (await loadCommandRows(tx, c));
  const tctx = buildTransitionContext(rows, c, state, item, cal, now);
  const result = transition(state, cmd, tctx);
  if (!result.ok) throw result.error;
  const { today } = localDates(cal, now);
  // Writes that need no result wait for the save and go with it in one statement.
  const writes: SQLWrapper[] = [];
  const later = (write: SQLWrapper) => {
    writes.push(write);
  };
  const env: EffectEnv = {
    tx,
    ctx,
    actor,
    c,
    cmd,
    next: result.next,
    item,
    cal,
    tctx,
    rows,
    later,
    now,
    today,
    changeCase: (caseId, change) => changeCase(tx, actor, caseId, change),
  };
  const effect = (await effectOf(cmd.type)?.(env)) ?? {};
  await dispatchNotifications(tx, c, effect.notifications ?? [], now, later);
  const steps = [
    { from: c.status, to: result.next.status, events: result.events, eventData: effect.eventData },
  ];
  let next = result.next;
  if (effect.followUp) {
    const chained = transition(next, effect.followUp.command, { ...tctx, review: effect.followUp.review });
    if (!chained.ok) throw chained.error;
    steps.push({ from: next.status, to: chained.next.status, events: chained.events, eventData: undefined });
    next = chained.next;
  }
  const deadline = caseDeadline(cal, next, today);
  const columns = {
    ...stateColumns(next),
    deadline: deadline?.deadline ?? null,
    deadlineProvisional: deadline?.provisional ?? false,
    ...effect.columns,
    ...opts.columns,
  };
  // The save checks the version it increments (c.version + 1); the event row is built with it.
  const saved: LoadedCase = {
    ...c,
    ...(columns as Partial<LoadedCase>),
    version: c.version + 1,
    updatedAt: now,
  };
  const events: NewCaseEvent[] = steps.flatMap((step, i) =>
    step.events.map((e) => ({
      type: e.type,
      fromStatus: step.from,
      toStatus: step.to,
      before: i === 0 ? snapshot(c) : { ...snapshot(saved), status: step.from },
      after: { ...snapshot(saved), status: step.to },
      data: { ...e.data, ...step.eventData },
    })),
  );
  const all = [...events, ...(effect.events ?? [])];
  // The events join the case's chain (transparency log); its new head is saved with the case.
  const logged = caseEventWrites(tx, c, actor, now, all);
  writes.push(...logged.writes, caseFactWrite(tx, saved, actor, actingRole(actor), all));
  const head = all.length ? logged.head : {};
  await saveCase(tx, c.id, c.version, { ...columns, ...head }, now, writes);
  return { ...saved, ...head };
}

/**
 * Runs a command on a case in its own transaction, with the optimistic version check: when the
 * caller read version N and someone changed the case since, 409 and nothing is written. The notices
 * the command wrote are numbered right after commit (ADR 0005).
 */
export async function runCaseCommand(
  ctx: AppContext,
  actor: Actor | null,
  caseRef: string | { taskId: string },
  expectedVersion: number | undefined,
  /** The command, or how to build it once the case is locked (e.g. a delivery records its file first). */
  cmd: CaseCommand | ((tx: Tx, c: LoadedCase) => Promise<CaseCommand>),
  opts: {
    policyAction?: string;
    /** Checks made on the locked case and what was read with it, before the command runs (throw to refuse). */
    check?: (c: LoadedCase, rows: CommandRows) => void;
  } & ViewOption = {},
): Promise<CommandResult> {
  const action = opts.policyAction ?? (typeof cmd === "function" ? undefined : cmd.type);
  if (!action) throw new Error("A command built after locking names its policy action");
  // What a refusal by the guards records (电子监察, blocked and recorded) needs the case and the command.
  let attempted: { c: LoadedCase; command: CaseCommand } | undefined;
  const run = ctx.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseRef, [action], expectedVersion);
    // Cached (ADR 0007); when it must read, it reads through this transaction.
    const cal = await calendarFor(ctx, c.orgId, tx);
    const rows = await loadCommandRows(tx, c);
    opts.check?.(c, rows);
    const command = typeof cmd === "function" ? await cmd(tx, c) : cmd;
    attempted = { c, command };
    const result = await executeCaseCommand(tx, ctx, actor, c, command, { cal, rows });
    await raiseCaseAlerts(tx, result, [command.type], cal, ctx.clock.now());
    const view = opts.view ? await readCaseView(tx, result, cal, ctx.clock.now()) : undefined;
    return { saved: { ...result, view }, notices: createdNotices(tx) };
  });
  const { saved, notices } = await run.catch(async (e: unknown) => {
    if (attempted) await recordBlocked(ctx, actor, attempted.c, attempted.command, e);
    throw e;
  });
  await numberNotices(ctx.database.db, notices, saved.orgName, saved.view);
  return saved;
}

/** One step of a sequence: the command, and columns written with it. */
export type CommandStep = { command: CaseCommand; columns?: Record<string, unknown> };

/**
 * Runs a sequence of commands on one case in one transaction (当场办结: accept, decide, issue): every
 * step's policy is held before anything runs, the version is checked once, each step is a full command
 * of the runner (transition, effects, save, event) on the case the previous one saved.
 */
export async function runCaseCommands(
  ctx: AppContext,
  actor: Actor | null,
  caseId: string,
  expectedVersion: number | undefined,
  steps: readonly CommandStep[],
  opts: ViewOption = {},
): Promise<CommandResult> {
  const actions = steps.map((s) => s.command.type);
  const { saved, notices } = await ctx.database.db.transaction(async (tx) => {
    let c = await lockCase(tx, actor, caseId, actions, expectedVersion);
    const cal = await calendarFor(ctx, c.orgId, tx);
    for (const step of steps)
      c = await executeCaseCommand(tx, ctx, actor, c, step.command, { cal, columns: step.columns });
    await raiseCaseAlerts(tx, c, actions, cal, ctx.clock.now());
    const view = opts.view ? await readCaseView(tx, c, cal, ctx.clock.now()) : undefined;
    return { saved: { ...c, view }, notices: createdNotices(tx) };
  });
  await numberNotices(ctx.database.db, notices, saved.orgName, saved.view);
  return saved;
}

/**
 * Numbers the notices a committed command wrote (one statement each; ADR 0005); the command's view,
 * read before commit, gets their numbers.
 */
export async function numberNotices(
  ex: Executor,
  notices: PendingNotice[],
  orgName: string,
  view?: CaseView,
): Promise<void> {
  for (const n of notices) {
    const number = await numberNotice(ex, n, orgName);
    const doc = number && view?.rows.documents.find((d) => d.id === n.id);
    if (doc) doc.number = number as string;
  }
}

/**
 * The result of a change made in `tx` (`changeCase`, `createCase` and the work around them): the case
 * as saved and, with `view`, the rows of its page read in the same transaction.
 */
export async function changeResult(
  tx: Tx,
  ctx: AppContext,
  saved: LoadedCase,
  opts: ViewOption,
): Promise<CommandResult> {
  if (!opts.view) return saved;
  const cal = await calendarFor(ctx, saved.orgId, tx);
  return { ...saved, view: await readCaseView(tx, saved, cal, ctx.clock.now()) };
}
