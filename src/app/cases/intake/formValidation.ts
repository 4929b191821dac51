import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import type { FieldProblem } from "../../../domain/errors";

// ajv-formats is CommonJS; its default export arrives as a namespace object under some loaders.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (
  a: Ajv,
) => Ajv;

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction>();

function validator(versionId: string, schema: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(versionId);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(versionId, v);
  }
  return v;
}

/** The Chinese and English text of one JSON Schema error, with the field's title when it has one. */
function describe(e: ErrorObject, title: string): { "zh-CN": string; "en-US": string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { "zh-CN": `${title}必填`, "en-US": `${title} is required` };
    case "type":
      return {
        "zh-CN": `${title}类型应为 ${String(p.type)}`,
        "en-US": `${title} must be of type ${String(p.type)}`,
      };
    case "pattern":
    case "format":
      return { "zh-CN": `${title}格式不正确`, "en-US": `${title} has an invalid format` };
    case "enum":
      return { "zh-CN": `${title}须为可选值之一`, "en-US": `${title} must be one of the allowed values` };
    case "minimum":
    case "exclusiveMinimum":
      return { "zh-CN": `${title}数值过小`, "en-US": `${title} is too small` };
    case "maximum":
    case "exclusiveMaximum":
      return { "zh-CN": `${title}数值过大`, "en-US": `${title} is too large` };
    case "maxLength":
      return { "zh-CN": `${title}过长`, "en-US": `${title} is too long` };
    case "minLength":
      return { "zh-CN": `${title}过短`, "en-US": `${title} is too short` };
    default:
      return { "zh-CN": `${title}${e.message ?? "无效"}`, "en-US": `${title}: ${e.message ?? "invalid"}` };
  }
}

/**
 * Validates application form data against the item version's JSON Schema; every problem names the
 * field (`formData.projectCode`) in Chinese and English, with the field's title from the schema.
 */
export function formProblems(
  versionId: string,
  schema: Record<string, unknown>,
  data: unknown,
): FieldProblem[] {
  const v = validator(versionId, schema);
  if (v(data)) return [];
  const props = (schema.properties ?? {}) as Record<string, { title?: string }>;
  return (v.errors ?? []).map((e) => {
    const name =
      e.keyword === "required"
        ? String((e.params as { missingProperty: string }).missingProperty)
        : e.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const title = props[name.split(".")[0]]?.title ?? name;
    return { field: `formData${name ? `.${name}` : ""}`, code: e.keyword, message: describe(e, title) };
  });
}
