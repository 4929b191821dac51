/**
 * Chinese full-text search of the catalog. PostgreSQL cannot segment Chinese, so jieba does it here:
 * an item is indexed with `cutForSearch` (which also emits sub-words, so 乡镇 finds 乡镇政府) and a
 * query is cut with `cut`. Lexemes go to the database as they are (`array_to_tsvector` and quoted
 * tsquery lexemes), so the result does not depend on the database's locale or text-search parser.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { type SQL, sql } from "drizzle-orm";
import {
  HANDLER_KINDS,
  HANDLING_TYPES,
  ITEM_KINDS,
  MATERIAL_SOURCES,
  type TServiceItemContent,
} from "../../shared/catalog";

let jieba: Jieba | undefined;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

/** Letters, digits or CJK: a word worth indexing (drops punctuation and spaces). */
const WORD = /[\p{L}\p{N}]/u;

/** Search-mode words of a text (sub-words included), lowercased, without punctuation. */
export function indexWords(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD.test(w));
}

/** Words of a query as a reader means them (precise mode), lowercased, without punctuation. */
export function queryWords(q: string): string[] {
  const words = segmenter()
    .cut(q, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD.test(w));
  return [...new Set(words)];
}

/** What an item is found by: weight A (name, code, life events, who handles it) and weight B (the rest). */
export function itemSearchText(
  content: TServiceItemContent,
  orgName: string,
  handlerNames: readonly string[] = [],
): { primary: string; secondary: string } {
  const primary = [
    content.name,
    content.code.replaceAll("-", " "),
    ITEM_KINDS[content.kind],
    HANDLING_TYPES[content.handlingType],
    ...content.lifeEvents,
    orgName,
    content.handledBy ? `由${HANDLER_KINDS[content.handledBy.kind]}办理` : "",
    ...handlerNames,
  ];
  const secondary = [
    content.resultName,
    ...content.materials.flatMap((m) => [m.name, MATERIAL_SOURCES[m.source]]),
    ...content.legalBasis.map((b) => b.title),
    ...content.acceptanceConditions,
    ...content.processDescription.map((p) => `${p.name} ${p.description}`),
    content.handledBy?.note ?? "",
    content.entrustedOrg ?? "",
  ];
  return { primary: primary.join(" "), secondary: secondary.join(" ") };
}

/** Lexemes of an item for its `search` column: `{primary, secondary}` word lists, deduplicated. */
export function itemLexemes(text: { primary: string; secondary: string }): { a: string[]; b: string[] } {
  const a = [...new Set(indexWords(text.primary))];
  const inA = new Set(a);
  const b = [...new Set(indexWords(text.secondary))].filter((w) => !inA.has(w));
  return { a, b };
}

/** The SQL expression of a `search` value: weighted lexemes, never parsed again by PostgreSQL. */
export function searchVectorSql(lexemes: { a: string[]; b: string[] }): SQL {
  const a = `{${lexemes.a.map(arrayLiteral).join(",")}}`;
  const b = `{${lexemes.b.map(arrayLiteral).join(",")}}`;
  return sql`setweight(array_to_tsvector(${a}::text[]), 'A') || setweight(array_to_tsvector(${b}::text[]), 'B')`;
}

const arrayLiteral = (w: string) => `"${w.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
const tsLexeme = (w: string) => `'${w.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/**
 * The tsquery text for a query (every word must match): each precise word, or — when jieba splits it
 * further in search mode — all of its sub-words (so 不动产登记 also matches an index holding 登记 and
 * 不动产 separately). Null when the query has no word at all.
 */
export function buildTsQuery(q: string): string | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const parts = indexWords(w).filter((p) => p !== w);
      if (parts.length < 2) return tsLexeme(w);
      return `(${tsLexeme(w)} | (${parts.map(tsLexeme).join(" & ")}))`;
    })
    .join(" & ");
}
