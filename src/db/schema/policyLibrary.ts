import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { PolicyLevel, PolicyStatus } from "../../domain/policyLibrary/documents";
import { serviceItems, tsvector } from "./catalog";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/** An attachment of a policy document: a stored file (content-addressed, adapters/storage). */
export type PolicyAttachment = { fileId: string; fileName: string; contentType: string; size: number };

/**
 * A document of the policy library (政策文件库): a law, regulation, rule or notice behind the service
 * items — its 文号, issuer, level, dates, status with the documents amending or repealing it, a summary
 * written for the bureau, the full text, attachments and tags. `search` holds jieba `cutForSearch`
 * lexemes (title, 文号, issuer, tags: weight A; summary and full text: B) in a `simple` tsvector.
 */
export const policyDocuments = pgTable(
  "policy_documents",
  {
    id: id(),
    title: text("title").notNull(),
    /** 文号, e.g. 自然资规〔2019〕4号 or 国务院令第656号; empty for a law without one. */
    docNumber: text("doc_number").notNull().default(""),
    issuer: text("issuer").notNull(),
    level: text("level").$type<PolicyLevel>().notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    effectiveOn: date("effective_on", { mode: "string" }),
    repealedOn: date("repealed_on", { mode: "string" }),
    status: text("status").$type<PolicyStatus>().notNull(),
    amendedById: uuid("amended_by_id").references((): AnyPgColumn => policyDocuments.id),
    repealedById: uuid("repealed_by_id").references((): AnyPgColumn => policyDocuments.id),
    summary: text("summary").notNull().default(""),
    fullText: text("full_text").notNull().default(""),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    attachments: jsonb("attachments").$type<PolicyAttachment[]>().notNull().default([]),
    search: tsvector("search").notNull().default(sql`''::tsvector`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("policy_documents_search_idx").using("gin", t.search),
    index("policy_documents_number_idx").on(t.docNumber),
    index("policy_documents_status_idx").on(t.status, t.level),
  ],
);

/**
 * A policy document cited by a service item: the item, and — when it backs one of the item's
 * 设定依据 entries — that entry's title as the item's version states it (`basisTitle`, "" otherwise).
 */
export const policyItemLinks = pgTable(
  "policy_item_links",
  {
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => serviceItems.id, { onDelete: "cascade" }),
    basisTitle: text("basis_title").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.itemId, t.basisTitle] }),
    index("policy_item_links_item_idx").on(t.itemId),
  ],
);

/**
 * A change notice (政策变更通知): a policy change, the items it affects, a summary of what changes for
 * the window, the date it applies from, and the sections whose staff must acknowledge it. When the
 * change moves an item to other bodies (the township), `movedTo` records the referral rule written.
 */
export const policyChangeNotices = pgTable(
  "policy_change_notices",
  {
    id: id(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policyDocuments.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    itemIds: jsonb("item_ids").$type<string[]>().notNull().default([]),
    sectionIds: jsonb("section_ids").$type<string[]>().notNull().default([]),
    movedTo: jsonb("moved_to").$type<{ kind: string; orgCodes: string[] } | null>(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("policy_change_notices_org_idx").on(t.orgId, t.createdAt)],
);

/** One staff member's acknowledgement (已阅知晓) of a change notice. */
export const policyChangeAcknowledgements = pgTable(
  "policy_change_acknowledgements",
  {
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => policyChangeNotices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    acknowledgedAt: instant("acknowledged_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] }), index("policy_change_ack_user_idx").on(t.userId)],
);

/** A staff member's reading of a policy document (已学习): part of their training record. */
export const policyReadings = pgTable(
  "policy_readings",
  {
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: instant("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.userId] }), index("policy_readings_user_idx").on(t.userId)],
);
