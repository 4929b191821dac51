/**
 * en-US texts that must show Chinese, kept as data: the product's name, a language named in itself,
 * documents and searches whose content is Chinese (the State Council notice, a 文号, item names), the
 * calendar's 休. Elsewhere a Chinese term may only stand as a gloss in parentheses: "Ratings (好差评)".
 * Checked in the dictionaries (dictionaries.test.ts) and on the English pages (test/e2e/a11y.e2e.test.ts).
 */
export const EN_CHINESE_KEYS: ReadonlySet<string> = new Set([
  "app.latinName",
  "lang.switch",
  "lang.zh-CN",
  "cal.provisionalHint",
  "cal.import.hint",
  "cal.import.placeholder",
  "action.policyReferencePlaceholder",
  "guide.searchPlaceholder",
]);

/** A Chinese term glossing an English one, in ASCII parentheses: "Ratings (好差评)". Not a defect. */
export const GLOSS = /\([^()]*\)/g;
