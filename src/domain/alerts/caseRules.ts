/**
 * The supervision rules over one case (电子监察, evaluated after the commands that can break them, in
 * the command's transaction): pure functions of the case's state, its events and the thresholds of its
 * organization. Each returns a finding or null; {@link evaluateCaseRules} runs them all.
 */
import type { WorkingCalendar } from "../calendar/workingCalendar";
import type { CaseState } from "../cases/caseState";
import type { CaseCommandType } from "../cases/commands";
import { type Finding, type RuleEvent, visibleLength } from "./findings";
import type { SupervisionThresholds } from "./thresholds";

export type CaseFacts = {
  number: string;
  state: CaseState;
  /** The case's events in the order they happened (at least those of the types the rules read). */
  events: readonly RuleEvent[];
};

export type CaseRule = (f: CaseFacts, th: SupervisionThresholds, cal: WorkingCalendar) => Finding | null;

/** The event types the case rules read (the runner loads only these). */
export const CASE_RULE_EVENT_TYPES = [
  "case.submitted",
  "case.deemed_accepted",
  "case.resubmitted",
  "case.correction_requested",
  "case.decided",
  "case.extended",
  "review.sent_back",
] as const;

const ofType = (f: CaseFacts, type: string) => f.events.filter((e) => e.type === type);
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
const ids = (es: readonly RuleEvent[]) => es.map((e) => e.id);

/** 时限: not checked within the check period, the case was deemed accepted from receipt (Art. 32). */
export const checkOverdue: CaseRule = (f) => {
  const deemed = last(ofType(f, "case.deemed_accepted"));
  if (!deemed) return null;
  return {
    rule: "check_overdue",
    severity: "red",
    zh: `办件 ${f.number} 未在 5 个工作日内一次性告知，依法视为自收件之日起受理`,
    en: `Case ${f.number} was not checked within 5 working days and counts as accepted from receipt`,
    eventIds: [deemed.id],
    responsibleUserId: null,
  };
};

/**
 * 一次性告知 (Art. 32): the last correction notice came more than N working days (default 5) after
 * the receipt it answers (the submission, or the resubmission before it).
 */
export const correctionLate: CaseRule = (f, th, cal) => {
  const corrections = ofType(f, "case.correction_requested");
  const notice = last(corrections);
  const receivedOn = f.state.receivedOn;
  if (!notice || !receivedOn) return null;
  // Measured against the receipt it answered; a resubmission since then began a new check period.
  const after = f.events.slice(f.events.indexOf(notice) + 1);
  if (after.some((e) => e.type === "case.resubmitted")) return null;
  const days = cal.workingDaysBetween(receivedOn, notice.on);
  if (days <= th.correctionWithinWorkingDays) return null;
  return {
    rule: "correction_late",
    severity: "red",
    zh: `办件 ${f.number} 于 ${receivedOn} 收件，第 ${days} 个工作日（${notice.on}）才告知补正，超过 ${th.correctionWithinWorkingDays} 个工作日的一次性告知时限`,
    en: `Case ${f.number} was received on ${receivedOn}; the correction notice came on working day ${days} (${notice.on}), past the ${th.correctionWithinWorkingDays}-working-day limit`,
    eventIds: [notice.id],
    responsibleUserId: notice.actorId,
    data: { receivedOn, noticeOn: notice.on, workingDays: days },
  };
};

/** 一次性告知: a second correction notice on the same case (all problems should have been named at once). */
export const correctionRepeatNotice: CaseRule = (f) => {
  const corrections = ofType(f, "case.correction_requested");
  if (corrections.length < 2) return null;
  return {
    rule: "correction_repeat_notice",
    severity: "red",
    zh: `办件 ${f.number} 已第 ${corrections.length} 次下发补正告知，未做到一次性告知全部问题`,
    en: `Case ${f.number} has had ${corrections.length} correction notices instead of one naming every problem`,
    eventIds: ids(corrections),
    responsibleUserId: last(corrections)?.actorId ?? null,
    data: { notices: corrections.length },
  };
};

/** 不刁: corrections requested N rounds or more (default 3). */
export const correctionsRepeated: CaseRule = (f, th) => {
  const corrections = ofType(f, "case.correction_requested");
  if (corrections.length < th.correctionRounds) return null;
  return {
    rule: "corrections_repeated",
    severity: "yellow",
    zh: `办件 ${f.number} 已被要求补正 ${corrections.length} 轮（达到 ${th.correctionRounds} 轮），请核查是否存在刁难`,
    en: `Case ${f.number} has been asked for corrections ${corrections.length} times (threshold ${th.correctionRounds})`,
    eventIds: ids(corrections),
    responsibleUserId: last(corrections)?.actorId ?? null,
    data: { rounds: corrections.length },
  };
};

/** 不敷: a denial whose reasons are shorter than the minimum (default 15 characters). */
export const denialReasonShort: CaseRule = (f, th) => {
  const decided = last(ofType(f, "case.decided"));
  const decision = f.state.decision;
  if (!decided || decision?.outcome !== "deny") return null;
  const length = visibleLength(decision.reasons);
  if (length >= th.denialReasonMinChars) return null;
  return {
    rule: "denial_reason_short",
    severity: "yellow",
    zh: `办件 ${f.number} 作出不予许可决定，理由仅 ${length} 字（不少于 ${th.denialReasonMinChars} 字），未充分说明理由和依据`,
    en: `Case ${f.number} was denied with reasons of ${length} characters (minimum ${th.denialReasonMinChars})`,
    eventIds: [decided.id],
    responsibleUserId: decided.actorId,
    data: { length },
  };
};

/** 不扯: returned between departments more than N times (default 1: from the second return). */
export const pingPong: CaseRule = (f, th) => {
  if (f.state.returnsCount <= th.pingPongReturns) return null;
  const returns = ofType(f, "review.sent_back");
  return {
    rule: "ping_pong",
    severity: "yellow",
    zh: `办件 ${f.number} 已在部门间退回 ${f.state.returnsCount} 次（超过 ${th.pingPongReturns} 次）`,
    en: `Case ${f.number} has been returned between departments ${f.state.returnsCount} times (more than ${th.pingPongReturns})`,
    eventIds: ids(returns),
    responsibleUserId: last(returns)?.actorId ?? null,
    data: { returns: f.state.returnsCount },
  };
};

/** 不拖: an extension whose reason is shorter than the minimum (default 10 characters). */
export const extensionReasonShort: CaseRule = (f, th) => {
  const ext = last(ofType(f, "case.extended"));
  if (!ext) return null;
  const length = visibleLength(typeof ext.data.reason === "string" ? ext.data.reason : "");
  if (length >= th.extensionReasonMinChars) return null;
  return {
    rule: "extension_without_reason",
    severity: "yellow",
    zh: `办件 ${f.number} 延期理由仅 ${length} 字（不少于 ${th.extensionReasonMinChars} 字），未说明延期的具体理由`,
    en: `Case ${f.number} was extended with a reason of ${length} characters (minimum ${th.extensionReasonMinChars})`,
    eventIds: [ext.id],
    responsibleUserId: ext.actorId,
    data: { length },
  };
};

/** Every case rule, with the commands after which it can newly hold. */
export const CASE_RULES: readonly { rule: string; check: CaseRule; after: readonly CaseCommandType[] }[] = [
  { rule: "check_overdue", check: checkOverdue, after: ["deemAccepted"] },
  { rule: "correction_late", check: correctionLate, after: ["requestCorrection"] },
  { rule: "correction_repeat_notice", check: correctionRepeatNotice, after: ["requestCorrection"] },
  { rule: "corrections_repeated", check: correctionsRepeated, after: ["requestCorrection"] },
  { rule: "denial_reason_short", check: denialReasonShort, after: ["decide"] },
  { rule: "ping_pong", check: pingPong, after: ["sendBack"] },
  { rule: "extension_without_reason", check: extensionReasonShort, after: ["extend"] },
];

/** Commands after which some case rule runs (the runner reads nothing after the others). */
export const COMMANDS_WITH_RULES: ReadonlySet<CaseCommandType> = new Set(CASE_RULES.flatMap((r) => r.after));

/** The findings of the rules that can newly hold after `commands` ran on the case. */
export function evaluateCaseRules(
  f: CaseFacts,
  th: SupervisionThresholds,
  cal: WorkingCalendar,
  commands: readonly CaseCommandType[],
): Finding[] {
  return CASE_RULES.filter((r) => r.after.some((c) => commands.includes(c)))
    .map((r) => r.check(f, th, cal))
    .filter((x): x is Finding => x !== null);
}
