import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CaseDecision, CasePause } from "../../domain/cases/caseState";
import { CASE_STATUSES } from "../../domain/cases/caseStatus";
import {
  ALERT_SEVERITIES,
  CASE_CHANNELS,
  HANDLING_TYPES,
  MATERIAL_STATUSES,
  REVIEW_MODES,
  REVIEW_TASK_STATUSES,
} from "../../domain/cases/enumerations";
import { PII_FORM_FIELD } from "../../domain/rules/personalFields";
import { itemVersions, serviceItems } from "./catalog";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { piiJsonb } from "./pii";
import { users } from "./users";

const localDate = (name: string) => date(name, { mode: "string" });

/** Snapshot of the applicant at filing (names and identifiers as they stood then). */
export type ApplicantSnapshot = {
  kind: "person" | "enterprise";
  name: string;
  idNumber?: string | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
};

/** The agent (代理人) of a case. */
export type CaseAgent = {
  name: string;
  idNumber?: string;
  phone?: string;
  powerOfAttorneyFileId?: string;
};

/** The fields of applicant and agent snapshots encrypted at rest. */
export const snapshotPiiFields = ["idNumber", "phone"] as const;

/**
 * A case (办件): one application for one item, filed under one item version. The lifecycle fields
 * are written only through the state machine (src/domain/cases); `version` guards concurrent edits.
 */
export const cases = pgTable(
  "cases",
  {
    id: id(),
    number: text("number").notNull(),
    queryCode: text("query_code").notNull(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => serviceItems.id),
    itemVersionId: uuid("item_version_id")
      .notNull()
      .references(() => itemVersions.id),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    /** ID number and phone encrypted at rest, `idNumberHash` beside them for lookups (ADR 0016). */
    applicant: piiJsonb<ApplicantSnapshot>("applicant", {
      fields: snapshotPiiFields,
      hashes: ["idNumber"],
    }).notNull(),
    agent: piiJsonb<CaseAgent | null>("agent", { fields: snapshotPiiFields }),
    channel: text("channel", { enum: CASE_CHANNELS }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull().default(""),
    /** Fields named like a phone or ID number (`contactPhone`) are encrypted at rest (ADR 0016). */
    formData: piiJsonb<Record<string, unknown>>("form_data", { match: PII_FORM_FIELD }).notNull().default({}),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    statusEnteredAt: instant("status_entered_at").notNull(),
    version: integer("version").notNull().default(1),
    handlingType: text("handling_type", { enum: HANDLING_TYPES }).notNull(),
    limitDays: integer("limit_days").notNull(),
    statutoryLimitDays: integer("statutory_limit_days").notNull(),
    receivedOn: localDate("received_on"),
    checkDueOn: localDate("check_due_on"),
    acceptedOn: localDate("accepted_on"),
    /** Current deadline with pauses and extension applied (recomputed on every save; for queues). */
    deadline: localDate("deadline"),
    deadlineProvisional: boolean("deadline_provisional").notNull().default(false),
    pauses: jsonb("pauses").$type<CasePause[]>().notNull().default([]),
    extensionDays: integer("extension_days").notNull().default(0),
    resumeTo: text("resume_to"),
    correctionRounds: integer("correction_rounds").notNull().default(0),
    decision: jsonb("decision").$type<CaseDecision | null>(),
    returnsCount: integer("returns_count").notNull().default(0),
    finishedOnSpot: boolean("finished_on_spot").notNull().default(false),
    bundleId: uuid("bundle_id"),
    projectId: uuid("project_id"),
    submittedAt: instant("submitted_at"),
    completedAt: instant("completed_at"),
    draftExpiresAt: instant("draft_expires_at"),
    draftRemindedAt: instant("draft_reminded_at"),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    /**
     * The head of the case's event chain (transparency log): the last event's seq and hash, kept here
     * so a command (which holds this row's lock) links its events without reading them.
     */
    eventSeq: integer("event_seq").notNull().default(0),
    eventHead: text("event_head"),
  },
  (t) => [
    uniqueIndex("cases_number_uq").on(t.number),
    // With the id, so a queue count joins the tree's cases to other ids (the caller's decisions) from
    // the index alone (docs/performance.md §3 lesson 5).
    index("cases_org_status_idx").on(t.orgId, t.status, t.id),
    index("cases_applicant_idx").on(t.applicantId, t.createdAt),
    index("cases_deadline_idx").on(t.status, t.deadline),
    index("cases_bundle_idx").on(t.bundleId),
    // The window's "today" queue (received today, or created today before receipt): docs/performance.md §3.
    index("cases_received_on_idx").on(t.receivedOn),
    index("cases_created_local_day_idx").on(sql`((${t.createdAt} at time zone 'Asia/Shanghai')::date)`),
    // Also `cases_search_grams_idx` (GIN over `yizhan_grams(number, title, item_name, applicant name)`),
    // created with its SQL functions in migration `case_search_grams` (ADR 0017f).
  ],
);

/** Stored files (uploads, generated documents): their bytes are in `stored_files` (by `storage_key`). */
export const files = pgTable(
  "files",
  {
    id: id(),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    caseId: uuid("case_id"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("files_case_idx").on(t.caseId)],
);

/** One material of a case: what was provided, from where, and the clerk's check. */
export const caseMaterials = pgTable(
  "case_materials",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    materialCode: text("material_code").notNull(),
    name: text("name").notNull(),
    required: boolean("required").notNull(),
    status: text("status", { enum: MATERIAL_STATUSES }).notNull().default("pending"),
    note: text("note"),
    /** upload | certificate | shared_data | precheck | paper */
    source: text("source").notNull().default("upload"),
    sourceRef: text("source_ref"),
    sourceLabel: text("source_label"),
    fileIds: jsonb("file_ids").$type<string[]>().notNull().default([]),
    deferredDueOn: localDate("deferred_due_on"),
    commitmentSigned: boolean("commitment_signed").notNull().default(false),
    /** The check round in which this material passed (null while not passed). */
    passedRound: integer("passed_round"),
    checkedBy: uuid("checked_by").references(() => users.id),
    checkedAt: instant("checked_at"),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("case_materials_case_code_uq").on(t.caseId, t.materialCode)],
);

/**
 * Every state change of a case is one row (actor, time, IP, before and after), written in the same
 * transaction as the change; timelines, reports and the transparency log are built from it. Never
 * updated or deleted.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: id(),
    // RESTRICT: deleting a case never takes its history with it (issue 16); the rows are append-only
    // (trigger, migration `append_only`).
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    actorRole: text("actor_role"),
    at: instant("at").notNull(),
    ip: text("ip"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The transparency log (docs/transparency.md): the secret salt of this entry's personal-data hashes
     * (hex, never published), and the case's hash chain — the previous event's hash (64 zeros for the
     * first) and this event's. Null only on events written before the log existed.
     */
    salt: text("salt"),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("case_events_case_seq_uq").on(t.caseId, t.seq),
    index("case_events_type_at_idx").on(t.type, t.at),
    // A person's decisions and review acts (the approver's 已办, the reviewer's 已办 and its count):
    // the few events of these types, by actor (docs/performance.md §3 lesson 5).
    index("case_events_actor_acts_idx")
      .on(t.actorId, t.type, t.caseId)
      .where(sql`${t.type} in ('case.decided', 'review.recommended', 'review.sent_back')`),
  ],
);

/** A department's review task (并联审查), created at acceptance from the item's review steps. */
export const reviewTasks = pgTable(
  "review_tasks",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    stepCode: text("step_code").notNull(),
    stepName: text("step_name").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    lead: boolean("lead").notNull().default(false),
    mode: text("mode", { enum: REVIEW_MODES }).notNull(),
    after: jsonb("after").$type<string[]>().notNull().default([]),
    limitDays: integer("limit_days").notNull(),
    /** `cancelled`: the case left review without this task being done (withdrawn by the applicant). */
    status: text("status", { enum: REVIEW_TASK_STATUSES }).notNull(),
    openedOn: localDate("opened_on"),
    dueOn: localDate("due_on"),
    claimedBy: uuid("claimed_by").references(() => users.id),
    claimedAt: instant("claimed_at"),
    /**
     * Who the task was routed to (AB岗: the post's holder, or its backup while the holder is away;
     * docs/staff.md). They see it first; anyone of the section may still claim it.
     */
    assigneeId: uuid("assignee_id").references(() => users.id),
    opinion: text("opinion"),
    completedBy: uuid("completed_by").references(() => users.id),
    completedAt: instant("completed_at"),
    returns: integer("returns").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("review_tasks_org_status_idx").on(t.orgId, t.status, t.dueOn),
    index("review_tasks_case_idx").on(t.caseId),
  ],
);

/** Reviewers' comments on a task (审查意见往来). */
export const reviewComments = pgTable("review_comments", {
  id: id(),
  taskId: uuid("task_id")
    .notNull()
    .references(() => reviewTasks.id, { onDelete: "cascade" }),
  caseId: uuid("case_id").notNull(),
  authorId: uuid("author_id").references(() => users.id),
  authorName: text("author_name").notNull(),
  text: text("text").notNull(),
  at: instant("at").notNull(),
});

/** Written notices (文书) generated for a case: numbered PDFs the applicant can download. */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    fileId: uuid("file_id").references(() => files.id),
    issuedOn: localDate("issued_on").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("case_documents_case_idx").on(t.caseId),
    uniqueIndex("case_documents_number_uq").on(t.number),
  ],
);

/** Sequences for human numbers (办件编号, 文号), one row per key (org, kind, period). */
export const counters = pgTable("counters", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});

/** A rule breach or warning found by the supervision rules (监察预警: 不拖, 不敷, 不扯 …). */
export const supervisionAlerts = pgTable(
  "supervision_alerts",
  {
    id: id(),
    rule: text("rule").notNull(),
    /** rule + subject (case / task): one open alert per subject and rule. */
    dedupeKey: text("dedupe_key").notNull(),
    severity: text("severity", { enum: ALERT_SEVERITIES }).notNull(),
    orgId: uuid("org_id").references(() => organizations.id),
    caseId: uuid("case_id"),
    taskId: uuid("task_id"),
    messageZh: text("message_zh").notNull(),
    messageEn: text("message_en").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: instant("raised_at").notNull(),
    /** The person answerable when known (the task's claimer, the case's acceptor, who did what raised it). */
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    /** Acknowledge or close by this date (working days from the rule's default or the org's setting). */
    respondBy: localDate("respond_by"),
    /** The case events that raised it (ids of case_events), oldest first. */
    eventIds: jsonb("event_ids").$type<string[]>().notNull().default([]),
    /** Closed: by a supervisor (closedBy set, with a comment) or by the sweep when the cause is gone. */
    resolvedAt: instant("resolved_at"),
    acknowledgedAt: instant("acknowledged_at"),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    acknowledgeComment: text("acknowledge_comment"),
    closedBy: uuid("closed_by").references(() => users.id),
    closeComment: text("close_comment"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("supervision_alerts_open_uq").on(t.dedupeKey).where(sql`${t.resolvedAt} IS NULL`),
    index("supervision_alerts_org_idx").on(t.orgId, t.raisedAt),
  ],
);
