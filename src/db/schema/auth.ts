import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./common";
import { users } from "./users";

/** Cookie sessions, stored in the database so any app server can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** Every login, failed login, lockout, logout and password change (安全审计). */
export const authEvents = pgTable(
  "auth_events",
  {
    id: id(),
    kind: text("kind", {
      enum: [
        "login",
        "login_failed",
        "locked",
        "logout",
        "password_changed",
        "session_expired",
        "password_reset",
        "account_updated",
        "account_disabled",
        "account_enabled",
        "totp_enabled",
        "totp_disabled",
        "totp_reset",
        "recovery_code_used",
      ],
    }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    username: text("username").notNull(),
    at: instant("at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("auth_events_user_at_idx").on(t.userId, t.at)],
);

/** Key/value facts about this database (schema seeded, demo loaded, ...). */
export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});
