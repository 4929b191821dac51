import type { NotifyChannels } from "../adapters/notify/types";
import type { FileStorage } from "../adapters/storage/storage";
import type { Database, DatabaseInstance } from "../db/client";
import type { Clock } from "../shared/clock";
import { VERSION } from "../shared/version";

/** Settings of one Yizhan deployment (from the environment and CLI flags). */
export type Config = {
  /** Idle session lifetime in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime in minutes. */
  sessionMaxMinutes: number;
  /** Failed logins within `lockoutWindowMinutes` that lock an account. */
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  /** Login attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /**
   * Send the `Secure` attribute on cookies: `YIZHAN_COOKIE_SECURE=1|0`, else on when the public URL is
   * https (the deployment is reached over HTTPS, usually behind a proxy).
   */
  secureCookies: boolean;
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed (`YIZHAN_TRUST_PROXY`: addresses or CIDRs,
   * comma-separated). Empty: the client's address is the socket's, and no client can set its own
   * address in the audit trail, the lockout or the rate limits.
   */
  trustProxy: string[];
  demo: boolean;
  version: string;
  /**
   * The address the public reaches this deployment at (`YIZHAN_PUBLIC_URL` or `--public-url`, default
   * `http://localhost:$PORT`), without a trailing slash. Every absolute link Yizhan hands out is built
   * from it: QR codes, PDF footers, e-mail and SMS links, the keys document's issuer.
   */
  publicUrl: string;
  /**
   * The signing key store (`$YIZHAN_KEYS_DIR`, default `<data dir>/keys`; docs/certificates.md), set by
   * the server from its environment. Absent (tests): read from the process environment when used.
   */
  keysDir?: string;
};

export const defaultConfig: Config = {
  sessionIdleMinutes: 8 * 60,
  sessionMaxMinutes: 7 * 24 * 60,
  lockoutThreshold: 5,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 15,
  loginRateLimitPerMinute: 30,
  secureCookies: false,
  trustProxy: [],
  demo: false,
  version: VERSION,
  publicUrl: "http://localhost:3000",
};

/**
 * A public URL as Config holds it: an http(s) origin with an optional path prefix, no trailing slash,
 * no query or fragment. Throws a RangeError naming the problem otherwise.
 */
export function normalizePublicUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new RangeError(`not a URL: ${value}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new RangeError(`must start with http:// or https://: ${value}`);
  if (u.search || u.hash) throw new RangeError(`must not have a query or fragment: ${value}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

/** `YIZHAN_TRUST_PROXY` as a list (addresses or CIDRs); throws a RangeError on an entry that is neither. */
export function parseTrustProxy(value: string | undefined): string[] {
  const list = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry) && entry !== "loopback")
      throw new RangeError(`YIZHAN_TRUST_PROXY: not an address or CIDR: ${entry}`);
  }
  return list;
}

/** `YIZHAN_COOKIE_SECURE` if set (1/true or 0/false), else whether the public URL is https. */
export function secureCookiesFor(value: string | undefined, publicUrl: string): boolean {
  if (value !== undefined && value !== "") return value === "1" || value.toLowerCase() === "true";
  return publicUrl.startsWith("https:");
}

/** True when a public URL points at this machine only (localhost, 127.0.0.0/8, ::1, 0.0.0.0). */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\./.test(host) ||
    host === "::1" ||
    host === "0.0.0.0"
  );
}

/** Everything a use case needs from the outside world, injected (database, clock, settings). */
export type AppContext = {
  database: Database;
  clock: Clock;
  config: Config;
  /** Outbound e-mail and SMS (built from the environment by the server; absent in most tests). */
  notify?: NotifyChannels;
  /** Where uploaded and generated files are stored (default: the database, ADR 0015). */
  storage?: FileStorage;
  /** This server among those on the database (set by the server): who holds a claim, and is it alive. */
  instance?: DatabaseInstance;
};
