/**
 * Requests of the notifications operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";

export const ZListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const ZNotificationIdParams = z.object({ id: z.uuid() });
