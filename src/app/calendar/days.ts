/**
 * Reading the calendar: the classification of a span of dates and working-day addition, for an
 * organization (with its local overrides) or nationally. Public: time limits must be knowable by all.
 */
import { type DayInfo, type DayReason, tryIsoToDay, type WorkingCalendar } from "../../domain/calendar";
import { classifyRange } from "../../domain/calendar/format";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { getWorkingCalendar } from "./getWorkingCalendar";

/** How a day is shown: 休 holiday, 班 makeup working day, weekend, workday, local closure or opening. */
export type DayKind = "holiday" | "makeup" | "weekend" | "workday" | "closed" | "open";

/** One day as the API and the CLI's JSON show it. */
export type CalendarDay = {
  date: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
  provisional: boolean;
};

/** The longest span `GET /api/calendar/days` answers (a year and a bit, for a year view). */
export const MAX_DAYS_SPAN = 400;

const KIND: Record<DayReason, DayKind> = {
  weekday: "workday",
  weekend: "weekend",
  holiday: "holiday",
  makeup: "makeup",
  closed: "closed",
  open: "open",
};

/** The public shape of a classified day. */
export function presentDay(info: DayInfo): CalendarDay {
  return {
    date: info.date,
    working: info.working,
    kind: KIND[info.reason],
    name: info.name ?? null,
    provisional: info.provisional,
  };
}

/** Validates a date for the calendar, naming the field when it is not real or out of range. */
export function checkDate(cal: WorkingCalendar, field: string, date: string): number {
  const day = tryIsoToDay(date);
  if (Number.isNaN(day)) {
    throw invalid(field, "date_invalid", {
      "zh-CN": `${field}：日期无效 ${date}（应为 YYYY-MM-DD）`,
      "en-US": `${field}: invalid date ${date} (expected YYYY-MM-DD)`,
    });
  }
  if (day < cal.minDay || day > cal.maxDay) {
    throw invalid(field, "date_out_of_range", {
      "zh-CN": `${field}：${date} 超出日历范围（${cal.firstOfficialYear}-01-01 至 2100-12-31）`,
      "en-US": `${field}: ${date} is outside the calendar (${cal.firstOfficialYear}-01-01 to 2100-12-31)`,
    });
  }
  return day;
}

/** Every date from `from` to `to` inclusive, classified (行政许可法 Art. 82 working days). */
export async function listDays(
  ctx: AppContext,
  q: { from: string; to: string; org?: string | null },
): Promise<CalendarDay[]> {
  const cal = await getWorkingCalendar(ctx, q.org ?? null);
  const a = checkDate(cal, "from", q.from);
  const b = checkDate(cal, "to", q.to);
  if (b < a) {
    throw invalid("to", "range_reversed", {
      "zh-CN": `to（${q.to}）早于 from（${q.from}）`,
      "en-US": `to (${q.to}) is before from (${q.from})`,
    });
  }
  if (b - a + 1 > MAX_DAYS_SPAN) {
    throw invalid("to", "range_too_long", {
      "zh-CN": `一次最多查询 ${MAX_DAYS_SPAN} 天`,
      "en-US": `At most ${MAX_DAYS_SPAN} days per request`,
    });
  }
  return classifyRange(cal, q.from, q.to).map(presentDay);
}

/** The n-th working day after `from` (the day of acceptance is day 0), and whether it is provisional. */
export async function addDays(
  ctx: AppContext,
  q: { from: string; days: number; org?: string | null },
): Promise<{ from: string; days: number; date: string; provisional: boolean }> {
  const cal = await getWorkingCalendar(ctx, q.org ?? null);
  checkDate(cal, "from", q.from);
  let date: string;
  try {
    date = cal.addWorkingDays(q.from, q.days);
  } catch {
    throw invalid("days", "out_of_range", {
      "zh-CN": "结果超出日历范围（2100-12-31）",
      "en-US": "The result is beyond the calendar (2100-12-31)",
    });
  }
  return { from: q.from, days: q.days, date, provisional: cal.isProvisional(date) };
}
