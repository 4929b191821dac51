/**
 * Idempotency keys (docs/api-conventions.md): a client names a write with a key; a retry with the same
 * key and the same request gets the first answer instead of doing the write again.
 */

/**
 * `pending`: the first request is running; `committed`: its change committed (marked in the change's own
 * transaction) but its answer is not kept yet — or never will be, when the server died in between;
 * `done`: its answer is kept.
 */
export const IDEMPOTENCY_STATES = ["pending", "committed", "done"] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/** The header's name (draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_HEADER = "idempotency-key";

/** How long a key's answer is kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** How long a first request holds its key; past it a retry may take the key over (the server died). */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

/** A key is 1–200 visible ASCII characters (a UUID is the usual choice). */
export function validIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,200}$/.test(key);
}
