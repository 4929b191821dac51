import type { ErrorSchema } from "@rjsf/utils";
import { ApiError, type Locale } from "../../api/ApiError";

export type SubmitProblems = {
  /** For @rjsf `extraErrors`: `formData.x` → `{ x: { __errors: [...] } }`. */
  form: ErrorSchema;
  /** `materials.<code>` → messages. */
  materials: Record<string, string[]>;
  /** Everything else (and the general message when nothing is per field). */
  general: string[];
};

/** Splits a 422 from submit into form-field, material and general problems. */
export function submitProblems(err: unknown, locale: Locale, fallback: string): SubmitProblems {
  const out: SubmitProblems = { form: {}, materials: {}, general: [] };
  if (!(err instanceof ApiError)) return { ...out, general: [fallback] };
  const perField = err.fieldMessages(locale);
  for (const [field, messages] of Object.entries(perField)) {
    const [head, ...rest] = field.split(".");
    if (head === "formData" && rest.length) {
      let node = out.form as Record<string, unknown>;
      for (const part of rest) {
        node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
        node = node[part] as Record<string, unknown>;
      }
      node.__errors = [...((node.__errors as string[] | undefined) ?? []), ...messages];
    } else if (head === "materials" && rest.length) {
      out.materials[rest.join(".")] = messages;
    } else out.general.push(...messages);
  }
  if (!Object.keys(perField).length) out.general.push(err.messageIn(locale) ?? fallback);
  return out;
}
