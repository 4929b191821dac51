/** Bilingual message: every error and notice Yizhan shows exists in Chinese and English. */
export type Bilingual = { "zh-CN": string; "en-US": string };

/** One problem with one field of the input. */
export type FieldProblem = { field: string; code: string; message: Bilingual };

/**
 * The one error type of Yizhan. Carries a stable `code`, an HTTP-like `status` hint, a bilingual
 * message, and optionally the offending field(s). The HTTP layer turns it into RFC 9457 problem+json.
 */
export class YizhanError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: Bilingual;
  readonly field?: string;
  readonly errors?: FieldProblem[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    status: number,
    messages: Bilingual,
    extra: { field?: string; errors?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(messages["en-US"]);
    this.name = "YizhanError";
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.field = extra.field ?? extra.errors?.[0]?.field;
    this.errors = extra.errors;
    this.details = extra.details;
  }
}

/** 404: the record does not exist or the caller may not know that it exists. */
export function notFound(what: Bilingual): YizhanError {
  return new YizhanError("not_found", 404, {
    "zh-CN": `${what["zh-CN"]}不存在`,
    "en-US": `${what["en-US"]} not found`,
  });
}

/** 403: the caller is known but may not do this. */
export function forbidden(action: string): YizhanError {
  return new YizhanError(
    "forbidden",
    403,
    { "zh-CN": `无权执行此操作（${action}）`, "en-US": `You are not allowed to ${action}` },
    { details: { action } },
  );
}

/** 422: input that is well-formed but breaks a rule, naming the field. */
export function invalid(field: string, code: string, message: Bilingual): YizhanError {
  return new YizhanError(
    "validation_failed",
    422,
    { "zh-CN": `输入有误：${message["zh-CN"]}`, "en-US": `Validation failed: ${message["en-US"]}` },
    { errors: [{ field, code, message }] },
  );
}

/** 409: someone else changed the record since the caller read it (optimistic version check). */
export function versionConflict(expected: number, actual: number): YizhanError {
  return new YizhanError(
    "version_conflict",
    409,
    {
      "zh-CN": "该记录已被他人修改，请刷新后重试",
      "en-US": "This record was changed by someone else; reload and try again",
    },
    { details: { expectedVersion: expected, currentVersion: actual } },
  );
}
