import type { MessageKey } from "../../i18n/translate";
import type { JsonSchemaObject } from "./itemForm";

type Property = NonNullable<JsonSchemaObject["properties"]>[string];

/** Patterns of the item forms' JSON Schemas and what they ask for, in words. */
const PATTERNS: [RegExp, MessageKey][] = [
  [/^\^1\\d\{10\}\$$/, "format.phone"],
  [/^\^\\d\{4\}-\\d\{6\}-\\d\{2\}-\\d\{2\}-\\d\{6\}\$$/, "format.projectCode"],
  [/^\^\[0-9A-HJ-NPQRTUWXY\]\{18\}\$$/, "format.creditCode"],
  [/^\^\\w\{28\}\$$/, "format.unitNumber"],
];

/** The format hint of one form field, if it has a format worth stating. */
export function formatHintKey(name: string, p: Property): MessageKey | undefined {
  const pattern = typeof p.pattern === "string" ? p.pattern : undefined;
  const byPattern = pattern ? PATTERNS.find(([re]) => re.test(pattern))?.[1] : undefined;
  if (byPattern) return byPattern;
  if (/idNumber|idCard/i.test(name)) return "format.idNumber";
  if (/creditCode|uscc/i.test(name)) return "format.creditCode";
  if (/phone|mobile/i.test(name)) return "format.phone";
  if (p.format === "date") return "format.date";
  if (p.type === "number" || p.type === "integer") {
    return /area/i.test(name) || /面积/.test(p.title ?? "") ? "format.area" : "format.number";
  }
  return undefined;
}

/**
 * The uiSchema with a help line (`ui:help`, shown under the field from the start) on every field whose
 * format can be stated — ID number, phone, dates, area, codes — unless the item already words one.
 */
export function withFormatHints(
  schema: JsonSchemaObject,
  uiSchema: Record<string, unknown>,
  t: (key: MessageKey) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...uiSchema };
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const key = formatHintKey(name, p);
    const own = (uiSchema[name] ?? {}) as Record<string, unknown>;
    if (key && !own["ui:help"] && !p.description) out[name] = { ...own, "ui:help": t(key) };
  }
  return out;
}

/** The field errors (an @rjsf ErrorSchema) without those of the fields whose value changed. */
export function withoutChanged<E extends Record<string, unknown>>(
  errors: E,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): E {
  const out = { ...errors } as Record<string, unknown>;
  for (const name of Object.keys(out)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) delete out[name];
  }
  return out as E;
}
