import { integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import type { SupervisionThresholds } from "../../domain/alerts/thresholds";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * The thresholds of the supervision rules (电子监察) an organization set for its cases and those below
 * it (the nearest organization up the tree with a row wins; else the defaults of
 * domain/alerts/thresholds.ts). `version` guards concurrent edits.
 */
export const supervisionSettings = pgTable("supervision_settings", {
  id: id(),
  orgId: uuid("org_id")
    .notNull()
    .unique()
    .references(() => organizations.id),
  thresholds: jsonb("thresholds").$type<SupervisionThresholds>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});
