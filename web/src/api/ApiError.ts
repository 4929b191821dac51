/** The two languages of Yizhan; every message the server sends exists in both. */
export type Locale = "zh-CN" | "en-US";
export type Bilingual = Record<Locale, string>;

/** One problem with one input field, as listed in a problem+json `errors` array. */
export type FieldProblem = { field: string; code: string; message?: Partial<Bilingual> };

/** The RFC 9457 problem+json body the API answers errors with (see docs/api-conventions.md). */
export type ProblemBody = {
  type?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  message?: Partial<Bilingual>;
  field?: string;
  errors?: FieldProblem[];
  requestId?: string;
};

/** An error answer of the API, carrying the problem+json body so screens can say what went wrong. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly errors: FieldProblem[];
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(problem.message?.["en-US"] ?? problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code ?? codeForStatus(status);
    this.field = problem.field ?? problem.errors?.[0]?.field;
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }

  /** The server's message in the given language, if it sent one. */
  messageIn(locale: Locale): string | undefined {
    const m = this.problem.message;
    return m?.[locale] ?? m?.["zh-CN"] ?? m?.["en-US"] ?? this.problem.detail;
  }

  /** Messages per field, in the given language, for form validation display. */
  fieldMessages(locale: Locale): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of this.errors) {
      const text = e.message?.[locale] ?? e.message?.["zh-CN"] ?? e.code;
      out[e.field] = [...(out[e.field] ?? []), text];
    }
    if (this.field && !out[this.field]) out[this.field] = [this.messageIn(locale) ?? this.code];
    return out;
  }
}

/** A stable code for answers that carry no problem body (proxies, network failures). */
function codeForStatus(status: number): string {
  if (status === 0) return "network_error";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 423) return "account_locked";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "internal";
  return "http_error";
}
