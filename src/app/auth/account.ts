import { and, eq, ne } from "drizzle-orm";
import { authEvents, sessions, users } from "../../db/schema";
import { invalid, YizhanError } from "../../domain/errors";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { countFailure, lockedUntilFor } from "./lockout";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";
import { accountLocked, type RequestOrigin } from "./sessions";

/**
 * Changes the caller's own password after checking the current one; every other session of the
 * user is ended, and the change is recorded.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<void> {
  authorize(actor, "changePassword", "global", null);
  const { db } = ctx.database;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  const now = ctx.clock.now();
  // The current password is a password guess like a login's: the same lockout (src/app/auth/lockout.ts).
  const lockedUntil = user ? await lockedUntilFor(ctx, user, origin.ip, now) : null;
  if (lockedUntil) throw accountLocked(lockedUntil);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    if (user) {
      const record = (kind: "login_failed" | "locked", detail: Record<string, unknown>) =>
        db.insert(authEvents).values({
          kind,
          userId: user.id,
          username: user.username,
          at: now,
          ip: origin.ip,
          userAgent: origin.userAgent?.slice(0, 300),
          detail,
        });
      await record("login_failed", { reason: "password_change" });
      await countFailure(ctx, user, origin.ip, now, record);
    }
    throw invalid("currentPassword", "wrong_password", {
      "zh-CN": "当前密码不正确",
      "en-US": "The current password is wrong",
    });
  }
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem) throw invalid("newPassword", "weak_password", problem);
  if (input.newPassword === input.currentPassword) {
    throw invalid("newPassword", "same_password", {
      "zh-CN": "新密码不能与当前密码相同",
      "en-US": "The new password must differ from the current one",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, actor.userId));
    if (actor.sessionId) {
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId)));
    }
    await tx.insert(authEvents).values({
      kind: "password_changed",
      userId: actor.userId,
      username: actor.username,
      at: now,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 300),
    });
  });
}

/** Saves the caller's preferences (the UI language, remembered per user). */
export async function updatePreferences(
  ctx: AppContext,
  actor: Actor,
  input: { locale: "zh-CN" | "en-US" },
): Promise<void> {
  const res = await ctx.database.db
    .update(users)
    .set({ locale: input.locale })
    .where(eq(users.id, actor.userId))
    .returning({ id: users.id });
  if (res.length === 0)
    throw new YizhanError("not_found", 404, { "zh-CN": "用户不存在", "en-US": "User not found" });
}
