import { createHmac, timingSafeEqual } from "node:crypto";

/** Headers of a signed exchange request. */
export const SIGNATURE_HEADERS = {
  key: "x-yizhan-key",
  timestamp: "x-yizhan-timestamp",
  nonce: "x-yizhan-nonce",
  signature: "x-yizhan-signature",
} as const;

/** The string both sides sign: method, path with query, timestamp (ms), nonce — one per line. */
export function canonicalRequest(method: string, pathAndQuery: string, timestamp: string, nonce: string) {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${nonce}`;
}

/** HMAC-SHA256 of the canonical request, hex (RFC 2104; the shared secret is agreed per partner). */
export function signRequest(
  secret: string,
  method: string,
  pathAndQuery: string,
  timestamp: string,
  nonce: string,
): string {
  return createHmac("sha256", secret)
    .update(canonicalRequest(method, pathAndQuery, timestamp, nonce))
    .digest("hex");
}

/**
 * Checks a signed request on the provider's side: the signature matches and the timestamp is within
 * `maxSkewMs` of `now` (replay window). Constant-time comparison.
 */
export function verifyRequest(
  secret: string,
  req: { method: string; pathAndQuery: string; headers: Record<string, string | string[] | undefined> },
  now: number,
  maxSkewMs = 5 * 60_000,
): boolean {
  const h = (k: string) => {
    const v = req.headers[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const ts = h(SIGNATURE_HEADERS.timestamp);
  const nonce = h(SIGNATURE_HEADERS.nonce);
  const sig = h(SIGNATURE_HEADERS.signature);
  if (!ts || !nonce || !sig || Math.abs(now - Number(ts)) > maxSkewMs) return false;
  const expected = Buffer.from(signRequest(secret, req.method, req.pathAndQuery, ts, nonce), "hex");
  const given = Buffer.from(sig, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
