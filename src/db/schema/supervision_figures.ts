import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SCORECARD_SUBJECTS, type ScorecardFigures } from "../../domain/supervision/figures";
import { cases } from "./cases";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A signed monthly scorecard (检查考核): the figures as they stood when the supervisor signed, frozen
 * (later changes to cases, ratings or alerts do not alter it), with the comment and who signed. An
 * unsigned card is not stored: it is computed from the data whenever it is read.
 */
export const supervisionScorecards = pgTable(
  "supervision_scorecards",
  {
    id: id(),
    /** The top of the organization tree the card belongs to (the supervisor's scope). */
    rootOrgId: uuid("root_org_id")
      .notNull()
      .references(() => organizations.id),
    month: text("month").notNull(),
    subjectKind: text("subject_kind", { enum: SCORECARD_SUBJECTS }).notNull(),
    /** The user (person) or the organization (section). */
    subjectId: uuid("subject_id").notNull(),
    subjectName: text("subject_name").notNull(),
    /** The section a person's card is shown under (null for a section's own card). */
    sectionName: text("section_name"),
    figures: jsonb("figures").$type<ScorecardFigures>().notNull(),
    comment: text("comment").notNull(),
    signedBy: uuid("signed_by")
      .notNull()
      .references(() => users.id),
    signedByName: text("signed_by_name").notNull(),
    signedAt: instant("signed_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("supervision_scorecards_subject_uq").on(t.month, t.subjectKind, t.subjectId),
    index("supervision_scorecards_root_month_idx").on(t.rootOrgId, t.month),
  ],
);

/** A staff member who acted on a case in a handling event: the user and the role acted in. */
export type CaseFactActor = { u: string; r: string };
/** A review task's handler (completed by, else claimed by) and the task's office. */
export type CaseFactTask = { u: string; o: string };

/**
 * One narrow row per case for the supervisor's figures (ADR 0017e, docs/performance.md §3): what
 * src/domain/supervision/figures.ts counts of a case, kept by the case runner in the same statement as
 * each command's events, so the dashboards read these rows instead of every case's events and review
 * tasks. `handlers`: the staff who acted in a handling event (their office is resolved when read, as
 * for the events); `visits`: window visits so far (跑动次数); `task_handlers`: the case's review tasks as
 * they stood before the case's last command (read live while the case is open).
 */
export const caseFacts = pgTable(
  "case_facts",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    itemName: text("item_name").notNull(),
    status: text("status").notNull(),
    acceptedOn: date("accepted_on", { mode: "string" }),
    completedAt: instant("completed_at"),
    deadline: date("deadline", { mode: "string" }),
    finishedOnSpot: boolean("finished_on_spot").notNull().default(false),
    visits: integer("visits").notNull().default(0),
    handlers: jsonb("handlers").$type<CaseFactActor[]>().notNull().default([]),
    taskHandlers: jsonb("task_handlers").$type<CaseFactTask[]>().notNull().default([]),
  },
  // The span's cases are read through `case_facts_org_span_idx` (by office and the later of the
  // acceptance and completion dates, covering every column: an index-only scan), written by hand in the
  // migration because Drizzle cannot express INCLUDE.
  (t) => [index("case_facts_org_status_idx").on(t.orgId, t.status)],
);
