import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SCORECARD_SUBJECTS, type ScorecardFigures } from "../../domain/supervision/figures";
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
