import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { dbInAppNotifier, type InAppNotifier } from "../../adapters/notify/inApp";
import type { NotifyChannels } from "../../adapters/notify/types";
import { decryptPii, encryptPii } from "../../adapters/pii/keyring";
import type { Executor } from "../../db/client";
import {
  enqueue,
  enqueueMany,
  type OutboxHandler,
  type OutboxMessage,
  outboxInsert,
  PermanentError,
} from "../../db/outbox";
import { messageLog, users } from "../../db/schema";
import { maskContact } from "../../domain/inquiries/rules";
import type { AppContext } from "../context";
import { absoluteLink, emailFor, NOTIFICATION_KINDS, renderNotification, smsFor } from "./templates";

/** The outbox topic of notifications. */
export const NOTIFY_TOPIC = "notify";

const ZLocale = z.enum(["zh-CN", "en-US"]);

/** One recipient: in-app when `userId` is given, e-mail when `email`, SMS when `phone`. */
export const ZRecipient = z.object({
  userId: z.uuid().optional(),
  email: z.string().min(3).max(320).optional(),
  phone: z.string().min(3).max(40).optional(),
  locale: ZLocale.optional(),
});
export type TRecipient = z.infer<typeof ZRecipient>;

/** The payload of a `notify` message. */
export const ZNotifyPayload = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  recipients: z.array(ZRecipient).min(1).max(500),
  data: z.object({
    caseNumber: z.string(),
    itemName: z.string(),
    applicantName: z.string(),
    deadline: z.string().optional(),
    reason: z.string().optional(),
    document: z.string().optional(),
    link: z.string(),
  }),
  caseId: z.uuid().optional(),
});
export type TNotifyPayload = z.infer<typeof ZNotifyPayload>;

/**
 * Validates a notification payload (an empty address or phone means "no such channel") and returns it
 * as stored in the outbox: the recipients' e-mail addresses and phones encrypted (ADR 0016; the handler
 * decrypts them, {@link readNotifyPayload}).
 */
function notifyPayload(notification: TNotifyPayload): TNotifyPayload {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const valid = ZNotifyPayload.parse({
    ...notification,
    recipients: notification.recipients.map((r) => ({ ...r, email: blank(r.email), phone: blank(r.phone) })),
  });
  return { ...valid, recipients: valid.recipients.map((r) => mapContacts(r, encryptPii)) };
}

const mapContacts = (r: TRecipient, f: (v: string) => string): TRecipient => ({
  ...r,
  ...(r.email ? { email: f(r.email) } : {}),
  ...(r.phone ? { phone: f(r.phone) } : {}),
});

/**
 * A stored `notify` payload with its recipients' e-mail addresses and phones encrypted again under the
 * active key (`yizhan pii rotate`, and the start-up step for messages written in plaintext).
 */
export function reencryptNotifyContacts(payload: unknown): unknown {
  const p = payload as { recipients?: unknown };
  if (!p || typeof p !== "object" || !Array.isArray(p.recipients)) return payload;
  return {
    ...p,
    recipients: p.recipients.map((r) =>
      r && typeof r === "object"
        ? mapContacts(r as TRecipient, (v) => (typeof v === "string" ? encryptPii(decryptPii(v)) : v))
        : r,
    ),
  };
}

/**
 * The payload of a stored `notify` message with its contacts decrypted (those of messages written before
 * encryption at rest read as they are).
 */
export function readNotifyPayload(payload: unknown) {
  const p = payload as { recipients?: unknown };
  const recipients = Array.isArray(p?.recipients)
    ? p.recipients.map((r) =>
        r && typeof r === "object"
          ? mapContacts(r as TRecipient, (v) => (typeof v === "string" ? decryptPii(v) : v))
          : r,
      )
    : p?.recipients;
  return ZNotifyPayload.safeParse(p && typeof p === "object" ? { ...p, recipients } : p);
}

/**
 * Enqueues a notification in the caller's transaction (the state change and the notice commit
 * together, or neither). Validates the payload now, so a mistake fails the command, not the worker.
 */
export async function enqueueNotification(
  tx: Executor,
  notification: TNotifyPayload,
  opts: { at: Date; orgId?: string | null; availableAt?: Date },
): Promise<string> {
  return enqueue(tx, { topic: NOTIFY_TOPIC, payload: notifyPayload(notification), ...opts });
}

/**
 * The insert of several notifications (validated now, as {@link enqueueNotification} does), not yet
 * run: the caller sends it in its transaction, e.g. with the case's save. Null when there are none.
 */
export function notificationsInsert(
  tx: Executor,
  notifications: TNotifyPayload[],
  opts: { at: Date; orgId?: string | null; availableAt?: Date },
) {
  if (notifications.length === 0) return null;
  return outboxInsert(
    tx,
    notifications.map((n) => ({ topic: NOTIFY_TOPIC, payload: notifyPayload(n), ...opts })),
  );
}

/** Enqueues several notifications of one change in one statement (same rules as {@link enqueueNotification}). */
export async function enqueueNotifications(
  tx: Executor,
  notifications: TNotifyPayload[],
  opts: { at: Date; orgId?: string | null; availableAt?: Date },
): Promise<string[]> {
  return enqueueMany(
    tx,
    notifications.map((n) => ({ topic: NOTIFY_TOPIC, payload: notifyPayload(n), ...opts })),
  );
}

/**
 * A recipient on every channel the user has: in-app, plus e-mail and SMS when their account has an
 * address or phone number, in the user's language. Null when the user does not exist.
 */
export async function recipientForUser(
  ex: Executor,
  userId: string,
  channels: { email?: boolean; sms?: boolean } = { email: true, sms: true },
): Promise<TRecipient | null> {
  const [u] = await ex
    .select({ id: users.id, email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return null;
  return {
    userId: u.id,
    locale: u.locale,
    ...(channels.email && u.email ? { email: u.email } : {}),
    ...(channels.sms && u.phone ? { phone: u.phone } : {}),
  };
}

/**
 * True when this message already reached `recipient` on `channel` (a retry must not send twice). The
 * recipients are encrypted at rest, so the few sent rows of the message are compared once decrypted.
 */
async function alreadySent(ex: Executor, outboxId: string, channel: "email" | "sms", recipient: string) {
  const rows = await ex
    .select({ recipient: messageLog.recipient })
    .from(messageLog)
    .where(
      and(eq(messageLog.outboxId, outboxId), eq(messageLog.channel, channel), eq(messageLog.status, "sent")),
    );
  return rows.some((r) => r.recipient === recipient);
}

/** Options of {@link createNotifyHandler}. */
export type NotifyHandlerOptions = {
  /** The channels; default `ctx.notify` (and without it, e-mail and SMS attempts fail and retry). */
  channels?: NotifyChannels;
  inApp?: InAppNotifier;
  /**
   * The public address of the web application, to turn `/cases/…` links into full URLs (default: the
   * deployment's `ctx.config.publicUrl`).
   */
  publicUrl?: string;
};

/**
 * The handler of the `notify` topic: renders the template of the kind, writes an in-app
 * notification for each user, sends e-mail and SMS where an address or phone is given, and logs every
 * e-mail/SMS attempt in `message_log`. When a channel fails the whole message is retried, but what
 * already succeeded (per recipient and channel) is not repeated.
 */
export function createNotifyHandler(options: NotifyHandlerOptions = {}): OutboxHandler<AppContext> {
  const inApp = options.inApp ?? dbInAppNotifier;
  return async (message: OutboxMessage, ctx: AppContext) => {
    const parsed = readNotifyPayload(message.payload);
    if (!parsed.success) throw new PermanentError(`invalid notify payload: ${parsed.error.message}`);
    const { kind, recipients, data, caseId } = parsed.data;
    const channels = options.channels ?? ctx.notify;
    const db = ctx.database.db;
    const rendered = renderNotification(kind, data);
    const link = absoluteLink(data.link, options.publicUrl ?? ctx.config.publicUrl);

    const userIds = [...new Set(recipients.flatMap((r) => (r.userId ? [r.userId] : [])))];
    const locales = new Map<string, "zh-CN" | "en-US">();
    if (userIds.length) {
      const rows = await db
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(inArray(users.id, userIds));
      for (const r of rows) locales.set(r.id, r.locale);
    }

    const errors: string[] = [];
    for (const userId of userIds) {
      if (!locales.has(userId)) continue; // the account is gone: nobody to notify in-app
      await inApp.notify(db, {
        userId,
        kind,
        title: rendered.title,
        body: rendered.body,
        link: data.link,
        caseId: caseId ?? null,
        outboxId: message.id,
        at: ctx.clock.now(),
      });
    }

    const attempt = async (channel: "email" | "sms", to: string, subject: string | null, body: string) => {
      if (await alreadySent(db, message.id, channel, to)) return;
      let status: "sent" | "failed" = "sent";
      let providerId: string | null = null;
      let error: string | null = null;
      try {
        if (!channels) throw new Error("no notification channels configured");
        providerId =
          channel === "email"
            ? (await channels.email.send({ to, subject: subject ?? "", text: body })).providerId
            : (await channels.sms.send({ to, text: body })).providerId;
      } catch (err) {
        status = "failed";
        error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
        // The outbox keeps the error: the recipient masked, never whole (ADR 0016).
        errors.push(`${channel} ${maskContact(to)}: ${error}`);
      }
      await db.insert(messageLog).values({
        channel,
        recipient: to,
        kind,
        subject,
        body,
        status,
        error,
        providerId,
        outboxId: message.id,
        at: ctx.clock.now(),
      });
    };

    for (const r of recipients) {
      const locale = r.locale ?? (r.userId ? locales.get(r.userId) : undefined) ?? "zh-CN";
      if (r.email) {
        const mail = emailFor(locale, rendered, link);
        await attempt("email", r.email, mail.subject, mail.text);
      }
      if (r.phone) await attempt("sms", r.phone, null, smsFor(locale, rendered, link));
    }
    if (errors.length) throw new Error(errors.join("; "));
  };
}

/** The outbox handlers of a Yizhan server (topic → handler). */
export function defaultOutboxHandlers(options: NotifyHandlerOptions = {}) {
  return { [NOTIFY_TOPIC]: createNotifyHandler(options) };
}
