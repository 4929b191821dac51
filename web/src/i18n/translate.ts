import type { Locale } from "../api/ApiError";
import { enUS } from "./en-US";
import { type MessageKey, type Messages, zhCN } from "./zh-CN";

export type { MessageKey } from "./zh-CN";

const dictionaries: Record<Locale, Messages> = { "zh-CN": zhCN, "en-US": enUS };

/** Looks up a UI text and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
