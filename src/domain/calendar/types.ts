import type { IsoDate } from "./isoDate.ts";

/** A span of rest days (休) of one holiday, both ends inclusive. */
export interface RestRange {
  from: IsoDate;
  to: IsoDate;
  name: string;
}

/** A weekend day that becomes a working day (调休上班, 班). */
export interface MakeupWorkday {
  date: IsoDate;
  name: string;
}

/** A later notice that changed a year's arrangement (e.g. the 2020 Spring Festival extension). */
export interface Amendment {
  title: string;
  docNo: string | null;
  effect: string;
}

/**
 * One year's arrangement, as set by 国务院办公厅关于××年部分节假日安排的通知.
 * Dates may fall in December of the previous year (元旦 arrangements); the net effect of
 * amending notices is already included in `rest` and `work`.
 */
export interface YearArrangement {
  year: number;
  title: string;
  docNo: string | null;
  urls: string[];
  amendments?: Amendment[];
  rest: RestRange[];
  work: MakeupWorkday[];
}

/** The official data file (seed/calendar/cn-official.json). */
export interface OfficialCalendarData {
  source: Record<string, unknown>;
  firstYear: number;
  lastYear: number;
  years: YearArrangement[];
}

/** A local decision of one organization: offices closed (e.g. extreme weather) or open on a rest day. */
export interface LocalOverride {
  date: IsoDate;
  kind: "closed" | "open";
  reason: string;
}

/** Why a date is what it is. */
export type DayReason = "weekday" | "weekend" | "holiday" | "makeup" | "closed" | "open";

/** The classification of one date. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** Holiday name or override reason, when there is one. */
  name?: string;
  /**
   * True when the year has no official arrangement yet (待国务院公布): the weekday rule and the statutory
   * holidays of 全国年节及纪念日放假办法; the swaps (调休) are unknown.
   */
  provisional: boolean;
}
