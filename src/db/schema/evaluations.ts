import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

const localDate = (name: string) => date(name, { mode: "string" });

/**
 * An invitation to rate a case (好差评邀请) at one stage: `completion` (办结), `acceptance` (受理, for
 * the items configured so) or `follow_up` (整改后回访评价). One per case and stage. The single-use
 * token of the signed link is stored only as its SHA-256 hash; a reminder replaces it.
 */
export const evaluationInvitations = pgTable(
  "evaluation_invitations",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    stage: text("stage", { enum: ["acceptance", "completion", "follow_up"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    /** Local date (org time zone) the invitation went out: the reminder counts working days from it. */
    invitedOn: localDate("invited_on").notNull(),
    createdAt: instant("created_at").notNull(),
    /** No rating after this instant (30 days after the invitation). */
    closesAt: instant("closes_at").notNull(),
    remindedAt: instant("reminded_at"),
    usedAt: instant("used_at"),
  },
  (t) => [
    uniqueIndex("evaluation_invitations_case_stage_uq").on(t.caseId, t.stage),
    uniqueIndex("evaluation_invitations_token_uq").on(t.tokenHash),
  ],
);

/**
 * A window tablet session (评价器): opened by a clerk for the applicant in front of them on one
 * invitation; its one-time token is the tablet page's URL. Records the device; locked once used.
 */
export const evaluationTabletSessions = pgTable(
  "evaluation_tablet_sessions",
  {
    id: id(),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => evaluationInvitations.id),
    tokenHash: text("token_hash").notNull(),
    deviceLabel: text("device_label").notNull(),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: instant("opened_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [uniqueIndex("evaluation_tablet_sessions_token_uq").on(t.tokenHash)],
);

/**
 * One rating (评价), immutable once given: the overall level, the dimensions of its channel, a
 * comment (published only when `commentPublic`, masked), tags. `source`: the applicant's own session
 * (portal), the signed link, or a window tablet (with its device). An appeal (申诉复核) by staff is
 * decided by the supervisor: upheld → the rating no longer counts; dismissed → it counts and shows.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => evaluationInvitations.id),
    stage: text("stage", { enum: ["acceptance", "completion", "follow_up"] }).notNull(),
    channel: text("channel", { enum: ["online", "window"] }).notNull(),
    source: text("source", { enum: ["portal", "link", "tablet"] }).notNull(),
    deviceLabel: text("device_label"),
    level: text("level").notNull(),
    dimensions: jsonb("dimensions").$type<Record<string, string>>().notNull(),
    comment: text("comment"),
    commentPublic: boolean("comment_public").notNull().default(false),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /** Denormalized for the published figures. */
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    /** Local month (YYYY-MM, org time zone) of the rating. */
    month: text("month").notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedAt: instant("submitted_at").notNull(),
    appealStatus: text("appeal_status", { enum: ["none", "pending", "upheld", "dismissed"] })
      .notNull()
      .default("none"),
    appealReason: text("appeal_reason"),
    appealedBy: uuid("appealed_by").references(() => users.id),
    appealedAt: instant("appealed_at"),
    appealDecisionReason: text("appeal_decision_reason"),
    appealDecidedBy: uuid("appeal_decided_by").references(() => users.id),
    appealDecidedAt: instant("appeal_decided_at"),
  },
  (t) => [
    uniqueIndex("evaluations_case_stage_uq").on(t.caseId, t.stage),
    index("evaluations_org_month_idx").on(t.orgId, t.month),
    // The published comments, newest first (the public figures list the last 20).
    index("evaluations_public_comments_idx").on(t.submittedAt).where(sql`${t.commentPublic}`),
  ],
);

/**
 * The counted ratings by month, organization, item and level (docs/performance.md §3): a summary of
 * `evaluations` kept in the same transaction as every change that alters what counts — +1 when a
 * rating is given (submitEvaluation), −1 when its appeal is upheld (decideAppeal). The published
 * figures read it instead of counting the ratings; a test checks it equals the count from
 * `evaluations` (appeal not upheld).
 */
export const evaluationMonthCounts = pgTable(
  "evaluation_month_counts",
  {
    month: text("month").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    level: text("level").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.orgId, t.itemCode, t.itemName, t.level] })],
);

/**
 * The rectification (整改) of a bad rating: the responsible person, the callback (回访) due in 1 working
 * day, the rectification due in 15 (per organization, {@link evaluationSettings}), the outcome, and the
 * follow-up invitation. `version` guards concurrent edits.
 */
export const rectifications = pgTable(
  "rectifications",
  {
    id: id(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    status: text("status", { enum: ["callback_due", "rectifying", "rectified", "void"] }).notNull(),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    callbackDueOn: localDate("callback_due_on").notNull(),
    rectifyDueOn: localDate("rectify_due_on").notNull(),
    callbackAt: instant("callback_at"),
    callbackNote: text("callback_note"),
    callbackBy: uuid("callback_by").references(() => users.id),
    outcome: text("outcome"),
    rectifiedAt: instant("rectified_at"),
    rectifiedBy: uuid("rectified_by").references(() => users.id),
    followUpInvitationId: uuid("follow_up_invitation_id").references(() => evaluationInvitations.id),
    createdAt: instant("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("rectifications_evaluation_uq").on(t.evaluationId),
    index("rectifications_open_idx").on(t.status).where(sql`${t.status} in ('callback_due', 'rectifying')`),
  ],
);

/**
 * Per-organization settings of the evaluation system (absent row: the defaults, 1 and 15 working
 * days, no invitation at acceptance). `acceptanceItemCodes`: the items whose applicants are also
 * invited to rate at acceptance.
 */
export const evaluationSettings = pgTable("evaluation_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  callbackWorkingDays: integer("callback_working_days").notNull().default(1),
  rectifyWorkingDays: integer("rectify_working_days").notNull().default(15),
  acceptanceItemCodes: jsonb("acceptance_item_codes").$type<string[]>().notNull().default([]),
  updatedAt: instant("updated_at").notNull(),
});
