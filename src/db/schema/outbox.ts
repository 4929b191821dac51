import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./common";
import { piiText } from "./pii";
import { users } from "./users";

/**
 * Transactional outbox: messages written in the same transaction as the state change they announce,
 * processed after commit by the outbox worker (`src/jobs/outbox.ts`). A row is never deleted by the
 * worker: it ends either processed (`processed_at`) or failed for good (`failed_at`, after the last
 * retry), so nothing is lost silently.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    topic: text("topic").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    orgId: uuid("org_id"),
    createdAt: instant("created_at").notNull(),
    /** Not processed before this instant (retries move it forward with exponential backoff). */
    availableAt: instant("available_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    processedAt: instant("processed_at"),
    /** Set when the last allowed attempt failed; the row stays for inspection and manual retry. */
    failedAt: instant("failed_at"),
    /** A worker holding the row past this instant is presumed dead. */
    lockedUntil: instant("locked_until"),
    /** The server process holding the claim (Database.instance): a dead holder's claim is taken over at once. */
    lockedBy: text("locked_by"),
  },
  (t) => [
    index("outbox_due_idx").on(t.availableAt).where(sql`${t.processedAt} IS NULL AND ${t.failedAt} IS NULL`),
    index("outbox_topic_idx").on(t.topic, t.createdAt),
  ],
);

/** In-app notifications (站内消息), one row per recipient user, bilingual. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    bodyZh: text("body_zh").notNull(),
    bodyEn: text("body_en").notNull(),
    link: text("link"),
    /** The case it is about; no foreign key, so notifications outlive any case clean-up. */
    caseId: uuid("case_id"),
    /** The outbox message that produced it (a retried message never notifies twice). */
    outboxId: uuid("outbox_id"),
    createdAt: instant("created_at").notNull(),
    readAt: instant("read_at"),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} IS NULL`),
    index("notifications_outbox_idx").on(t.outboxId),
  ],
);

/** Every e-mail and SMS attempt, successful or not (the record that a notice was sent). */
export const messageLog = pgTable(
  "message_log",
  {
    id: id(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** The address or phone number as given; encrypted at rest (ADR 0016). */
    recipient: piiText("recipient").notNull(),
    kind: text("kind"),
    subject: text("subject"),
    body: text("body").notNull(),
    status: text("status", { enum: ["sent", "failed"] }).notNull(),
    error: text("error"),
    providerId: text("provider_id"),
    outboxId: uuid("outbox_id"),
    at: instant("at").notNull(),
  },
  (t) => [index("message_log_at_idx").on(t.at), index("message_log_outbox_idx").on(t.outboxId, t.channel)],
);
