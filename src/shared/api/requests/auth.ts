/**
 * Requests of the auth operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";

export const ZLogin = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  /** Two-step login (staff who enrolled): the authenticator's 6 digits, or one recovery code. */
  totpCode: z
    .string()
    .regex(/^\d{6}$/, "6 digits")
    .optional(),
  recoveryCode: z.string().min(1).max(20).optional(),
});

/** A code of the authenticator being enrolled. */
export const ZTotpConfirm = z.object({ code: z.string().regex(/^\d{6}$/, "6 digits") });

/** An administrator's reset of an account's two-step login (the version they read). */
export const ZResetTotp = z.object({ expectedVersion: z.number().int().min(0).max(2_147_483_647) });

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(128),
});

/** The caller's preferences; each one given is saved, the others stay as they are. */
export const ZPreferences = z.object({
  locale: z.enum(["zh-CN", "en-US"]).optional(),
  careMode: z.boolean().optional(),
});
