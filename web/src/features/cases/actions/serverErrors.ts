import type { FormInstance } from "antd";
import type { Locale } from "../../../api/ApiError";
import { ApiError } from "../../../api/ApiError";

/** `items.0.note` or `items[0].note` → `["items", 0, "note"]` (antd's name path). */
export function namePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field problems (problem+json `errors`) on the form fields the form has, and returns
 * what is left to say above the form: the general message, plus problems of fields the form lacks.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  locale: Locale,
  /** Top-level names of the form's fields (`items`, `reason` …). */
  fields: readonly string[],
  fallback: string,
): string[] {
  if (!(err instanceof ApiError)) return [fallback];
  const perField = err.fieldMessages(locale);
  const general: string[] = [];
  const onForm: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [field, messages] of Object.entries(perField)) {
    const top = field.split(/[.[]/)[0] ?? "";
    if (fields.includes(top)) onForm.push({ name: namePath(field), errors: messages });
    else general.push(...messages);
  }
  form.setFields(onForm);
  if (onForm.length === 0 && general.length === 0) general.push(err.messageIn(locale) ?? fallback);
  return general;
}
