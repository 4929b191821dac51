/** In-app notifications on the wire. What src/http/routes/notifications.ts sends. */
import { z } from "zod";
import { ZBilingual } from "./common";

/** An in-app notification as its owner sees it. */
export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: ZBilingual,
  body: ZBilingual,
  link: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), unreadCount: z.number().int() });

/** The answer to marking all as read. */
export const ZNotificationsMarkedRead = z.object({
  updated: z.number().int(),
  unreadCount: z.number().int(),
});

/** The answer to marking one as read. */
export const ZNotificationMarkedRead = z.object({
  notification: ZNotification,
  unreadCount: z.number().int(),
});
