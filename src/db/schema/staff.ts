import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ABSENCE_REASONS, POST_DUTIES } from "../../domain/staff/routing";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A post (岗位) of a window or section: its duty (window intake, or the section's review work — all of
 * it, or one review step), its holder (A岗) and backup (B岗). New work for the post goes to the holder,
 * or to the backup while the holder is absent (AB岗, docs/staff.md). `version` guards edits.
 */
export const staffPosts = pgTable(
  "staff_posts",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    duty: text("duty", { enum: POST_DUTIES }).notNull(),
    /** For `review`: the one step the post takes; null = every review task of the organization. */
    stepCode: text("step_code"),
    holderId: uuid("holder_id").references(() => users.id),
    backupId: uuid("backup_id").references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("staff_posts_org_idx").on(t.orgId)],
);

/**
 * A staff member away (请假, 培训, 出差, other) from one date to another (inclusive, local dates); who
 * recorded it. Ending it early (the person is back) sets `endedAt`: from then on it counts no longer.
 */
export const staffAbsences = pgTable(
  "staff_absences",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    reason: text("reason", { enum: ABSENCE_REASONS }).notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
    endedAt: instant("ended_at"),
    endedBy: uuid("ended_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("staff_absences_user_idx").on(t.userId, t.toDate)],
);
