/**
 * The official arrangements shipped with Yizhan (seed/calendar/cn-official.json), 2007–2026.
 * The only module of the calendar that touches the data file; everything else takes data as an argument.
 */
import data from "../../../seed/calendar/cn-official.json" with { type: "json" };
import type { OfficialCalendarData } from "./types.ts";
import { createWorkingCalendar, type WorkingCalendar } from "./workingCalendar.ts";

/** The shipped official data (国务院办公厅关于××年部分节假日安排的通知, 2007–2026). */
export const officialCalendarData: OfficialCalendarData = data as OfficialCalendarData;

let shared: WorkingCalendar | undefined;

/** A calendar of the official arrangements only, without local overrides (built once, then shared). */
export function officialCalendar(): WorkingCalendar {
  shared ??= createWorkingCalendar(officialCalendarData);
  return shared;
}
