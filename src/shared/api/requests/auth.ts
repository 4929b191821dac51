/**
 * Requests of the auth operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";

export const ZLogin = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(128),
});

/** The caller's preferences; each one given is saved, the others stay as they are. */
export const ZPreferences = z.object({
  locale: z.enum(["zh-CN", "en-US"]).optional(),
  careMode: z.boolean().optional(),
});
