import { randomBytes, type ScryptOptions, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { SEED_DIR } from "../seed/files";

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** Hashes a password with scrypt (node:crypto), salted: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Checks a password against a stored scrypt hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], "base64url");
  const expected = Buffer.from(parts[5], "base64url");
  const key = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(key, expected);
}

/** A hash that matches no password: verified against when the username is unknown (same timing). */
export const DUMMY_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Well-known passwords (seed/security/common-passwords.txt), lower-cased; read once. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(SEED_DIR, "security/common-passwords.txt"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

/**
 * The password policy (docs/security.md): 8–128 characters, not a well-known password (a list kept as
 * data), and not the username or a password containing it (case-insensitive).
 */
export function passwordProblem(pw: string, username?: string): { "zh-CN": string; "en-US": string } | null {
  if (pw.length < 8)
    return { "zh-CN": "密码至少 8 个字符", "en-US": "Password must have at least 8 characters" };
  if (pw.length > 128)
    return { "zh-CN": "密码最多 128 个字符", "en-US": "Password must have at most 128 characters" };
  if (commonPasswords().has(pw.toLowerCase()))
    return {
      "zh-CN": "该密码过于常见，容易被猜中，请换一个",
      "en-US": "This password is too common and easily guessed; choose another",
    };
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && pw.toLowerCase().includes(name))
    return { "zh-CN": "密码不能包含用户名", "en-US": "The password must not contain the username" };
  return null;
}
