/** What a supervision rule finds: the input it reads (events) and the finding it returns. */
import type { IsoDate } from "../calendar/isoDate";

/** One event of a case's log as the rules read it: type, local date, who, what was recorded. */
export type RuleEvent = {
  id: string;
  type: string;
  /** The local date the event happened. */
  on: IsoDate;
  actorId: string | null;
  data: Record<string, unknown>;
};

/** One finding of a rule: an alert to raise (deduplicated per case, rule and subject). */
export type Finding = {
  rule: string;
  severity: "yellow" | "red";
  zh: string;
  en: string;
  /** The events that raised it (ids of case_events), oldest first. */
  eventIds: string[];
  /** The person answerable when known: who did what raised it. */
  responsibleUserId: string | null;
  /** The subject besides the case (a task, a month): one open alert per rule, case and subject. */
  subject?: string;
  data?: Record<string, unknown>;
};

/** Characters of a text as a reader counts them: code points, spaces not counted. */
export function visibleLength(text: string | null | undefined): number {
  return [...(text ?? "").replace(/\s/g, "")].length;
}
