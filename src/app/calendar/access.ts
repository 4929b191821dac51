import type { Executor } from "../../db/client";
import { localDateTime } from "../../domain/calendar/intake";
import { dayToIso, isoToDay } from "../../domain/calendar/isoDate";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar";
import type { AppContext } from "../context";
import { getWorkingCalendar } from "./getWorkingCalendar";

/** Office closing time after which an act counts on the next working day (default 17:30). */
export const OFFICE_CLOSES = "17:30";

/**
 * The working-day calendar of an organization (official arrangements, imported years, its local
 * overrides), cached (ADR 0007). Without `ex` it reads through the shared connection: call it before
 * opening a transaction; inside one, pass the transaction.
 */
export function calendarFor(ctx: AppContext, orgId: string | null, ex?: Executor): Promise<WorkingCalendar> {
  return getWorkingCalendar(ctx, orgId, ex);
}

/** Local date and the effective working date of an instant in the organization's time zone. */
export function localDates(cal: WorkingCalendar, now: Date, timeZone = "Asia/Shanghai") {
  const local = localDateTime(now, timeZone);
  const [h, m] = OFFICE_CLOSES.split(":").map(Number);
  const day = cal.dayOf(local.date);
  const effective = cal.isWorkingDayN(day) && local.minutes < h * 60 + m ? day : cal.addWorkingDaysN(day, 1);
  return { today: local.date, effectiveDate: dayToIso(effective) };
}

/** The calendar arithmetic the state machine needs, bound to one calendar. */
export function calendarOps(cal: WorkingCalendar) {
  return {
    addWorkingDays: (d: string, n: number) => cal.addWorkingDays(d, n),
    workingDaysBetween: (a: string, b: string) => cal.workingDaysBetween(a, b),
    previousDate: (d: string) => dayToIso(isoToDay(d) - 1),
  };
}
