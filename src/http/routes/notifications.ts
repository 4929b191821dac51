import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  countUnread,
  listUserNotifications,
  markAllUserNotificationsRead,
  markUserNotificationRead,
  type NotificationRow,
} from "../../adapters/notify/inApp";
import type { AppContext } from "../../app/context";
import { notFound } from "../../domain/errors";
import {
  type TNotification,
  ZNotificationList,
  ZNotificationMarkedRead,
  ZNotificationsMarkedRead,
} from "../../shared/api/notifications";
import { ZListNotificationsQuery, ZNotificationIdParams } from "../../shared/api/requests/notifications";
import { requireActor } from "../plugins/auth";

/** The whitelist of fields that leave the server. */
function presentNotification(n: NotificationRow): TNotification {
  return {
    id: n.id,
    kind: n.kind,
    title: { "zh-CN": n.titleZh, "en-US": n.titleEn },
    body: { "zh-CN": n.bodyZh, "en-US": n.bodyEn },
    link: n.link,
    caseId: n.caseId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The caller's in-app notifications: list, mark one read, mark all read. Nobody sees another's. */
export async function notificationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => ctx.database.db;

  r.get(
    "/api/notifications",
    {
      schema: {
        operationId: "listNotifications",
        tags: ["notifications"],
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: ZListNotificationsQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const rows = await listUserNotifications(db(), actor.userId, {
        limit: req.query.limit,
        unreadOnly: req.query.unread,
      });
      return { items: rows.map(presentNotification), unreadCount: await countUnread(db(), actor.userId) };
    },
  );

  r.post(
    "/api/notifications/read-all",
    {
      schema: {
        operationId: "markAllNotificationsRead",
        tags: ["notifications"],
        summary: "Mark all of the caller's notifications read",
        response: { 200: ZNotificationsMarkedRead },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const updated = await markAllUserNotificationsRead(db(), actor.userId, ctx.clock.now());
      return { updated, unreadCount: await countUnread(db(), actor.userId) };
    },
  );

  r.post(
    "/api/notifications/:id/read",
    {
      schema: {
        operationId: "markNotificationRead",
        tags: ["notifications"],
        summary: "Mark one of the caller's notifications read (404 for anyone else's)",
        params: ZNotificationIdParams,
        response: { 200: ZNotificationMarkedRead },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await markUserNotificationRead(db(), actor.userId, req.params.id, ctx.clock.now());
      if (!row) throw notFound({ "zh-CN": "通知", "en-US": "Notification" });
      return { notification: presentNotification(row), unreadCount: await countUnread(db(), actor.userId) };
    },
  );
}
