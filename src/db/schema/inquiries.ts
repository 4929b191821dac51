import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { INQUIRY_CHANNELS, INQUIRY_STATUSES } from "../../domain/inquiries/rules";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { piiText } from "./pii";
import { users } from "./users";

/** One handover of an inquiry's ownership to a named colleague (首问负责制: explicit, with a reason). */
export type InquiryHandover = {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  reason: string;
  at: string;
};

/**
 * Inquiries (咨询): every question at the window, by phone or online, with its first responder (owner)
 * until answered or handed over, the answer, the item / policy it concerns and the working time to
 * answer. A published FAQ keeps its masked question and answer here too.
 */
export const inquiries = pgTable(
  "inquiries",
  {
    id: id(),
    /** The office that answers: the recorder's window, or the item's implementing organization. */
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    /** The office's materialized path when asked (row scoping by prefix). */
    orgPath: text("org_path").notNull(),
    channel: text("channel", { enum: INQUIRY_CHANNELS }).notNull(),
    status: text("status", { enum: INQUIRY_STATUSES }).notNull(),
    question: text("question").notNull(),
    askerName: text("asker_name"),
    /** Phone or e-mail the asker left (personal data: owner and supervisor only); encrypted at rest (ADR 0016). */
    askerContact: piiText("asker_contact"),
    /** The applicant's account when asked signed in. */
    askerUserId: uuid("asker_user_id").references(() => users.id, { onDelete: "set null" }),
    itemCode: text("item_code"),
    itemName: text("item_name"),
    /** Free-text policy citation (a policy library comes later). */
    policyReference: text("policy_reference"),
    /** The public query code (查询码) the asker reads the answer with. */
    queryCode: text("query_code").notNull(),
    ownerId: uuid("owner_id").references(() => users.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    askedAt: instant("asked_at").notNull(),
    claimedAt: instant("claimed_at"),
    handovers: jsonb("handovers").$type<InquiryHandover[]>().notNull().default([]),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: instant("answered_at"),
    /** Office-hours minutes from asked to answered (working days only). */
    workingMinutesToAnswer: integer("working_minutes_to_answer"),
    faqQuestion: text("faq_question"),
    faqAnswer: text("faq_answer"),
    faqPublishedAt: instant("faq_published_at"),
    faqPublishedBy: uuid("faq_published_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("inquiries_query_code_uq").on(t.queryCode),
    index("inquiries_org_path_idx").on(t.orgPath, t.askedAt),
    index("inquiries_open_idx").on(t.status, t.askedAt).where(sql`${t.status} <> 'answered'`),
    index("inquiries_faq_idx").on(t.itemCode).where(sql`${t.faqPublishedAt} IS NOT NULL`),
  ],
);
