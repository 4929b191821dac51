import { and, desc, eq, gt, sql } from "drizzle-orm";
import { authEvents, users } from "../../db/schema";
import type { AppContext } from "../context";

/**
 * Lockout after failed passwords (docs/security.md), kept so that an attacker cannot use it to lock
 * staff out:
 * - **per account and source** (the address the server sees): `lockoutThreshold` failures from one
 *   address within `lockoutWindowMinutes` lock that account *from that address* for `lockoutMinutes`,
 *   doubling with each further lock of the same pair within a day (capped at 16×) — a back-off without a
 *   CAPTCHA; the user at another address still signs in;
 * - **per account** when failures come from many addresses (`ACCOUNT_WIDE_FACTOR` × the threshold within
 *   the window): the account is locked for `lockoutMinutes` — except from addresses it signed in from
 *   successfully within `KNOWN_SOURCE_DAYS` (the staff member's own office).
 * Wrong current passwords on a password change count as failures too.
 */
export const ACCOUNT_WIDE_FACTOR = 4;
export const MAX_BACKOFF_FACTOR = 16;
export const KNOWN_SOURCE_DAYS = 30;

type UserRow = { id: string; lockedUntil: Date | null };

const minutes = (m: number) => m * 60_000;

/** Until when the account is locked for a caller at `ip`, or null. */
export async function lockedUntilFor(ctx: AppContext, user: UserRow, ip: string | undefined, now: Date) {
  const db = ctx.database.db;
  const [lock] = await db
    .select({ detail: authEvents.detail })
    .from(authEvents)
    .where(
      and(
        eq(authEvents.userId, user.id),
        eq(authEvents.kind, "locked"),
        sourceIs(ip),
        sourceScope,
        gt(authEvents.at, new Date(now.getTime() - minutes(ctx.config.lockoutMinutes * MAX_BACKOFF_FACTOR))),
      ),
    )
    .orderBy(desc(authEvents.at))
    .limit(1);
  const sourceLock = lock?.detail?.lockedUntil ? new Date(String(lock.detail.lockedUntil)) : null;
  if (sourceLock && sourceLock > now) return sourceLock;
  if (user.lockedUntil && user.lockedUntil > now && !(await knownSource(ctx, user.id, ip, now))) {
    return user.lockedUntil;
  }
  return null;
}

/**
 * Counts a failed password of `user` from `ip` (already recorded as `login_failed`) and locks the pair,
 * or the whole account, when the thresholds are reached. Returns the failures of the pair in the window.
 */
export async function countFailure(
  ctx: AppContext,
  user: UserRow,
  ip: string | undefined,
  now: Date,
  record: (kind: "locked", detail: Record<string, unknown>) => Promise<unknown>,
): Promise<number> {
  const db = ctx.database.db;
  const cfg = ctx.config;
  const windowStart = new Date(now.getTime() - minutes(cfg.lockoutWindowMinutes));
  // A lock ends a run of failures: count only those after the pair's last lock or success.
  const [last] = await db
    .select({ id: authEvents.id })
    .from(authEvents)
    .where(
      and(
        eq(authEvents.userId, user.id),
        sourceIs(ip),
        sql`${authEvents.kind} in ('locked', 'login')`,
        sourceScope,
        gt(authEvents.at, windowStart),
      ),
    )
    .orderBy(desc(authEvents.id))
    .limit(1);
  // Event ids are UUIDv7, in the order the events were written (several may share one instant).
  const failures = (from: Date, bySource: boolean, after?: string) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(authEvents)
      .where(
        and(
          eq(authEvents.userId, user.id),
          eq(authEvents.kind, "login_failed"),
          gt(authEvents.at, from),
          bySource ? sourceIs(ip) : undefined,
          after ? gt(authEvents.id, after) : undefined,
          sql`coalesce(${authEvents.detail}->>'reason', '') <> 'locked'`,
        ),
      )
      .then(([r]) => r.n);
  const n = await failures(windowStart, true, last?.id);
  if (n >= cfg.lockoutThreshold) {
    const [{ locks }] = await db
      .select({ locks: sql<number>`count(*)::int` })
      .from(authEvents)
      .where(
        and(
          eq(authEvents.userId, user.id),
          eq(authEvents.kind, "locked"),
          sourceIs(ip),
          sourceScope,
          gt(authEvents.at, new Date(now.getTime() - minutes(24 * 60))),
        ),
      );
    const factor = Math.min(2 ** locks, MAX_BACKOFF_FACTOR);
    const lockedUntil = new Date(now.getTime() + minutes(cfg.lockoutMinutes * factor));
    await record("locked", { scope: "source", failures: n, lockedUntil: lockedUntil.toISOString(), factor });
  }
  const all = await failures(windowStart, false);
  const accountWide = all >= cfg.lockoutThreshold * ACCOUNT_WIDE_FACTOR;
  const lockedUntil = accountWide ? new Date(now.getTime() + minutes(cfg.lockoutMinutes)) : undefined;
  await db
    .update(users)
    .set({ failedLogins: all, ...(lockedUntil ? { lockedUntil } : {}) })
    .where(eq(users.id, user.id));
  if (lockedUntil && !(user.lockedUntil && user.lockedUntil > now)) {
    await record("locked", { scope: "account", failures: all, lockedUntil: lockedUntil.toISOString() });
  }
  return n;
}

/** True when the user signed in successfully from `ip` within the last {@link KNOWN_SOURCE_DAYS} days. */
async function knownSource(ctx: AppContext, userId: string, ip: string | undefined, now: Date) {
  if (!ip) return false;
  const [row] = await ctx.database.db
    .select({ at: authEvents.at })
    .from(authEvents)
    .where(
      and(
        eq(authEvents.userId, userId),
        eq(authEvents.kind, "login"),
        eq(authEvents.ip, ip),
        gt(authEvents.at, new Date(now.getTime() - minutes(KNOWN_SOURCE_DAYS * 24 * 60))),
      ),
    )
    .limit(1);
  return !!row;
}

/** A lock of one account and source (not the account-wide one). */
const sourceScope = sql`coalesce(${authEvents.detail}->>'scope', 'source') = 'source'`;

function sourceIs(ip: string | undefined) {
  return ip ? eq(authEvents.ip, ip) : sql`${authEvents.ip} is null`;
}
