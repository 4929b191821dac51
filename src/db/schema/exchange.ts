import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PII_FORM_FIELD } from "../../domain/rules/personalFields";
import { type ApplicantSnapshot, cases, files, snapshotPiiFields } from "./cases";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { piiJsonb, piiText } from "./pii";
import { users } from "./users";

const localDate = (name: string) => date(name, { mode: "string" });

/**
 * A record of a shared dataset (共享数据) held in Yizhan's directory: published by a partner
 * organization through the API, or imported from a CSV file for offline data. One record per dataset
 * and subject (统一社会信用代码 GB 32100 or 居民身份证号 GB 11643); republishing replaces it.
 */
export const sharedRecords = pgTable(
  "shared_records",
  {
    id: id(),
    datasetCode: text("dataset_code").notNull(),
    /** 统一社会信用代码, or a person's 身份证号: encrypted at rest, found by its keyed hash (ADR 0016). */
    subjectCode: piiText("subject_code").notNull(),
    subjectCodeHash: text("subject_code_hash"),
    subjectName: text("subject_name").notNull(),
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    fileId: uuid("file_id").references(() => files.id),
    validUntil: localDate("valid_until"),
    /** directory (published by a partner) | csv (imported) */
    source: text("source", { enum: ["directory", "csv"] }).notNull(),
    providerOrgId: uuid("provider_org_id").references(() => organizations.id),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: instant("published_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("shared_records_dataset_subject_hash_uq").on(t.datasetCode, t.subjectCodeHash)],
);

/** The applicant's consent (授权) to fetch their data from another department for one case. */
export const dataConsents = pgTable(
  "data_consents",
  {
    id: id(),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    /** A dataset code, or `*` for every shared dataset the case's item names. */
    scope: text("scope").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    /** online (the applicant's own click) | window (declared to the clerk, who records it) */
    method: text("method", { enum: ["online", "window"] }).notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    givenAt: instant("given_at").notNull(),
  },
  (t) => [uniqueIndex("data_consents_case_scope_uq").on(t.caseId, t.scope)],
);

/** Every access to someone's data through a connector: who, when, why, whose, which dataset, which case. */
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    actorOrgId: uuid("actor_org_id").references(() => organizations.id),
    at: instant("at").notNull(),
    purpose: text("purpose").notNull(),
    subjectUserId: uuid("subject_user_id").references(() => users.id),
    subjectCode: text("subject_code").notNull(),
    datasetCode: text("dataset_code").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    connector: text("connector").notNull(),
    /** ok | not_found | error */
    outcome: text("outcome").notNull(),
  },
  (t) => [
    index("data_access_log_subject_idx").on(t.subjectUserId, t.at),
    index("data_access_log_org_idx").on(t.actorOrgId, t.at),
  ],
);

/** A clerk's request to another department's window for a material (跨部门材料调取), tracked like a task. */
export const partnerRequests = pgTable(
  "partner_requests",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromOrgId: uuid("from_org_id")
      .notNull()
      .references(() => organizations.id),
    toOrgId: uuid("to_org_id")
      .notNull()
      .references(() => organizations.id),
    materialCode: text("material_code").notNull(),
    materialName: text("material_name").notNull(),
    note: text("note"),
    dueOn: localDate("due_on").notNull(),
    status: text("status", { enum: ["open", "answered", "cancelled"] }).notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    requestedAt: instant("requested_at").notNull(),
    answerFileId: uuid("answer_file_id").references(() => files.id),
    answerNote: text("answer_note"),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: instant("answered_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("partner_requests_to_idx").on(t.toOrgId, t.status, t.dueOn),
    index("partner_requests_case_idx").on(t.caseId),
  ],
);

/** One progress report of a referral: the status reached, a note, when and by whom. */
export type ReferralProgress = {
  status: "sent" | "received" | "in_progress" | "done";
  note: string;
  at: string;
  actorId: string | null;
  actorName: string;
};

/** The personal data inside a referral's `details`: the case's form fields and the agent. */
export const referralDetailsPii = {
  formData: { match: PII_FORM_FIELD },
  agent: { fields: snapshotPiiFields },
} as const;

/**
 * A referral (转办): a matter outside the bureau's competence handed to the right body with the
 * applicant's details and the policy reference, tracked until that body reports it done (不推).
 */
export const referrals = pgTable(
  "referrals",
  {
    id: id(),
    /** The referred case, when the matter was filed as one; null for a matter registered only to refer. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    caseNumber: text("case_number"),
    inquiryId: uuid("inquiry_id"),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    fromOrgId: uuid("from_org_id")
      .notNull()
      .references(() => organizations.id),
    toOrgId: uuid("to_org_id")
      .notNull()
      .references(() => organizations.id),
    applicantId: uuid("applicant_id").references(() => users.id),
    /** ID number and phone encrypted at rest (ADR 0016). */
    applicant: piiJsonb<ApplicantSnapshot>("applicant", { fields: snapshotPiiFields }).notNull(),
    /** The case's form (phone and ID fields encrypted) and agent (ID number and phone encrypted), ADR 0016. */
    details: piiJsonb<Record<string, unknown>>("details", { nested: referralDetailsPii })
      .notNull()
      .default({}),
    reason: text("reason").notNull(),
    policyReference: text("policy_reference").notNull(),
    status: text("status", { enum: ["sent", "received", "in_progress", "done"] }).notNull(),
    progress: jsonb("progress").$type<ReferralProgress[]>().notNull().default([]),
    referredBy: uuid("referred_by").references(() => users.id),
    referredAt: instant("referred_at").notNull(),
    lastProgressAt: instant("last_progress_at").notNull(),
    closedAt: instant("closed_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("referrals_to_idx").on(t.toOrgId, t.status),
    index("referrals_from_idx").on(t.fromOrgId, t.status),
    index("referrals_applicant_idx").on(t.applicantId),
    uniqueIndex("referrals_case_uq").on(t.caseId),
  ],
);
