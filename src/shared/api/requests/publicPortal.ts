/** Requests of the public portal: the published decisions and the live figures (no login). */
import { z } from "zod";

const ZDate = z.iso.date();
const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
  .meta({ examples: ["2026-11"] });

export const ZListPublicDecisionsQuery = z.object({
  item: z.string().min(1).max(64).optional().describe("Only decisions of this item (its code)"),
  from: ZDate.optional().describe("Decided on or after this local date (YYYY-MM-DD)"),
  to: ZDate.optional().describe("Decided on or before this local date (YYYY-MM-DD)"),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Words of the case number, permit number, item, enterprise holder or location"),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListPublicDecisionsQuery = z.infer<typeof ZListPublicDecisionsQuery>;

export const ZPublicFiguresQuery = z.object({
  to: ZMonth.optional().describe("Last month of the 12 (YYYY-MM); default this month"),
});
