/**
 * Two-step login for staff (TOTP, RFC 6238 over HOTP, RFC 4226; HMAC-SHA1, 6 digits, 30-second steps —
 * what every authenticator app reads from an `otpauth://` QR code). Optional: a staff member enrols on
 * their account page (a QR code, then one code to confirm) and receives 10 single-use recovery codes;
 * from then on the login asks for a code. A wrong code counts as a failed login (the same lockout); a
 * code is accepted once (the last step used is kept). An administrator can reset it (the audit log
 * records it). Built on node:crypto only.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { authEvents, users } from "../../db/schema";
import { forbidden, invalid } from "../../domain/errors";
import type { Actor } from "../actor";
import type { AppContext } from "../context";

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after are accepted too (clocks drift; a code typed at a step's end). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODES = 10;

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding (what otpauth URLs carry). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case-insensitive, padding and spaces ignored). */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const v = B32.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226): the `digits`-digit code of `counter` for the key. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, "0");
}

/** The time step of an instant. */
export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The TOTP code of a base32 secret at an instant. */
export function totpCode(secret: string, at: Date): string {
  return hotp(base32Decode(secret), totpStep(at));
}

/** The step whose code `code` is (within the window around `at`), after `lastStep`; null when none. */
export function matchTotp(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const now = totpStep(at);
  for (let s = now - TOTP_WINDOW; s <= now + TOTP_WINDOW; s++) {
    if (lastStep !== null && s <= lastStep) continue;
    if (timingSafeEqual(Buffer.from(hotp(key, s)), Buffer.from(code))) return s;
  }
  return null;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** A recovery code as typed: case, spaces and dashes do not matter. */
const normalizeRecovery = (s: string) => s.toUpperCase().replace(/[\s-]/g, "");

/** Ten recovery codes, `XXXXX-XXXXX` from the base32 alphabet (50 bits each). */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const s = Array.from({ length: 10 }, () => B32[randomInt(32)]).join("");
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

type UserRow = typeof users.$inferSelect;

const codeInvalid = () =>
  invalid("code", "totp_invalid", {
    "zh-CN": "验证码不正确或已过期，请输入验证器中当前显示的 6 位数字",
    "en-US": "The code is wrong or expired; type the 6 digits your authenticator shows now",
  });

async function userRow(ctx: AppContext, actor: Actor): Promise<UserRow> {
  const [row] = await ctx.database.db.select().from(users).where(eq(users.id, actor.userId));
  if (!row) throw forbidden("totp");
  return row;
}

/** Two-step login is for staff accounts. */
function staffOnly(row: UserRow) {
  if (row.kind !== "staff") throw forbidden("enrolTotp");
}

/** The caller's two-step login: available (staff), enabled since, recovery codes left. */
export async function totpStatus(ctx: AppContext, actor: Actor) {
  const row = await userRow(ctx, actor);
  return {
    available: row.kind === "staff",
    enabled: row.totpEnabledAt !== null,
    enabledAt: row.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: row.totpEnabledAt ? row.totpRecoveryHashes.length : 0,
  };
}

/**
 * Starts (or restarts) enrolment: a new secret kept pending until confirmed, returned with its
 * otpauth URL and a QR code of it (PNG data URL). Refused when two-step login is already on.
 */
export async function startTotpEnrolment(ctx: AppContext, actor: Actor) {
  const row = await userRow(ctx, actor);
  staffOnly(row);
  if (row.totpEnabledAt)
    throw invalid("totp", "already_enabled", {
      "zh-CN": "两步验证已开启；如需更换设备，请联系管理员重置",
      "en-US": "Two-step login is already on; ask an administrator to reset it to change devices",
    });
  const secret = base32Encode(randomBytes(20));
  await ctx.database.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, row.id));
  const label = encodeURIComponent(`一站:${row.username}`);
  const otpauthUrl = `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent("一站 Yizhan")}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Confirms enrolment with a code of the pending secret: two-step login is on; the recovery codes, once. */
export async function confirmTotpEnrolment(ctx: AppContext, actor: Actor, code: string) {
  const row = await userRow(ctx, actor);
  staffOnly(row);
  if (!row.totpPendingSecret)
    throw invalid("code", "no_enrolment", {
      "zh-CN": "请先开始绑定验证器",
      "en-US": "Start the enrolment first",
    });
  const now = ctx.clock.now();
  const step = matchTotp(row.totpPendingSecret, code, now, null);
  if (step === null) throw codeInvalid();
  const codes = newRecoveryCodes();
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: row.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
        totpRecoveryHashes: codes.map((c) => sha256(normalizeRecovery(c))),
      })
      .where(eq(users.id, row.id));
    await tx
      .insert(authEvents)
      .values({ kind: "totp_enabled", userId: row.id, username: row.username, at: now, ip: actor.ip });
  });
  return { recoveryCodes: codes };
}

/** Turns two-step login off (the account's own choice; the `totp_reset` by an administrator does the same). */
export const TOTP_OFF = {
  totpSecret: null,
  totpPendingSecret: null,
  totpEnabledAt: null,
  totpLastStep: null,
  totpRecoveryHashes: [] as string[],
};

/**
 * The second factor at login, for an account with two-step login on: a TOTP code (used once) or a
 * recovery code (used up). `missing` when none was given, `wrong` when it does not match.
 */
export async function checkSecondFactor(
  ctx: AppContext,
  user: UserRow,
  input: { totpCode?: string; recoveryCode?: string },
  now: Date,
): Promise<"ok" | "missing" | "wrong"> {
  if (!user.totpEnabledAt || !user.totpSecret) return "ok";
  const db = ctx.database.db;
  if (input.totpCode) {
    const step = matchTotp(user.totpSecret, input.totpCode, now, user.totpLastStep);
    if (step === null) return "wrong";
    // Conditional: of two logins racing with one code, one wins.
    const won = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), sql`${users.totpLastStep} < ${step}`)))
      .returning({ id: users.id });
    return won.length ? "ok" : "wrong";
  }
  if (input.recoveryCode) {
    const hash = sha256(normalizeRecovery(input.recoveryCode));
    if (!user.totpRecoveryHashes.includes(hash)) return "wrong";
    // Conditional: a recovery code is used up by exactly one login.
    const won = await db
      .update(users)
      .set({ totpRecoveryHashes: sql`${users.totpRecoveryHashes} - ${hash}::text` })
      .where(and(eq(users.id, user.id), sql`${users.totpRecoveryHashes} ? ${hash}::text`))
      .returning({ id: users.id });
    if (!won.length) return "wrong";
    await db.insert(authEvents).values({
      kind: "recovery_code_used",
      userId: user.id,
      username: user.username,
      at: now,
      detail: { left: user.totpRecoveryHashes.length - 1 },
    });
    return "ok";
  }
  return "missing";
}
