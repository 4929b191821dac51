/**
 * Whether the calendar knows the years it is about to need. The State Council publishes the next
 * year's arrangement around November; until it is imported, dates in that year are provisional
 * (待国务院公布) and administrators and supervisors are warned.
 */

import { localDateTime } from "../../domain/calendar/intake";
import type { Bilingual } from "../../domain/errors";
import type { AppContext } from "../context";
import { knownYears } from "./getWorkingCalendar";

/** From this month on (October), a missing next year is warned about. */
export const WARN_FROM_MONTH = 10;

/** The calendar's status for the warning banner. */
export type CalendarStatus = {
  today: string;
  firstOfficialYear: number;
  lastOfficialYear: number;
  /** Years after the last official one are provisional. */
  provisionalFrom: number;
  currentYearMissing: boolean;
  nextYearMissing: boolean;
  /** Whether to show the warning now (the current year missing, or the next one from October). */
  warning: boolean;
  message: Bilingual | null;
};

/**
 * The last official year and whether the coming year's arrangement is missing, with a bilingual
 * message when the warning should be shown (issue 3: never pretend silently).
 */
export async function calendarStatus(ctx: AppContext, timeZone = "Asia/Shanghai"): Promise<CalendarStatus> {
  const years = (await knownYears(ctx)).map((y) => y.arrangement.year);
  const today = localDateTime(ctx.clock.now(), timeZone).date;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const last = Math.max(...years);
  const currentYearMissing = last < year;
  const nextYearMissing = last < year + 1;
  const warning = currentYearMissing || (nextYearMissing && month >= WARN_FROM_MONTH);
  const missing = currentYearMissing ? year : year + 1;
  const message: Bilingual | null = warning
    ? {
        "zh-CN": `尚未导入 ${missing} 年节假日安排：${missing} 年暂按周末规则和《全国年节及纪念日放假办法》规定的法定节假日计算（调休未知），标注“待国务院公布”。国务院办公厅通知发布后，请在“工作日历”中导入。`,
        "en-US": `The ${missing} holiday arrangement has not been imported: dates in ${missing} follow the weekday rule and the statutory holidays of the national holiday regulations (swaps unknown) and are marked provisional (pending the State Council notice). Import it under Working-Day Calendar once published.`,
      }
    : null;
  return {
    today,
    firstOfficialYear: Math.min(...years),
    lastOfficialYear: last,
    provisionalFrom: last + 1,
    currentYearMissing,
    nextYearMissing,
    warning,
    message,
  };
}
