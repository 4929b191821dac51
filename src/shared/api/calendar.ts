/**
 * The working-day calendar on the wire: days, the missing-year status, the arrangement import preview and
 * local overrides. What src/http/routes/calendar.ts and src/app/calendar send.
 */
import { z } from "zod";
import { ZAbilities, ZBilingual } from "./common";

export const ZDayKind = z.enum(["holiday", "makeup", "weekend", "workday", "closed", "open"]);

export const ZCalendarDay = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: ZDayKind,
  name: z.string().nullable(),
  provisional: z.boolean(),
});

export const ZCalendarDayList = z.object({ items: z.array(ZCalendarDay) });

/** A date plus a number of working days. */
export const ZWorkingDaysAdded = z.object({
  from: z.string(),
  days: z.number(),
  date: z.string(),
  provisional: z.boolean(),
});

export const ZArrangementDay = z.object({
  date: z.string(),
  kind: z.enum(["rest", "work"]),
  name: z.string(),
});

export const ZArrangementError = z.object({
  line: z.number(),
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  path: z.string().optional(),
});

export const ZNoticeSource = z.object({
  line: z.number(),
  holiday: z.string(),
  text: z.string(),
  rest: z.array(z.string()),
  work: z.array(z.string()),
});

/** What importing a year's arrangement would do (nothing is saved). */
export const ZArrangementPreview = z.object({
  ok: z.boolean(),
  format: z.enum(["notice", "lines", "json"]),
  sources: z.array(ZNoticeSource),
  ignored: z.array(z.object({ line: z.number(), text: z.string() })),
  errors: z.array(ZArrangementError),
  year: z.number().nullable(),
  title: z.string().nullable(),
  docNo: z.string().nullable(),
  days: z.array(ZArrangementDay),
  existing: z.object({ source: z.enum(["seed", "imported"]), importedAt: z.string().nullable() }).nullable(),
  requiresReplace: z.boolean(),
  diff: z.object({
    added: z.array(ZArrangementDay),
    removed: z.array(ZArrangementDay),
    changed: z.array(z.object({ date: z.string(), before: ZArrangementDay, after: ZArrangementDay })),
  }),
});

/** The answer to importing a year's arrangement. */
export const ZArrangementImported = z.object({
  year: z.number(),
  days: z.number(),
  replaced: z.boolean(),
  title: z.string(),
});

/** An organization's local closure or opening day. */
export const ZCalendarOverride = z.object({
  id: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  date: z.string(),
  kind: z.enum(["closed", "open"]),
  reason: z.string(),
  createdAt: z.string(),
  abilities: ZAbilities,
});

export const ZCalendarOverrideList = z.object({ items: z.array(ZCalendarOverride) });

/** Which years the calendar knows, and the warning when the current or next year is missing. */
export const ZCalendarStatus = z.object({
  today: z.string(),
  firstOfficialYear: z.number(),
  lastOfficialYear: z.number(),
  provisionalFrom: z.number(),
  currentYearMissing: z.boolean(),
  nextYearMissing: z.boolean(),
  warning: z.boolean(),
  message: ZBilingual.nullable(),
});
