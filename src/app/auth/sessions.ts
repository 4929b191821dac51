import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { PreparedStatement } from "../../db/prepared";
import { authEvents, sessions, users } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import { maskPersonalText } from "../../domain/rules/maskText";
import { formatDateTime } from "../../shared/localTime";
import type { Actor, Membership } from "../actor";
import type { AppContext } from "../context";
import { actorOf, loadActor, membershipsJson } from "./loadActor";
import { countFailure, lockedUntilFor } from "./lockout";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { checkSecondFactor } from "./totp";

/** Where a request comes from, for the security log. */
export type RequestOrigin = { ip?: string; userAgent?: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const invalidCredentials = () =>
  new YizhanError("invalid_credentials", 401, {
    "zh-CN": "用户名或密码错误",
    "en-US": "Wrong username or password",
  });

/** The result of a successful login: the cookie token (shown once), the CSRF token and the actor. */
export type LoginResult = { token: string; csrfToken: string; actor: Actor; expiresAt: Date };

/**
 * Logs a user in: verifies the password (scrypt), enforces the lockout after repeated failures,
 * records every attempt in `auth_events`, and opens a database-stored session.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; totpCode?: string; recoveryCode?: string },
  origin: RequestOrigin,
): Promise<LoginResult> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const cfg = ctx.config;
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const record = (kind: "login" | "login_failed" | "locked", detail?: Record<string, unknown>) =>
    db.insert(authEvents).values({
      kind,
      userId: user?.id ?? null,
      // What was typed, masked: someone may type their ID number or phone as a username.
      username: maskPersonalText(input.username.slice(0, 100)),
      at: now,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 300),
      detail,
    });

  const lockedUntil = user ? await lockedUntilFor(ctx, user, origin.ip, now) : null;
  if (user && lockedUntil) {
    await record("login_failed", { reason: "locked" });
    throw accountLocked(lockedUntil);
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    if (user) {
      await record("login_failed", { reason: user.active ? "password" : "inactive" });
      await countFailure(ctx, user, origin.ip, now, (kind, detail) => record(kind, detail));
    } else {
      await record("login_failed", { reason: "unknown_user" });
    }
    throw invalidCredentials();
  }
  // Two-step login (staff who enrolled): no code asks for one; a wrong one is a failed login.
  const second = await checkSecondFactor(ctx, user, input, now);
  if (second === "missing")
    throw new YizhanError(
      "totp_required",
      401,
      {
        "zh-CN": "请输入验证器中的 6 位验证码（或一个恢复码）",
        "en-US": "Type the 6-digit code from your authenticator (or a recovery code)",
      },
      { field: "totpCode" },
    );
  if (second === "wrong") {
    await record("login_failed", { reason: "totp" });
    await countFailure(ctx, user, origin.ip, now, (kind, detail) => record(kind, detail));
    throw new YizhanError(
      "totp_invalid",
      401,
      {
        "zh-CN": "验证码或恢复码不正确",
        "en-US": "Wrong code or recovery code",
      },
      { field: input.totpCode ? "totpCode" : "recoveryCode" },
    );
  }

  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + cfg.sessionMaxMinutes * 60_000);
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 300),
    })
    .returning({ id: sessions.id });
  await db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
  await record("login", { sessionId: session.id });
  const actor = await loadActor(db, user.id);
  if (!actor) throw invalidCredentials();
  return { token, csrfToken, actor: { ...actor, sessionId: session.id }, expiresAt };
}

/** 423: the account is locked for this caller until `until` (src/app/auth/lockout.ts). */
export function accountLocked(until: Date): YizhanError {
  return new YizhanError(
    "account_locked",
    423,
    {
      "zh-CN": `失败次数过多，账户已暂时锁定至 ${formatLocal(until)}`,
      "en-US": `Too many failed attempts; the account is locked until ${formatLocal(until)}`,
    },
    { details: { lockedUntil: until.toISOString() } },
  );
}

/** A live session found from its cookie token. */
export type ResolvedSession = { sessionId: string; csrfToken: string; actor: Actor };

// One statement for the session, its user and their roles: it runs on every request, so its text is
// built once (ADR 0017g).
const SESSION_STATEMENT = new PreparedStatement<{
  s: typeof sessions.$inferSelect;
  u: typeof users.$inferSelect;
  memberships: Membership[];
}>("session_by_token", (ex) =>
  ex
    .select({ s: sessions, u: users, memberships: membershipsJson() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), isNull(sessions.revokedAt))),
);

/**
 * Finds the session of a cookie token, enforcing idle and absolute expiry; refreshes `last_seen_at`
 * at most once a minute so reads do not write on every request.
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [row] = await SESSION_STATEMENT.run(db, { tokenHash: sha256(token) });
  if (!row) return null;
  const s = row.s;
  const idleLimit = new Date(s.lastSeenAt.getTime() + ctx.config.sessionIdleMinutes * 60_000);
  if (s.expiresAt <= now || idleLimit <= now) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, s.id));
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, s.id));
  }
  const actor = actorOf(row.u, row.memberships);
  if (!actor) return null;
  return { sessionId: s.id, csrfToken: s.csrfToken, actor: { ...actor, sessionId: s.id } };
}

/** True when the CSRF header matches the session's token (constant-time compare). */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends a session and records the logout. */
export async function logout(ctx: AppContext, actor: Actor, origin: RequestOrigin): Promise<void> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  if (actor.sessionId) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, actor.sessionId));
  }
  await db.insert(authEvents).values({
    kind: "logout",
    userId: actor.userId,
    username: actor.username,
    at: now,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300),
  });
}

/** An instant as local time in China for messages (Asia/Shanghai). */
const formatLocal = (d: Date): string => formatDateTime(d);
