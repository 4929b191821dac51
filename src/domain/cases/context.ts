import type { IsoDate } from "../calendar/isoDate";
import type { SpecialProcedureKind } from "./commands";

/** A material of the item's published list, as the guards need it. */
export type ListedMaterial = {
  code: string;
  name: string;
  required: boolean;
  key: boolean;
  mayBeDeferred: boolean;
  /** When set, the result may be issued while this material is owed, on this condition (附记). */
  issueFirstCondition: string | null;
};

/**
 * A material deferred at acceptance (容缺受理) and not yet passed: what the applicant still owes.
 * `delivered`: something was handed in since and waits for the window's check.
 */
export type OwedMaterial = {
  code: string;
  name: string;
  dueOn: IsoDate;
  delivered: boolean;
  issueFirstCondition: string | null;
};

/** Latest check result of one material at the window (一次性告知 checklist). */
export type MaterialCheck = "pass" | "missing" | "defective" | "unchecked";

/**
 * Everything outside the case a transition may look at. Pure data, built by the app layer: the
 * item version, the calendar arithmetic, the review tasks' summary, the material checks, fees.
 */
export type TransitionContext = {
  now: Date;
  /** Today's local date in the organization's time zone. */
  today: IsoDate;
  /**
   * The working date an act of now counts on: today before closing time on a working day, else the
   * next working day (receipt and acceptance dates, 行政许可法 Art. 32, 82).
   */
  effectiveDate: IsoDate;
  item: {
    handlingType: "immediate" | "promised";
    promisedLimitDays: number;
    statutoryLimitDays: number;
    materials: ListedMaterial[];
    /** Maximum extension in working days (Art. 42: 10; joint handling: 15). */
    maxExtensionDays: number;
    specialProcedures: { kind: SpecialProcedureKind | string; maxWorkingDays: number }[];
    /** The item's fee schedule charges something (行政许可法 Art. 58: only where a law provides). */
    chargesFees: boolean;
  };
  calendar: {
    addWorkingDays(date: IsoDate, n: number): IsoDate;
    workingDaysBetween(a: IsoDate, b: IsoDate): number;
    /** The calendar date before `date`. */
    previousDate(date: IsoDate): IsoDate;
  };
  /** The case's current deadline (with pauses and extension), when the clock has started. */
  deadline: IsoDate | null;
  /** The window's check is due on this date (receipt + 5 working days, Art. 32). */
  checkDueOn: IsoDate | null;
  review: { total: number; open: number };
  /** Latest check per material code; `passedBefore` lists codes passed in an earlier round. */
  checks: Record<string, MaterialCheck>;
  passedBefore: ReadonlySet<string>;
  /** Materials provided without upload (certificate wallet, shared data), by code. */
  providedElsewhere: ReadonlySet<string>;
  /** Deferred materials still owed (容缺, not yet passed). */
  owed: OwedMaterial[];
  /** No fee assessment (收费单) with an amount due is still open. */
  feesSettled: boolean;
  /** A fee assessment of the case exists that was not voided (it may have been settled at 0). */
  feesAssessed: boolean;
};
