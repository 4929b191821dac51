import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { IDEMPOTENCY_STATES } from "../../domain/idempotency";
import { instant } from "./common";
import { piiText } from "./pii";

/**
 * The answers of writes sent with an `Idempotency-Key` header (docs/api-conventions.md): one row per
 * caller and key. `pending` while the first request runs (held until `leaseUntil`); `done` with the
 * response it got, which a retry with the same key and the same request receives again.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** Whose key: the user's id, or `anonymous` for public writes. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the method, the route, its parameters and the canonical body. */
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: IDEMPOTENCY_STATES }).notNull(),
    leaseUntil: instant("lease_until").notNull(),
    /** The server process that claimed it (Database.instance): a dead holder's claim is taken over at once. */
    holder: text("holder"),
    statusCode: integer("status_code"),
    /** The response headers a retry gets again (content-type, location, content-disposition). */
    headers: text("headers"),
    /**
     * The response body: text as sent, bytes as base64 (`bodyEncoding`); encrypted at rest, as it may
     * show a case with the applicant's ID number and phone (ADR 0016).
     */
    body: piiText("body"),
    bodyEncoding: text("body_encoding", { enum: ["utf8", "base64"] }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
