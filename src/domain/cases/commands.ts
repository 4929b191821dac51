import type { IsoDate } from "../calendar/isoDate";

/** One problem named in a correction notice (补正告知): a material of the item's list. */
export type CorrectionItem = { materialCode: string; problem: "missing" | "defective"; note?: string };

/** A material accepted as temporarily missing (容缺受理), with the applicant's commitment. */
export type DeferredMaterial = { materialCode: string; dueOn: IsoDate; commitmentSigned: boolean };

/** Kinds of special procedure that stop the clock (行政许可法 Art. 45). */
export type SpecialProcedureKind =
  | "hearing"
  | "expert_review"
  | "public_notice"
  | "testing"
  | "inspection"
  | "appraisal"
  | "auction"
  | "tender"
  | "survey"
  | "other";

/** Every command the case state machine knows. `type` names the transition. */
export type CaseCommand =
  | { type: "submit" }
  | { type: "requestCorrection"; items: CorrectionItem[]; dueOn?: IsoDate }
  | { type: "resubmit" }
  | { type: "accept"; deferred?: DeferredMaterial[] }
  | { type: "deemAccepted" }
  | { type: "refuse"; legalBasis: string; reason: string }
  | { type: "refer"; toOrgCode: string; reason: string; policyReference?: string }
  | { type: "assign" }
  | { type: "recommend"; taskId: string; opinion: string }
  | { type: "sendBack"; taskId: string; opinion: string }
  | { type: "suspend"; kind: SpecialProcedureKind; reason: string; expectedDays: number }
  | { type: "resume"; result?: string }
  | { type: "extend"; days: number; reason: string }
  | { type: "decide"; outcome: "approve" | "deny"; reasons: string }
  | { type: "issue"; resultNumber?: string }
  | { type: "complete" }
  | { type: "withdraw"; reason?: string }
  | { type: "expire" }
  /** The applicant (or the window) hands in a material deferred at acceptance (容缺后补). */
  | { type: "deliverDeferred"; materialCode: string; fileId: string }
  /** The window checks a delivered deferred material: passed, or defective (still owed) with a note. */
  | { type: "checkDeferred"; materialCode: string; verdict: "pass" | "defective"; note?: string };

export type CaseCommandType = CaseCommand["type"];

/** Every command type, in lifecycle order (for tables and the exhaustive test). */
export const COMMAND_TYPES: readonly CaseCommandType[] = [
  "submit",
  "requestCorrection",
  "resubmit",
  "accept",
  "deemAccepted",
  "refuse",
  "refer",
  "assign",
  "recommend",
  "sendBack",
  "suspend",
  "resume",
  "extend",
  "decide",
  "issue",
  "complete",
  "withdraw",
  "expire",
  "deliverDeferred",
  "checkDeferred",
];
