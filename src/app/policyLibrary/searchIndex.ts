/**
 * What a policy document is found by, and the highlighted snippet of a hit. Segmentation is the
 * catalog's (app/catalog/search.ts): jieba `cutForSearch` into a `simple` tsvector, `cut` for queries.
 */
import type { SQL } from "drizzle-orm";
import type { TPolicyInput } from "../../shared/api/requests/policyLibrary";
import { indexWords, queryWords, searchVectorSql } from "../catalog/search";

type Indexed = Pick<TPolicyInput, "title" | "docNumber" | "issuer" | "tags" | "summary" | "fullText">;

/** The `search` value of a document: weight A title, 文号, issuer and tags; weight B summary and full text. */
export function policySearchVector(d: Indexed): SQL {
  const a = [...new Set(indexWords([d.title, d.docNumber, d.issuer, ...d.tags].join(" ")))];
  const inA = new Set(a);
  const b = [...new Set(indexWords(`${d.summary} ${d.fullText}`))].filter((w) => !inA.has(w));
  return searchVectorSql({ a, b });
}

/** The words a hit is highlighted by: the query's words and their search-mode sub-words, longest first. */
export function highlightWords(q: string): string[] {
  const words = queryWords(q);
  const all = new Set<string>();
  for (const w of words) {
    all.add(w);
    for (const p of indexWords(w)) if (p.length > 1 || /\p{N}/u.test(p)) all.add(p);
  }
  return [...all].sort((x, y) => y.length - x.length);
}

export type SnippetPart = { text: string; hit: boolean };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits `text` at every occurrence of `words` (case-insensitive): the hits are marked. */
export function splitAtHits(text: string, words: readonly string[]): SnippetPart[] {
  if (!words.length || !text) return text ? [{ text, hit: false }] : [];
  const re = new RegExp(words.map(escapeRe).join("|"), "giu");
  const out: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), hit: false });
    out.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/**
 * A snippet of about `width` characters of the summary or full text around the first hit (the start
 * of the summary when neither holds one), split at the hits; line breaks become spaces.
 */
export function snippetOf(
  summary: string,
  fullText: string,
  words: readonly string[],
  width = 120,
): SnippetPart[] {
  const lower = words.map((w) => w.toLowerCase());
  for (const source of [summary, fullText]) {
    const text = source.replace(/\s+/g, " ").trim();
    const low = text.toLowerCase();
    const at = Math.min(...lower.map((w) => low.indexOf(w)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const start = Math.max(0, at - Math.floor(width / 3));
    const end = Math.min(text.length, start + width);
    const parts = splitAtHits(text.slice(start, end), words);
    if (start > 0) parts.unshift({ text: "…", hit: false });
    if (end < text.length) parts.push({ text: "…", hit: false });
    return parts;
  }
  const text = summary.replace(/\s+/g, " ").trim();
  return text ? [{ text: text.length > width ? `${text.slice(0, width)}…` : text, hit: false }] : [];
}
