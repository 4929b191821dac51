/**
 * Pieces every response schema of the API shares. Zod only: the server, the OpenAPI document and the
 * web application may all import this.
 */
import { z } from "zod";

/** Text in both languages of Yizhan. */
export const ZBilingual = z.object({ "zh-CN": z.string(), "en-US": z.string() });
export type TBilingual = z.infer<typeof ZBilingual>;

/** What the caller may do with a record now (`{ accept: true, refuse: false }`), so screens hide buttons. */
export const ZAbilities = z.record(z.string(), z.boolean());

/** An instant, as every response writes it: ISO 8601 in UTC (`2026-11-24T01:00:00.000Z`). */
export const ZInstant = z.string();

/** A calendar date of the organization's time zone (`2026-11-24`). */
export const ZLocalDate = z.string();

/** A JSON value no schema of ours describes (application form data, a partner's record, event data). */
export const ZJsonObject = z.record(z.string(), z.unknown());

/** The body of a 204 answer: nothing. */
export const ZNoContent = z.null();
