/**
 * Requests of the calendar operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { multilineText } from "../../text";

/** An arrangement as pasted text (the documented text format) or as JSON (docs/calendar.md). */
export const ZArrangementInput = z
  .object({
    text: multilineText(200_000).optional(),
    json: z.unknown().optional(),
    replace: z.boolean().default(false),
  })
  .strict();

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Input of a new override: the organization (id or code), the date, closed/open and why. */
export const ZCreateOverride = z
  .object({
    org: z.string().min(1).max(100),
    date: z.string().regex(ISO_DATE, "YYYY-MM-DD"),
    kind: z.enum(["closed", "open"]),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();

export const ZCalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const ZCalendarOrgQuery = z.string().min(1).max(100).optional();

export const ZListCalendarDaysQuery = z.object({
  from: ZCalendarDate,
  to: ZCalendarDate,
  org: ZCalendarOrgQuery,
});

export const ZAddWorkingDaysQuery = z.object({
  from: ZCalendarDate,
  days: z.coerce.number().int().min(0).max(5000),
  org: ZCalendarOrgQuery,
});

export const ZListCalendarOverridesQuery = z.object({ org: ZCalendarOrgQuery });

export const ZDeleteCalendarOverrideParams = z.object({ id: z.uuid() });
