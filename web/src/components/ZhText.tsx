import type { ReactNode } from "react";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The language of a piece of data shown on a page: `"zh-CN"` when it holds Chinese characters (an item's
 * name, a form field's title from an item schema, a document's title, a person's or an organization's
 * name), else nothing (it is in the page's language, or a code). Spread as `lang={dataLang(text)}`.
 */
export function dataLang(text: unknown): "zh-CN" | undefined {
  return typeof text === "string" && HAN.test(text) ? "zh-CN" : undefined;
}

/**
 * Chinese data on a page of any language: wrapped in `<span lang="zh-CN">` so that screen readers read
 * it in Chinese and the language check of the English pages (test/e2e/a11y.e2e.test.ts) can tell data
 * from the product's own labels, which are translated (web/src/i18n). Text without Chinese characters is
 * shown as it is.
 */
export function ZhText({ children }: { children?: ReactNode }) {
  if (typeof children === "string" || typeof children === "number") {
    const lang = dataLang(String(children));
    return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
  }
  if (children === null || children === undefined || children === false) return null;
  return <span lang="zh-CN">{children}</span>;
}

/** A table column's render for Chinese data: `render: zhCell`. */
export function zhCell(value: unknown): ReactNode {
  return value === null || value === undefined ? null : <ZhText>{String(value)}</ZhText>;
}

/**
 * A translated text whose `{name}` placeholders are filled with data, each value marked as Chinese data
 * when it is (`ZhText`): `withData(t("prj.action.line"), { description, owner, due })`. `t(key)` without
 * variables returns the text with its placeholders.
 */
export function withData(template: string, vars: Record<string, string | number>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : part in vars ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed template, never reordered
      <ZhText key={i}>{String(vars[part])}</ZhText>
    ) : (
      `{${part}}`
    ),
  );
}

/**
 * A message composed by the server in the page's language that quotes data ("An inquiry about
 * "建设用地规划许可证核发" …"): the quoted parts are marked as Chinese data when they are.
 */
export function withQuotedData(message: string): ReactNode {
  const parts = message.split(/("[^"]*"|“[^”]*”)/);
  return parts.length === 1
    ? message
    : parts.map((part, i) =>
        i % 2 === 0 ? (
          part
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, never reordered
          <ZhText key={i}>{part}</ZhText>
        ),
      );
}
