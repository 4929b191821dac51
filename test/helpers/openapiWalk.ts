import { randomUUID } from "node:crypto";

// Walking the OpenAPI document the server serves (issue 16): every operation, its parameters and a
// request body that its schema accepts, for the tests that call every operation (the authorization
// matrix, hostile input). Walking the document means an operation added later is called too.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  examples?: unknown[];
  "x-multiline"?: boolean;
};

export type Parameter = {
  in: string;
  name: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
};

export type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
};

export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** One operation of the document: its method, path template and declaration. */
export type Op = {
  id: string;
  method: string;
  path: string;
  op: Operation;
  /** The JSON body schema, if the operation takes one. */
  json?: JsonSchema;
  /** True when the operation takes a multipart/form-data body (an upload). */
  multipart: boolean;
};

export function walk(doc: OpenApiDoc): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        op,
        json: content["application/json"]?.schema,
        multipart: "multipart/form-data" in content && !content["application/json"],
      });
    }
  }
  return ops;
}

export function deref(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split("/").at(-1) as string;
  return doc.components?.schemas?.[name] ?? {};
}

const typeIs = (s: JsonSchema, t: string) => s.type === t || (Array.isArray(s.type) && s.type.includes(t));

/** Values for patterns the document uses (a generator per regular expression is not worth it). */
const PATTERN_SAMPLES: [RegExp, string][] = [
  [/02-29/, "2026-11-25"],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, "2026-11-25"],
  [/0\[1-9\]\|1\[0-2\]/, "2026-11"],
  [/\[0-9a-fA-F\]\{8\}/, "00000000-0000-0000-0000-000000000000"],
  [/\^1\\d\{10\}/, "13900000000"],
  [/\[0-9a-f\]\{8,64\}/, "0123abcd"],
  [/me\|none/, "me"],
  [/https\?/, "https://example.org/x"],
  [/\[a-z_\]\{1,60\}/, "sample_key"],
  [/@/, "someone@example.org"],
  [/\[A-Z0-9-\]/, "SAMPLE-X"],
  [/\[A-Za-z0-9\]\[A-Za-z0-9_.-\]/, "sample-1"],
  [/\[a-zA-Z0-9._-\]/, "sample.user"],
];

export type SampleContext = {
  /** A value by property name, used before anything the schema says (ids of real objects). */
  byName?: Record<string, unknown>;
};

/**
 * A value the schema accepts, as small as it allows: required properties only, arrays of their
 * minimum length, the first enumerated value, a format's or a pattern's sample; `byName` supplies real
 * ids and other values the schema alone cannot know.
 */
export function sample(
  doc: OpenApiDoc,
  schema: JsonSchema | undefined,
  ctx: SampleContext = {},
  depth = 0,
): unknown {
  if (!schema || depth > 15) return undefined;
  const s = deref(doc, schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.examples?.length) return s.examples[0];
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const alt = alts.find((a) => !typeIs(deref(doc, a), "null")) ?? alts[0];
    return sample(doc, alt, ctx, depth + 1);
  }
  if (s.allOf) {
    return Object.assign({}, ...s.allOf.map((a) => sample(doc, a, ctx, depth + 1) as object));
  }
  if (typeIs(s, "object") || s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) {
      const named = ctx.byName?.[key];
      out[key] = named !== undefined ? named : sample(doc, s.properties?.[key], ctx, depth + 1);
    }
    return out;
  }
  if (typeIs(s, "array")) {
    return Array.from({ length: s.minItems ?? 0 }, () => sample(doc, s.items, ctx, depth + 1));
  }
  if (typeIs(s, "integer") || typeIs(s, "number"))
    return s.minimum !== undefined ? Math.max(s.minimum, 1) : 1;
  if (typeIs(s, "boolean")) return false;
  if (typeIs(s, "string")) {
    if (s.format === "uuid") return randomUUID();
    if (s.format === "date") return "2026-11-25";
    if (s.format === "date-time") return "2026-11-25T01:00:00Z";
    if (s.format === "email") return "someone@example.org";
    if (s.pattern) {
      const hit = PATTERN_SAMPLES.find(([re]) => re.test(s.pattern as string));
      if (hit) return hit[1];
    }
    const min = s.minLength ?? 1;
    return "样例".repeat(Math.ceil(min / 2)).slice(0, Math.max(min, 2));
  }
  if (s.default !== undefined) return s.default;
  return null;
}

/** The path with its parameters filled from `values` (by name), URL-encoded. */
export function fillPath(path: string, values: (name: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values(name)));
}
