import type { IsoDate } from "../calendar/isoDate";
import type { CaseStatus } from "./caseStatus";
import type { SpecialProcedureKind } from "./commands";

/**
 * A stop of the clock: a special procedure (Art. 45). `to` is the last paused date; null while open.
 * `resumedOn` is the day the clock ran again; a pause resumed on the day it began has `to` on the day
 * before `from` (it covers no day, but it happened and is kept).
 */
export type CasePause = {
  from: IsoDate;
  to: IsoDate | null;
  kind: SpecialProcedureKind;
  reason: string;
  expectedDays: number;
  resumedOn?: IsoDate;
  /** What the special procedure found (the `resume` command's result). */
  result?: string;
};

/** The decision on the application (准予 / 不予行政许可, Art. 38). */
export type CaseDecision = { outcome: "approve" | "deny"; reasons: string; decidedAt: string };

/**
 * What the state machine knows of a case: status, clock and the few facts its guards need. The
 * database row holds more (applicant, form data, materials); the app maps between them.
 */
export type CaseState = {
  status: CaseStatus;
  /** Instant (ISO) the current status was entered. */
  statusEnteredAt: string;
  handlingType: "immediate" | "promised";
  /** Effective date of receipt: after office hours or on a rest day → next working day. */
  receivedOn: IsoDate | null;
  /** Day 0 of the clock (Art. 32, 42). */
  acceptedOn: IsoDate | null;
  /** Promised limit (承诺时限) in working days, from the item version. */
  limitDays: number;
  pauses: CasePause[];
  extensionDays: number;
  /** Status to return to when a suspension ends. */
  resumeTo: CaseStatus | null;
  correctionRounds: number;
  decision: CaseDecision | null;
  returnsCount: number;
  finishedOnSpot: boolean;
};

/** A fresh draft. */
export function newDraft(
  at: Date,
  item: { handlingType: "immediate" | "promised"; promisedLimitDays: number },
): CaseState {
  return {
    status: "draft",
    statusEnteredAt: at.toISOString(),
    handlingType: item.handlingType,
    receivedOn: null,
    acceptedOn: null,
    limitDays: item.promisedLimitDays,
    pauses: [],
    extensionDays: 0,
    resumeTo: null,
    correctionRounds: 0,
    decision: null,
    returnsCount: 0,
    finishedOnSpot: false,
  };
}
