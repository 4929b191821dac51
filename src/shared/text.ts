/**
 * Text that may enter Yizhan: one rule for every JSON body, query string and path parameter.
 *
 * - Control characters (C0: U+0000–U+001F, and DEL U+007F) are refused, except tab, line feed and
 *   carriage return in fields that hold several lines (notes, reasons, opinions, notice text) — marked
 *   with {@link multiline} in their zod schema, shown as `x-multiline: true` in the OpenAPI document.
 *   PostgreSQL cannot store U+0000 at all (text and jsonb): without this rule a NUL failed in the
 *   database driver as a 500. Object keys are held to the same rule.
 * - Unpaired UTF-16 surrogates (`"\ud800"` in JSON) are refused: they are not text.
 * - A string shaped like a date (`YYYY-MM-DD`, optionally with a time) must be a real one: 2026-02-30 is
 *   refused wherever it appears, also inside free-form data (application forms) no schema describes.
 *
 * Values no schema describes (form data, callbacks) may hold several lines. Used by the HTTP server's
 * `preValidation` hook (src/http/textGuard.ts) before the route's own schema; pure, no I/O.
 */
import { z } from "zod";

/** A problem with one field's text; `field` is the dotted path (`checks.0.note`), as zod issues name it. */
export type TextProblem = {
  field: string;
  code: "control_character" | "line_break" | "unpaired_surrogate" | "impossible_date";
  message: { "zh-CN": string; "en-US": string };
};

const MULTILINE = "x-multiline";

/** Marks a string schema as multi-line text: tab, line feed and carriage return are allowed in it. */
export function multiline<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [MULTILINE]: true }) as T;
}

/** Free text of several lines, at most `max` characters (notes, reasons, opinions). */
export function multilineText(max: number) {
  return multiline(z.string().max(max));
}

// Controls other than tab, LF, CR; and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\t\n\r]/;
// With the `u` flag a surrogate pair is one code point: this matches only an unpaired half.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const DATE_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a real calendar date (Gregorian), month 1–12 and the month's days. */
export function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1;
}

/** Why a date-shaped string is impossible (2026-02-30, 2026-13-01, 24:61), or null when it is fine or no date. */
function impossibleDate(s: string): boolean {
  const m = DATE_LIKE.exec(s);
  if (!m) return false;
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  if (m[4] === undefined) return false;
  return Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 60);
}

type Schema = z.core.$ZodType;
const defOf = (s: Schema) => s._zod.def as unknown as Record<string, unknown> & { type: string };

/** Unwraps optional/default/pipe/lazy …; collects the alternatives of unions; notes a multi-line mark. */
function expand(schema: Schema, out: { leaves: Schema[]; multiline: boolean }, depth = 0): void {
  if (depth > 20) return;
  if ((z.globalRegistry.get(schema) as Record<string, unknown> | undefined)?.[MULTILINE])
    out.multiline = true;
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      expand(def.innerType as Schema, out, depth + 1);
      return;
    case "pipe":
      expand(def.in as Schema, out, depth + 1);
      return;
    case "lazy":
      expand((def.getter as () => Schema)(), out, depth + 1);
      return;
    case "union":
      for (const o of def.options as Schema[]) expand(o, out, depth + 1);
      return;
    case "intersection":
      expand(def.left as Schema, out, depth + 1);
      expand(def.right as Schema, out, depth + 1);
      return;
    case "any":
    case "unknown":
      return; // nothing known: no leaf
    default:
      out.leaves.push(schema);
  }
}

/** The schemas a child value (`key` of an object or index of an array) may be checked against. */
function children(leaves: Schema[], key: string): Schema[] {
  const out: Schema[] = [];
  for (const s of leaves) {
    const def = defOf(s);
    if (def.type === "object") {
      const shape = def.shape as Record<string, Schema>;
      const child = Object.hasOwn(shape, key) ? shape[key] : (def.catchall as Schema | undefined);
      if (child) out.push(child);
    } else if (def.type === "record") out.push(def.valueType as Schema);
    else if (def.type === "array") out.push(def.element as Schema);
    else if (def.type === "tuple") {
      const items = def.items as Schema[];
      const i = Number(key);
      const child = Number.isInteger(i) && i < items.length ? items[i] : (def.rest as Schema | null);
      if (child) out.push(child);
    }
  }
  return out;
}

const MESSAGES: Record<TextProblem["code"], TextProblem["message"]> = {
  control_character: {
    "zh-CN": "含有不允许的控制字符",
    "en-US": "Contains a control character that is not allowed",
  },
  line_break: {
    "zh-CN": "此项只能填写一行，不能含换行或制表符",
    "en-US": "Single line only: no line breaks or tabs",
  },
  unpaired_surrogate: {
    "zh-CN": "含有无效的字符编码",
    "en-US": "Contains an invalid character encoding (unpaired surrogate)",
  },
  impossible_date: {
    "zh-CN": "日期或时间不存在",
    "en-US": "No such date or time",
  },
};

/** A key as it can be shown in a field name: control characters written as \uXXXX. */
const visibleKey = (k: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: showing control characters is the point
  k.replace(/[\u0000-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

function stringProblem(s: string, multilineAllowed: boolean): TextProblem["code"] | null {
  if (CONTROL.test(s)) return "control_character";
  if (!multilineAllowed && LINE_BREAK.test(s)) return "line_break";
  if (LONE_SURROGATE.test(s)) return "unpaired_surrogate";
  if (impossibleDate(s)) return "impossible_date";
  return null;
}

/**
 * Every text problem in `value` (a parsed JSON body, query or path parameters), checked against the
 * route's zod `schema` to know which strings may hold several lines. At most `limit` problems.
 */
export function textProblems(schema: Schema | undefined, value: unknown, limit = 20): TextProblem[] {
  const problems: TextProblem[] = [];
  const walk = (candidates: Schema[], v: unknown, path: string[], depth: number) => {
    if (problems.length >= limit || depth > 64) return;
    const info = { leaves: [] as Schema[], multiline: false };
    for (const c of candidates) expand(c, info);
    if (typeof v === "string") {
      // Nothing known about it (free-form data): lenient about line breaks, strict about the rest.
      const lenient = info.multiline || info.leaves.length === 0;
      const code = stringProblem(v, lenient);
      if (code) problems.push({ field: path.join(".") || "body", code, message: MESSAGES[code] });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(children(info.leaves, String(i)), item, [...path, String(i)], depth + 1);
      });
      return;
    }
    if (v && typeof v === "object" && !(v instanceof Uint8Array)) {
      for (const [k, item] of Object.entries(v)) {
        const keyCode = stringProblem(k, false);
        if (keyCode && keyCode !== "impossible_date") {
          problems.push({
            field: [...path, visibleKey(k)].join("."),
            code: keyCode,
            message: MESSAGES[keyCode],
          });
          continue;
        }
        walk(children(info.leaves, k), item, [...path, k], depth + 1);
      }
    }
  };
  walk(schema ? [schema] : [], value, [], 0);
  return problems;
}
