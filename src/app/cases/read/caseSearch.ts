import { type SQL, sql } from "drizzle-orm";
import { cases } from "../../../db/schema";

/**
 * The text search of the staff queues and the review inbox: a substring of the case number, title,
 * item name or applicant name, case-insensitive (`ILIKE '%…%'`), served by the character-gram index
 * `cases_search_grams_idx` (ADR 0017f; docs/performance.md §3 lesson 6).
 *
 * The index holds, for every case, each lower-cased character and each pair of adjacent characters
 * of those four columns (`yizhan_grams`). Every pair of a searched text occurs in a row that contains
 * the text, so `grams @> yizhan_query_grams(text)` keeps every match and a few rows more; the `ILIKE`
 * after it keeps exactly the matches, so the results are those of the plain `ILIKE`. None of the four
 * columns is encrypted at rest (ADR 0016: only ID numbers and phones are), so the index reveals no
 * more than the table does.
 */
export const caseSearchGrams = sql`yizhan_grams(${cases.number}, ${cases.title}, ${cases.itemName}, ${cases.applicant}->>'name')`;

/** LIKE wildcards and the escape character as plain text. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `text` (trimmed, not empty) found in the number, title, item name or applicant name of the case. */
export function caseTextMatch(text: string): SQL {
  const v = text.trim();
  const like = `%${escapeLike(v)}%`;
  const any = sql`(${cases.number} ilike ${like} or ${cases.title} ilike ${like} or ${cases.itemName} ilike ${like} or ${cases.applicant}->>'name' ilike ${like})`;
  return v ? sql`(${caseSearchGrams} @> yizhan_query_grams(${v}) and ${any})` : any;
}

/** `name` (trimmed, not empty) found in the applicant's name. */
export function applicantNameMatch(name: string): SQL {
  const v = name.trim();
  const like = sql`${cases.applicant}->>'name' ilike ${`%${escapeLike(v)}%`}`;
  return v ? sql`(${caseSearchGrams} @> yizhan_query_grams(${v}) and ${like})` : like;
}
