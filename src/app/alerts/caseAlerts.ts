/**
 * The supervision rules run by the case runner (电子监察): after a command, in its transaction, the
 * case rules that command can break (domain/alerts/caseRules.ts) over the case's state and events with
 * the thresholds of its organization — one small read; and when a guard refuses a command, the finding
 * it records (domain/alerts/blockedRules.ts) in a transaction of its own, since the command's rolled back.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseEvents } from "../../db/schema";
import { blockedFindings } from "../../domain/alerts/blockedRules";
import { CASE_RULE_EVENT_TYPES, COMMANDS_WITH_RULES, evaluateCaseRules } from "../../domain/alerts/caseRules";
import type { Finding } from "../../domain/alerts/findings";
import { respondBy, type SupervisionThresholds, withDefaults } from "../../domain/alerts/thresholds";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar";
import type { CaseCommand, CaseCommandType } from "../../domain/cases/commands";
import { YizhanError } from "../../domain/errors";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { type LoadedCase, toState } from "../cases/caseRows";
import type { AppContext } from "../context";
import { raiseAlert } from "./raiseAlert";
import { thresholdsFor, thresholdsSql } from "./thresholds";

/** Raises the alert of each finding about the case (deduplicated per case, rule and subject). */
async function raiseFindings(
  tx: Tx,
  c: LoadedCase,
  findings: readonly Finding[],
  th: SupervisionThresholds,
  cal: WorkingCalendar,
  now: Date,
): Promise<void> {
  const { today } = localDates(cal, now);
  for (const f of findings)
    await raiseAlert(tx, {
      rule: f.rule,
      severity: f.severity,
      orgId: c.orgId,
      caseId: c.id,
      subject: f.subject,
      zh: f.zh,
      en: f.en,
      now,
      respondBy: respondBy(th, f.rule, today, cal),
      responsibleUserId: f.responsibleUserId,
      eventIds: f.eventIds,
      data: f.data,
    });
}

/**
 * After `commands` ran on the case (saved, in `tx`): the case rules they can break. Nothing is read
 * after a command no rule follows; else one read — the case's events of the types the rules read, with
 * the thresholds of its organization.
 */
export async function raiseCaseAlerts(
  tx: Tx,
  c: LoadedCase,
  commands: readonly CaseCommandType[],
  cal: WorkingCalendar,
  now: Date,
): Promise<void> {
  if (!commands.some((x) => COMMANDS_WITH_RULES.has(x))) return;
  const rows = await tx
    .select({
      id: caseEvents.id,
      type: caseEvents.type,
      at: caseEvents.at,
      actorId: caseEvents.actorId,
      data: caseEvents.data,
      thresholds: thresholdsSql(c.orgPath),
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, c.id), inArray(caseEvents.type, [...CASE_RULE_EVENT_TYPES])))
    .orderBy(asc(caseEvents.seq));
  const th = withDefaults(rows[0]?.thresholds);
  const events = rows.map((r) => ({
    id: r.id,
    type: r.type,
    on: localDates(cal, r.at).today,
    actorId: r.actorId,
    data: r.data,
  }));
  const findings = evaluateCaseRules({ number: c.number, state: toState(c), events }, th, cal, commands);
  await raiseFindings(tx, c, findings, th, cal, now);
}

/**
 * A command on the case was refused by its guards (`error`): the findings that refusal records
 * (a material outside the list, a refusal without legal basis, an extension without reason) are raised
 * in their own transaction — the command's was rolled back. Other errors record nothing.
 */
export async function recordBlocked(
  ctx: AppContext,
  actor: Actor | null,
  c: LoadedCase,
  cmd: CaseCommand,
  error: unknown,
): Promise<void> {
  if (!(error instanceof YizhanError) || error.status !== 422 || !error.errors?.length) return;
  const findings = blockedFindings(c.number, cmd, error.errors, actor?.userId ?? null);
  if (!findings.length) return;
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const cal = await calendarFor(ctx, c.orgId, tx);
    const th = await thresholdsFor(tx, c.orgPath);
    await raiseFindings(tx, c, findings, th, cal, now);
  });
}
