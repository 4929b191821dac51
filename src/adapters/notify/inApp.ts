import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { notifications } from "../../db/schema";
import type { Bilingual } from "../../domain/errors";

/** One in-app notification to write. */
export type InAppMessage = {
  userId: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  link?: string | null;
  caseId?: string | null;
  /** The outbox message it comes from: with it, a retried message does not notify twice. */
  outboxId?: string | null;
  at: Date;
};

/** A stored in-app notification. */
export type NotificationRow = typeof notifications.$inferSelect;

/** Writes in-app notifications (站内消息). */
export interface InAppNotifier {
  /** Writes the notification unless the same outbox message already did; returns its id. */
  notify(ex: Executor, message: InAppMessage): Promise<{ id: string; created: boolean }>;
}

/** The in-app notifier on the `notifications` table. */
export const dbInAppNotifier: InAppNotifier = {
  async notify(ex, m) {
    if (m.outboxId) {
      const [existing] = await ex
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.outboxId, m.outboxId), eq(notifications.userId, m.userId)))
        .limit(1);
      if (existing) return { id: existing.id, created: false };
    }
    const [row] = await ex
      .insert(notifications)
      .values({
        userId: m.userId,
        kind: m.kind,
        titleZh: m.title["zh-CN"],
        titleEn: m.title["en-US"],
        bodyZh: m.body["zh-CN"],
        bodyEn: m.body["en-US"],
        link: m.link ?? null,
        caseId: m.caseId ?? null,
        outboxId: m.outboxId ?? null,
        createdAt: m.at,
      })
      .returning({ id: notifications.id });
    if (!row) throw new Error("notification insert returned no row");
    return { id: row.id, created: true };
  },
};

/** The user's unread notifications count. */
export async function countUnread(ex: Executor, userId: string): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** The user's notifications, newest first (only their own: the user id is part of every query). */
export async function listUserNotifications(
  ex: Executor,
  userId: string,
  opts: { limit: number; unreadOnly?: boolean },
): Promise<NotificationRow[]> {
  return ex
    .select()
    .from(notifications)
    .where(
      opts.unreadOnly
        ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
        : eq(notifications.userId, userId),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
}

/**
 * Marks one of the user's notifications read (keeping the first read time). Returns null when the
 * notification does not exist or belongs to someone else — the caller answers 404 in both cases.
 */
export async function markUserNotificationRead(
  ex: Executor,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | null> {
  const [row] = await ex
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return null;
  if (row.readAt) return row;
  const [updated] = await ex
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return updated ?? row;
}

/** Marks all of the user's unread notifications read; returns how many changed. */
export async function markAllUserNotificationsRead(ex: Executor, userId: string, at: Date): Promise<number> {
  const rows = await ex
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
