/**
 * What may reach a log line or the terminal. A failed SQL statement's error carries its parameters
 * (Drizzle: `Failed query: … params: 340321198503122011,…`) and PostgreSQL's `detail` quotes the values
 * of a violated key (`Key (username)=(…) already exists`); a request URL carries its query string
 * (`/api/applicants?q=<ID number>`). These serializers keep the statement, the SQLSTATE code and the
 * constraint, and mask identifiers in what is left (个人信息保护法 Art. 51).
 */
import { maskPersonalText } from "../domain/rules/maskText";

/** An error as logged (the shape pino's standard serializer gives). */
export type SafeError = { type: string; message: string; stack: string; [k: string]: unknown };

const SAFE_DB_FIELDS = ["code", "severity", "constraint", "table", "column", "schema", "routine"] as const;

/** An error as it may be logged: type, masked message and stack, SQLSTATE fields; never parameters. */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) {
    const message = maskPersonalText(String(err));
    return { type: typeof err, message, stack: message };
  }
  const e = err as Error & Record<string, unknown>;
  const failedQuery = typeof e.query === "string" && "params" in e;
  const message = failedQuery ? `Failed query: ${e.query}` : maskPersonalText(e.message);
  const type = e.constructor?.name ?? "Error";
  // The stack's first line repeats the message (with the parameters): rebuild it from the frames.
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  const out: SafeError = { type, message, stack: [`${type}: ${message}`, ...frames].join("\n") };
  for (const k of SAFE_DB_FIELDS) if (typeof e[k] === "string") out[k] = e[k];
  if (typeof e.statusCode === "number") out.statusCode = e.statusCode;
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** One line for a terminal: the safe message and, for a failed statement, the database's reason. */
export function safeErrorText(err: unknown): string {
  const s = safeError(err);
  const cause = s.cause as SafeError | undefined;
  return [s.stack, cause ? `cause: ${String(cause.message)}${cause.code ? ` (${cause.code})` : ""}` : ""]
    .filter(Boolean)
    .join("\n");
}

/** A request as logged: method, masked URL, remote address (no headers: they carry the session). */
function safeRequest(req: { method?: string; url?: string; ip?: string }): {
  method?: string;
  url?: string;
  remoteAddress?: string;
} {
  return {
    method: req.method,
    url: req.url ? maskPersonalText(decodeSafely(req.url)) : req.url,
    remoteAddress: req.ip,
  };
}

function decodeSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** pino serializers for every logger of Yizhan (the HTTP server's and the cluster primary's). */
export const logSerializers = {
  err: safeError,
  error: safeError,
  req: safeRequest,
};
