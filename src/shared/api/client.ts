/**
 * The typed client of the Yizhan API: openapi-fetch over the types generated from the OpenAPI document
 * (src/shared/api/schema.ts, `npm run gen:client`). Every path, parameter, body and answer is typed;
 * an error answer is the `Problem` of the document. Example: docs/api-conventions.md.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** The typed client. */
export type YizhanClient = Client<paths>;

/** A client of the API at `baseUrl` (the deployment's public URL; "" in the browser, same origin). */
export function createYizhanClient(baseUrl = "", options: Omit<ClientOptions, "baseUrl"> = {}): YizhanClient {
  return createClient<paths>({ baseUrl, ...options });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Sends the session's CSRF token (`csrfToken` of `Me`, cookie `yz_csrf`) on every write, as every
 * cookie-authenticated write needs (docs/api-conventions.md): `client.use(csrfHeader(() => token))`.
 */
export function csrfHeader(token: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const t = token();
      if (t && !SAFE_METHODS.has(request.method)) request.headers.set("x-csrf-token", t);
      return request;
    },
  };
}

/**
 * A `fetch` for the client that makes writes safe to retry (docs/api-conventions.md): every write gets an
 * `Idempotency-Key` (a fresh UUID unless the caller set one), and a write whose answer was lost to the
 * network (the fetch failed, not an HTTP error) is sent once more with the same key — the server then
 * answers with the first result instead of doing the write twice.
 */
export function idempotentFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  retryDelayMs = 300,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (SAFE_METHODS.has(request.method)) return fetchImpl(request);
    if (!request.headers.has("idempotency-key")) request.headers.set("idempotency-key", crypto.randomUUID());
    const again = request.clone();
    try {
      return await fetchImpl(request);
    } catch (err) {
      if (request.signal?.aborted) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      return fetchImpl(again);
    }
  };
}
