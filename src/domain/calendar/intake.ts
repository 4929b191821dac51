/**
 * Intake normalization: the date an application counts as received (收件日期).
 * An application received at or after the office's closing time, or on a rest day, counts as
 * received on the next working day (docs/calendar.md; 行政许可法 Art. 32, Art. 82).
 * Before opening time on a working day it counts as received that day.
 */
import type { IsoDate } from "./isoDate.ts";
import { dayToIso } from "./isoDate.ts";
import type { WorkingCalendar } from "./workingCalendar.ts";

/** Office hours and time zone of the receiving organization. */
export interface IntakeOptions {
  /** Closing time 'HH:MM' (local); default '17:30'. */
  officeCloses?: string;
  /** IANA time zone; default 'Asia/Shanghai'. */
  timeZone?: string;
}

/** A local date and minutes since local midnight. */
export interface LocalDateTime {
  date: IsoDate;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The local calendar date and time of an instant in a time zone. Instants are stored in UTC;
 * calendar dates are local to the organization (DESIGN.md conventions).
 */
export function localDateTime(instant: Date | number | string, timeZone = "Asia/Shanghai"): LocalDateTime {
  const t =
    instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`invalid instant: ${String(instant)}`);
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(t)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Parses 'HH:MM' (00:00–23:59) into minutes since midnight. */
export function parseClockTime(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (m === null) throw new RangeError(`invalid time (时间格式错误) ${JSON.stringify(hhmm)}, expected HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The effective receipt date and whether it lies in a provisional year. */
export interface ReceiptDate {
  date: IsoDate;
  provisional: boolean;
}

/**
 * The date an application counts as received: that day if it is a working day and the instant is
 * before closing time, otherwise the next working day (行政许可法 Art. 32 receipt, Art. 82 working days).
 */
export function effectiveReceiptDate(
  cal: WorkingCalendar,
  instant: Date | number | string,
  options: IntakeOptions = {},
): ReceiptDate {
  const closes = parseClockTime(options.officeCloses ?? "17:30");
  const local = localDateTime(instant, options.timeZone ?? "Asia/Shanghai");
  const day = cal.dayOf(local.date);
  const effective = cal.isWorkingDayN(day) && local.minutes < closes ? day : cal.addWorkingDaysN(day, 1);
  return { date: dayToIso(effective), provisional: cal.isProvisionalN(effective) };
}
