import type { Content, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces";
import { MAIN_FONT } from "./fonts";

/** Answers which font family draws a code point (null: no font has it). */
export interface GlyphSource {
  familyFor(codePoint: number): string | null;
}

/** A run of text drawn in one fallback family. */
export interface FontRun {
  text: string;
  font: string;
}

/**
 * Cuts text into runs by the font that has their glyphs: plain strings for the main font, `{ text,
 * font }` for characters only a fallback subset has. Characters no font has stay in the main font
 * (they print as an empty box; `missingCharacters` reports them).
 */
export function splitRuns(text: string, glyphs: GlyphSource): Array<string | FontRun> {
  const runs: Array<string | FontRun> = [];
  let current = "";
  let currentFont = MAIN_FONT;
  for (const ch of text) {
    const font = glyphs.familyFor(ch.codePointAt(0) ?? 0) ?? MAIN_FONT;
    if (font !== currentFont && current) {
      runs.push(currentFont === MAIN_FONT ? current : { text: current, font: currentFont });
      current = "";
    }
    currentFont = font;
    current += ch;
  }
  if (current) runs.push(currentFont === MAIN_FONT ? current : { text: current, font: currentFont });
  return runs;
}

/** The distinct characters of a text that no font of the package can draw. */
export function missingCharacters(text: string, glyphs: GlyphSource): string[] {
  const missing = new Set<string>();
  for (const ch of text) if (glyphs.familyFor(ch.codePointAt(0) ?? 0) === null) missing.add(ch);
  return [...missing];
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const needsFallback = (runs: Array<string | FontRun>): boolean => runs.some((r) => typeof r !== "string");

/** Rewrites one inline element of a `text` array (a string or a nested inline node). */
function inline(value: unknown, glyphs: GlyphSource): unknown[] {
  if (typeof value === "string") return splitRuns(value, glyphs);
  return [isNode(value) ? node(value, glyphs) : value];
}

/** Rewrites a content element that stands on its own (in content, stack, columns, lists, cells). */
function block(value: unknown, glyphs: GlyphSource): unknown {
  if (typeof value === "string") {
    const runs = splitRuns(value, glyphs);
    return needsFallback(runs) ? { text: runs } : value;
  }
  if (Array.isArray(value)) return value.map((v) => block(v, glyphs));
  return isNode(value) ? node(value, glyphs) : value;
}

function node(value: Node, glyphs: GlyphSource): Node {
  if (typeof value.font === "string" && value.font !== MAIN_FONT) return value; // chosen explicitly
  const out: Node = { ...value };
  if (typeof value.text === "string") {
    const runs = splitRuns(value.text, glyphs);
    if (needsFallback(runs)) out.text = runs;
  } else if (Array.isArray(value.text)) {
    out.text = value.text.flatMap((v) => inline(v, glyphs));
  } else if (isNode(value.text)) {
    out.text = node(value.text, glyphs);
  }
  for (const key of ["stack", "columns", "ul", "ol"]) {
    if (Array.isArray(value[key])) out[key] = block(value[key], glyphs);
  }
  if (isNode(value.table) && Array.isArray(value.table.body)) {
    out.table = { ...value.table, body: value.table.body.map((row) => block(row, glyphs)) };
  }
  return out;
}

function dynamic(
  value: DynamicContent | Content | undefined,
  glyphs: GlyphSource,
): DynamicContent | Content | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "function") {
    const fn = value;
    return (...args: Parameters<DynamicContent>) => block(fn(...args), glyphs) as Content;
  }
  return block(value, glyphs) as Content;
}

/**
 * Returns a copy of a document definition in which every character the main font lacks is drawn
 * in the unicode-range subset that has it (pdfmake's per-run `font`), so that rare characters in
 * applicants' names (生僻字) print instead of vanishing — a notice must name its addressee exactly.
 */
export function applyFontFallback(doc: TDocumentDefinitions, glyphs: GlyphSource): TDocumentDefinitions {
  return {
    ...doc,
    content: block(doc.content, glyphs) as Content,
    header: dynamic(doc.header, glyphs),
    footer: dynamic(doc.footer, glyphs),
  };
}
