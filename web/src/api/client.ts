import { ApiError, type ProblemBody } from "./ApiError";

export { ApiError } from "./ApiError";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reads a cookie visible to scripts (the session cookie itself is httpOnly and never readable). */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

let fallbackCsrfToken: string | undefined;

/** Remembers the CSRF token from `Me`, used when the `yz_csrf` cookie is not readable. */
export function setCsrfToken(token: string | undefined): void {
  fallbackCsrfToken = token;
}

export type RequestOptions = { method?: string; body?: unknown; signal?: AbortSignal };

/**
 * Calls the Yizhan API: JSON in and out, same-origin cookies, the CSRF header on every write
 * (docs/api-conventions.md). Throws `ApiError` with the problem+json body on any non-2xx answer.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = (opts.method ?? "GET").toUpperCase();
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (WRITE_METHODS.has(method)) {
    const token = readCookie("yz_csrf") ?? fallbackCsrfToken;
    if (token) headers["x-csrf-token"] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, { code: "network_error", detail: String(err) });
  }
  const text = await res.text();
  const body = parseJson(text);
  if (!res.ok) throw new ApiError(res.status, isObject(body) ? (body as ProblemBody) : {});
  return body as T;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
