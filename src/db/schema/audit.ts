import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./common";
import { users } from "./users";

/**
 * The administrators' audit log (管理操作审计): who created each account, granted or revoked each role,
 * changed an organization, a service item, the working-day calendar or a setting — one row per change,
 * written in the change's transaction. Append-only: a trigger (migration `append_only`) refuses
 * UPDATE, DELETE and TRUNCATE, on PGlite and PostgreSQL alike.
 */
export const adminAuditEntries = pgTable(
  "admin_audit_entries",
  {
    id: id(),
    at: instant("at").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorUsername: text("actor_username").notNull(),
    ip: text("ip"),
    /** What was done (`user.created`, `role.granted`, `calendar.override_created`, …). */
    action: text("action").notNull(),
    /** `user`, `organization`, `service_item`, `calendar`, `setting`. */
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    /** How a person names the target (username, organization code, item code, date). */
    targetLabel: text("target_label"),
    /** The organization the change belongs to (its materialized path); null for the whole system. */
    orgPath: text("org_path"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    /** The secret salt of this entry's personal-data hashes in the transparency log (hex, never published). */
    salt: text("salt"),
  },
  (t) => [index("admin_audit_at_idx").on(t.at), index("admin_audit_target_idx").on(t.targetType, t.targetId)],
);
