import { describe, expect, it } from "vitest";
import { EN_CHINESE_KEYS, GLOSS } from "./chineseInEnglish";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/**
 * Latin words a Chinese page may show besides codes and abbreviations in capitals (PDF, GB/T, HY-ZRZY):
 * proper names and file formats written as their makers write them.
 */
const LATIN_NAMES = new Set(["English", "WebP", "Ed25519", "Yizhan", "txt", "json", "Excel"]);

/** zh-CN texts that quote a format literally (the calendar's line format, JSON Schema keywords). */
const ZH_LITERAL_KEYS = new Set(["cal.import.placeholder", "editor.formSchemaHint", "editor.sectionForm"]);

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
      .filter(([, text]) => CJK.test(text.replace(GLOSS, "")))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });
});
