import { type SQLWrapper, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { caseMaterials } from "../../../db/schema";
import type { WorkingCalendar } from "../../../domain/calendar/workingCalendar";
import type { CaseState } from "../../../domain/cases/caseState";
import { caseDeadline } from "../../../domain/cases/clock";
import type { CaseCommand, CaseCommandType } from "../../../domain/cases/commands";
import type { TransitionContext } from "../../../domain/cases/context";
import type { CommandOf } from "../../../domain/cases/lifecycle";
import { notFound } from "../../../domain/errors";
import type { Actor } from "../../actor";
import type { AppContext } from "../../context";
import { voidUnpaidFees } from "../../fees/voidUnpaid";
import {
  applicantRecipientOf,
  type CaseNotification,
  caseNotificationData,
} from "../../notifications/recipients";
import type { LoadedCase } from "../caseRows";
import type { ItemInfo } from "../itemInfo";
import type { ChangeOtherCase, NewCaseEvent } from "./changeTypes";
import type { CommandRows } from "./transitionContext";

/** A material with at least one file (uploaded, from the wallet or fetched from shared data). */
export const hasFiles = sql`jsonb_array_length(${caseMaterials.fileIds}) > 0`;

/** Everything an effect may use. */
export type EffectEnv = {
  tx: Tx;
  ctx: AppContext;
  actor: Actor | null;
  c: LoadedCase;
  cmd: CaseCommand;
  next: CaseState;
  item: ItemInfo;
  cal: WorkingCalendar;
  tctx: TransitionContext;
  /** What was read about the case after locking it (materials, review tasks, fees, applicant). */
  rows: CommandRows;
  /** Hands over a write that needs no result, to be sent with the case's save (one round trip). */
  later: (write: SQLWrapper) => void;
  now: Date;
  today: string;
  /** A same-state change of another case in this transaction (换发 cancels the original certificate). */
  changeCase: ChangeOtherCase;
};

/** What an effect adds to a transition: columns, extra events, notifications, a follow-up step. */
export type EffectResult = {
  columns?: Record<string, unknown>;
  events?: NewCaseEvent[];
  eventData?: Record<string, unknown>;
  notifications?: CaseNotification[];
  /** A follow-up transition applied in the same save (acceptance → assign to review). */
  followUp?: { command: CaseCommand; review: { total: number; open: number } };
};

/** What the effects of command `K` get: the same, with the command narrowed. */
export type CommandEnv<K extends CaseCommandType> = EffectEnv & { cmd: CommandOf<K> };

/** The effects of command `K`: what it writes beside the case, in the command's transaction. */
export type Effect<K extends CaseCommandType> = (env: CommandEnv<K>) => Promise<EffectResult>;

/** The owed material a command names, as the transition's guards already checked it. */
export const owedOf = (env: EffectEnv, code: string) => env.tctx.owed.find((m) => m.code === code);

export const toApplicant = async (
  env: EffectEnv,
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<CaseNotification> => ({
  kind,
  recipients: [applicantRecipientOf(env.c, env.rows.applicant)],
  data: caseNotificationData(env.c, extra),
});

export const deadlineOf = (env: EffectEnv) => caseDeadline(env.cal, env.next, env.today)?.deadline ?? null;

/** A case closing without a result owes no fee: its unpaid assessments are voided (named in the event). */
export async function closedWithoutResult(env: EffectEnv): Promise<Record<string, unknown>> {
  const voided = await voidUnpaidFees(env.tx, env.c.id);
  return voided.length ? { feesVoided: voided } : {};
}

/** A review task of this case, as read after the case was locked (404 when it belongs to another case). */
export function taskOfCase(env: EffectEnv, taskId: string) {
  const task = env.rows.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound({ "zh-CN": "审查任务", "en-US": "Review task" });
  return task;
}
