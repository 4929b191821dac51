import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/** A document studied in a session: a document of the policy library (`policyId`) or a free-text reference. */
export type TrainingDocument = { title: string; number?: string; url?: string; policyId?: string };

/**
 * A study session (教育培训 / 政策学习) held by an organization (the bureau or a section) for some of
 * its sections: the date, the topic, the documents studied, the organizer and a short record
 * (minutes). `version` guards concurrent edits (attendance and record).
 */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    documents: jsonb("documents").$type<TrainingDocument[]>().notNull().default([]),
    /** The organizations (sections, windows) the session is for; each in the tree of `orgId`. */
    sectionIds: jsonb("section_ids").$type<string[]>().notNull().default([]),
    organizerId: uuid("organizer_id")
      .notNull()
      .references(() => users.id),
    record: text("record"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("training_sessions_org_idx").on(t.orgId, t.heldOn)],
);

/** Attendance of one staff member at one session: present, absent or excused (请假). */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: ["present", "absent", "excused"] }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index("training_attendance_user_idx").on(t.userId),
  ],
);
