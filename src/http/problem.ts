import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { type Bilingual, type FieldProblem, YizhanError } from "../domain/errors";
import type { TProblem } from "../shared/api/problem";

/** RFC 9457 problem document, with Yizhan's stable `code` and bilingual `message` (`ZProblem`). */
export type Problem = TProblem;

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** Chinese and English text for one zod issue (the field is named by the caller). */
function describeIssue(v: ValidationItem): Bilingual {
  const p = v.params ?? {};
  switch (v.keyword) {
    case "invalid_type":
      return p.input === undefined
        ? { "zh-CN": "必填", "en-US": "Required" }
        : { "zh-CN": `类型错误，应为 ${String(p.expected)}`, "en-US": `Expected ${String(p.expected)}` };
    case "too_small":
      if (p.origin === "string" && p.minimum === 1) return { "zh-CN": "必填", "en-US": "Required" };
      return p.origin === "string"
        ? { "zh-CN": `至少 ${String(p.minimum)} 个字符`, "en-US": `At least ${String(p.minimum)} characters` }
        : { "zh-CN": `不能小于 ${String(p.minimum)}`, "en-US": `Must be at least ${String(p.minimum)}` };
    case "too_big":
      return p.origin === "string"
        ? { "zh-CN": `最多 ${String(p.maximum)} 个字符`, "en-US": `At most ${String(p.maximum)} characters` }
        : { "zh-CN": `不能大于 ${String(p.maximum)}`, "en-US": `Must be at most ${String(p.maximum)}` };
    case "invalid_value":
      return {
        "zh-CN": `取值无效，可选值：${(p.values as unknown[] | undefined)?.join("、") ?? ""}`,
        "en-US": `Invalid value; allowed: ${(p.values as unknown[] | undefined)?.join(", ") ?? ""}`,
      };
    case "invalid_format":
      return { "zh-CN": `格式错误（${String(p.format)}）`, "en-US": `Invalid format (${String(p.format)})` };
    case "unrecognized_keys":
      return {
        "zh-CN": `不允许的字段：${(p.keys as string[] | undefined)?.join("、") ?? ""}`,
        "en-US": `Unknown fields: ${(p.keys as string[] | undefined)?.join(", ") ?? ""}`,
      };
    default:
      return { "zh-CN": `输入无效：${v.message ?? v.keyword}`, "en-US": v.message ?? "Invalid input" };
  }
}

/**
 * One 422 problem naming every field (docs/api-conventions.md: every problem with a field of the
 * input is 422; 400 is left for a body that cannot be read at all, such as malformed JSON).
 */
export function fieldsProblem(errors: FieldProblem[]): YizhanError {
  const list = (lang: keyof Bilingual, sep: string) =>
    errors.map((e) => `${e.field}: ${e.message[lang]}`).join(sep);
  return new YizhanError(
    "validation_failed",
    422,
    { "zh-CN": `输入有误：${list("zh-CN", "；")}`, "en-US": `Validation failed: ${list("en-US", "; ")}` },
    { errors },
  );
}

/** Turns fastify/zod request validation errors into one 422 problem naming every field. */
function validationProblem(err: FastifyError): YizhanError {
  const items = (err.validation ?? []) as unknown as ValidationItem[];
  return fieldsProblem(
    items.map((v) => ({
      field: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || (err.validationContext ?? "body"),
      code: v.keyword,
      message: describeIssue(v),
    })),
  );
}

/** A zod error thrown by a route or app function that parses input itself (multipart fields). */
function zodProblem(err: ZodError): YizhanError {
  return fieldsProblem(
    err.issues.map((i) => ({
      field: i.path.map(String).join(".") || "body",
      code: i.code,
      message: describeIssue({
        keyword: i.code,
        instancePath: "",
        message: i.message,
        params: i as unknown as Record<string, unknown>,
      }),
    })),
  );
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  414: "URI too long",
  415: "Unsupported media type",
  422: "Unprocessable content",
  423: "Locked",
  429: "Too many requests",
  500: "Internal server error",
};

/** The SQLSTATE of a database error (node-postgres and PGlite), through Drizzle's wrapping `cause`. */
function sqlState(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 5 && e; i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * Database refusals a request can cause, as problems instead of 500s (issue 16): two writers racing
 * to the same unique value or a serialization failure are a conflict to retry (409); a value the
 * database cannot hold (class 22: out of range, invalid text or encoding) or a reference to a row that
 * is gone is the input's fault (422). Anything else stays a 500.
 */
function databaseProblem(state: string): YizhanError | undefined {
  if (state === "23505" || state === "40001" || state === "40P01")
    return new YizhanError("conflict", 409, {
      "zh-CN": "数据已被同时修改，请刷新后重试",
      "en-US": "The data was changed at the same time; reload and try again",
    });
  if (state === "23503")
    return new YizhanError("unknown_reference", 422, {
      "zh-CN": "引用的记录不存在",
      "en-US": "A record the request refers to does not exist",
    });
  if (state.startsWith("22"))
    return new YizhanError("invalid_value", 422, {
      "zh-CN": "输入的值无法保存（超出范围或格式无效）",
      "en-US": "A value cannot be stored (out of range or invalid)",
    });
  return undefined;
}

/** Converts any thrown error to a {@link YizhanError}; unknown errors become a 500 without internals. */
export function toYizhanError(err: unknown): YizhanError {
  if (err instanceof YizhanError) return err;
  const state = sqlState(err);
  const db = state ? databaseProblem(state) : undefined;
  if (db) return db;
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) return validationProblem(fe);
  if (err instanceof ZodError) return zodProblem(err);
  if (fe?.statusCode === 429) {
    return new YizhanError("rate_limited", 429, {
      "zh-CN": "请求过于频繁，请稍后再试",
      "en-US": "Too many requests; please wait and try again",
    });
  }
  if (fe?.statusCode === 413 || fe?.code === "FST_REQ_FILE_TOO_LARGE") {
    return new YizhanError("payload_too_large", 413, {
      "zh-CN": "上传内容超过大小限制",
      "en-US": "The upload exceeds the size limit",
    });
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new YizhanError("bad_request", fe.statusCode, {
      "zh-CN": `请求无效：${fe.message}`,
      "en-US": `Bad request: ${fe.message}`,
    });
  }
  return new YizhanError("internal", 500, {
    "zh-CN": "服务器内部错误，请稍后重试或联系管理员",
    "en-US": "Internal server error; try again later or contact the administrator",
  });
}

/** Sends an error as `application/problem+json` (RFC 9457). */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const e = toYizhanError(err);
  if (e.status >= 500) req.log.error({ err }, "request failed");
  // A refusal by the database that reached it past the request's validation: the client's 409/422, but
  // worth a line for whoever tightens the schema (the statement is logged without its parameters).
  else if (sqlState(err)) req.log.warn({ err }, "database refused the request");
  const problem: Problem = {
    type: `https://yizhan.dev/problems/${e.code}`,
    status: e.status,
    code: e.code,
    title: TITLES[e.status] ?? "Error",
    detail: e.messages["en-US"],
    message: e.messages,
    field: e.field,
    errors: e.errors,
    details: e.details,
    instance: req.url.split("?")[0],
    requestId: String(req.id),
  };
  return reply.code(e.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(problem));
}
