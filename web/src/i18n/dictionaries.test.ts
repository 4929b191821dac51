import { describe, expect, it } from "vitest";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/**
 * Latin words a Chinese page may show besides codes and abbreviations in capitals (PDF, GB/T, HY-ZRZY):
 * proper names and file formats written as their makers write them.
 */
const LATIN_NAMES = new Set(["English", "WebP", "Ed25519", "Yizhan", "txt", "json", "Excel"]);

/** zh-CN texts that quote a format literally (the calendar's line format, JSON Schema keywords). */
const ZH_LITERAL_KEYS = new Set(["cal.import.placeholder", "editor.formSchemaHint", "editor.sectionForm"]);

/**
 * en-US texts that must show Chinese: the product's name, a language named in itself, documents and
 * searches whose content is Chinese (the State Council notice, a 文号, item names), the calendar's 休.
 * Elsewhere a Chinese term may only stand as a gloss in parentheses: "Ratings (好差评)".
 */
const EN_CHINESE_KEYS = new Set([
  "app.latinName",
  "lang.switch",
  "lang.zh-CN",
  "cal.provisionalHint",
  "cal.import.hint",
  "cal.import.placeholder",
  "action.policyReferencePlaceholder",
  "guide.searchPlaceholder",
]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the UI dictionaries", () => {
  const zh = zhCN as Record<string, string>;
  const en = enUS as Record<string, string>;

  it("have the same keys, none empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), key).not.toBe("");
      expect(en[key]?.trim(), key).not.toBe("");
      expect(placeholders(en[key] ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("zh-CN texts show no English word outside proper names and standards", () => {
    const offenders: string[] = [];
    for (const [key, text] of Object.entries(zh)) {
      if (ZH_LITERAL_KEYS.has(key)) continue;
      const withoutVars = text.replace(/\{\w+\}/g, "");
      for (const word of withoutVars.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
        if (!/^[A-Z0-9]+$/.test(word) && !LATIN_NAMES.has(word)) offenders.push(`${key}: ${word} (${text})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("en-US texts show no Chinese characters", () => {
    const offenders = Object.entries(en)
      .filter(([key]) => !EN_CHINESE_KEYS.has(key))
      .filter(([, text]) => CJK.test(text.replace(/\([^)]*\)/g, "")))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });
});
