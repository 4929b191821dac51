/** The caller's account on the wire (login, `me`, preferences). What src/app/presenters/me.ts sends. */
import { z } from "zod";
import { ROLES } from "../../domain/roles";
import { ZAbilities } from "./common";

/** The caller's own account: whitelisted fields, roles and global abilities. */
export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(["staff", "person", "enterprise"]),
  locale: z.enum(["zh-CN", "en-US"]),
  /** After an administrator's reset: every request but changing the password is refused (403). */
  mustChangePassword: z.boolean(),
  careMode: z
    .boolean()
    .describe("关怀模式: larger text, higher contrast, simpler words on the applicant's pages"),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      orgId: z.string().nullable(),
      orgCode: z.string().nullable(),
      orgName: z.string().nullable(),
    }),
  ),
  abilities: ZAbilities,
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

/** The answer to logging in: the account. */
export const ZLoginResult = z.object({ user: ZMe });

/** The caller's two-step login (TOTP). */
export const ZTotpStatus = z.object({
  /** Staff accounts may turn it on. */
  available: z.boolean(),
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});

/** A new authenticator secret: the otpauth URL and its QR code (PNG data URL), and the secret to type. */
export const ZTotpEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });

/** Two-step login is on: the recovery codes, shown this once. */
export const ZTotpRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/** Done (logout, password change). */
export const ZOk = z.object({ ok: z.literal(true) });
