/** The working-day calendar, deadlines and case clocks (工作日历与办件时限). See docs/calendar.md. */
export * from "./arrangementFormat.ts";
export * from "./deadline.ts";
export * from "./format.ts";
export * from "./intake.ts";
export * from "./isoDate.ts";
export * from "./lunar.ts";
export * from "./noticeFormat.ts";
export * from "./statutory.ts";
export * from "./types.ts";
export * from "./workingCalendar.ts";
