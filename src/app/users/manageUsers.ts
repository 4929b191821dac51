/**
 * An administrator's work on accounts: create (within their organizations), edit the name and roles,
 * reset the password (a temporary one, shown once, to be changed at the next login), disable and
 * enable (a disabled account cannot log in and its sessions end). Each change checks the version the
 * administrator read (409 `version_conflict`) and is recorded in `auth_events`.
 */
import { randomInt } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { authEvents, organizations, roleMemberships, sessions, users } from "../../db/schema";
import { invalid, notFound, versionConflict } from "../../domain/errors";
import type { Role } from "../../domain/roles";
import type { ZResetPassword, ZSetUserActive, ZUpdateUser } from "../../shared/api/requests/admin";
import { type Actor, hasRoleOver } from "../actor";
import { type AuditEntry, changedFields, recordAdminAudit } from "../audit/adminAudit";
import { hashPassword } from "../auth/passwords";
import { TOTP_OFF } from "../auth/totp";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { staffChanged } from "../staff/staffCache";
import { createUser, type TCreateUser } from "./createUser";
import { presentUsers, type UserListItem } from "./listUsers";

type UserRow = typeof users.$inferSelect;

const userNotFound = () => notFound({ "zh-CN": "用户", "en-US": "User" });

/**
 * Checks roles an administrator hands out: staff roles name an existing organization within the
 * administrator's own (admin held there or above), the applicant role names none. Returns each
 * organization's id by code.
 */
async function checkRoles(
  ex: Executor,
  actor: Actor,
  roles: readonly { role: Role; org?: string }[],
): Promise<Map<string, { id: string; path: string }>> {
  const codes = [...new Set(roles.map((r) => r.org).filter((c): c is string => !!c))];
  const orgs = codes.length
    ? await ex
        .select({ id: organizations.id, code: organizations.code, path: organizations.path })
        .from(organizations)
        .where(inArray(organizations.code, codes))
    : [];
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  roles.forEach((r, i) => {
    const field = `roles[${i}].org`;
    if (r.role === "applicant") {
      if (r.org)
        throw invalid(field, "applicant_without_org", {
          "zh-CN": "申请人角色不属于任何机构",
          "en-US": "The applicant role belongs to no organization",
        });
      return;
    }
    if (!r.org)
      throw invalid(field, "required", {
        "zh-CN": "工作人员角色必须指定所属机构",
        "en-US": "A staff role needs an organization",
      });
    const org = byCode.get(r.org);
    if (!org)
      throw invalid(field, "unknown_org", {
        "zh-CN": `机构代码 ${r.org} 不存在`,
        "en-US": `No organization with code ${r.org}`,
      });
    if (!hasRoleOver(actor, org.path, "admin"))
      throw invalid(field, "outside_your_organizations", {
        "zh-CN": `您不是 ${r.org} 的管理员，不能授予该机构的角色`,
        "en-US": `You are not an administrator of ${r.org} and cannot grant roles there`,
      });
  });
  return new Map(orgs.map((o) => [o.code, { id: o.id, path: o.path }]));
}

type RoleRef = { role: Role; org?: string | null; path?: string | null };
const roleKey = (r: RoleRef) => (r.org ? `${r.role}@${r.org}` : r.role);

/** Audit entries for the roles granted and revoked between `before` and `after`. */
function roleChanges(user: UserRow, before: RoleRef[], after: RoleRef[]): AuditEntry[] {
  const had = new Set(before.map(roleKey));
  const has = new Set(after.map(roleKey));
  const entry = (action: string, r: RoleRef): AuditEntry => ({
    action,
    targetType: "user",
    targetId: user.id,
    targetLabel: user.username,
    orgPath: r.path ?? null,
    detail: { role: r.role, org: r.org ?? null },
  });
  return [
    ...after.filter((r) => !had.has(roleKey(r))).map((r) => entry("role.granted", r)),
    ...before.filter((r) => !has.has(roleKey(r))).map((r) => entry("role.revoked", r)),
  ];
}

/** The roles an account holds now, with their organizations. */
async function rolesOf(ex: Executor, userId: string): Promise<RoleRef[]> {
  return ex
    .select({ role: roleMemberships.role, org: organizations.code, path: organizations.path })
    .from(roleMemberships)
    .leftJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(eq(roleMemberships.userId, userId)) as Promise<RoleRef[]>;
}

/** The organization an account's entries belong to: that of its first staff role (null for applicants). */
const userOrgPath = (roles: RoleRef[]) => roles.find((r) => r.path)?.path ?? null;

/** Creates an account whose staff roles lie within the administrator's organizations; its list row. */
export async function createUserAsAdmin(
  ctx: AppContext,
  actor: Actor,
  input: TCreateUser,
): Promise<UserListItem> {
  authorize(actor, "create", "user", { id: "", orgPaths: [] });
  return ctx.database.db.transaction(async (tx) => {
    await checkRoles(tx, actor, input.roles);
    const { id } = await createUser(tx, input);
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    const roles = await rolesOf(tx, id);
    await recordAdminAudit(
      tx,
      actor,
      ctx.clock.now(),
      {
        action: "user.created",
        targetType: "user",
        targetId: id,
        targetLabel: row.username,
        orgPath: userOrgPath(roles),
        detail: { displayName: row.displayName, kind: row.kind },
      },
      ...roleChanges(row, [], roles),
    );
    const [item] = await presentUsers(tx, actor, [row], ctx.clock.now());
    return item;
  });
}

/**
 * Locks the user row, checks the actor may do `action` on it (404 when the user is outside the
 * actor's view) and that `expectedVersion` is current.
 */
async function lockUser(
  ex: Executor,
  actor: Actor,
  id: string,
  action: "update" | "deactivate" | "resetPassword",
  expectedVersion: number,
): Promise<UserRow> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).for("update");
  if (!row) throw userNotFound();
  const paths = await ex
    .select({ path: organizations.path })
    .from(roleMemberships)
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(eq(roleMemberships.userId, id));
  authorize(actor, action, "user", { id, orgPaths: paths.map((p) => p.path) });
  if (row.version !== expectedVersion) throw versionConflict(expectedVersion, row.version);
  return row;
}

async function record(
  ex: Executor,
  actor: Actor,
  user: UserRow,
  kind: "password_reset" | "account_updated" | "account_disabled" | "account_enabled" | "totp_reset",
  at: Date,
  detail: Record<string, unknown> = {},
) {
  await ex.insert(authEvents).values({
    kind,
    userId: user.id,
    username: user.username,
    at,
    ip: actor.ip,
    detail: { by: actor.username, ...detail },
  });
}

async function endSessions(ex: Executor, userId: string, at: Date) {
  await ex
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

async function listRow(ex: Executor, actor: Actor, row: UserRow, now: Date): Promise<UserListItem> {
  const [item] = await presentUsers(ex, actor, [row], now);
  if (!item) throw userNotFound();
  return item;
}

/** Changes an account's shown name and replaces its roles (each within the administrator's organizations). */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZUpdateUser>,
): Promise<UserListItem> {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const user = await lockUser(tx, actor, id, "update", input.expectedVersion);
    const orgIds = await checkRoles(tx, actor, input.roles);
    const before = await rolesOf(tx, id);
    const [saved] = await tx
      .update(users)
      .set({ displayName: input.displayName, version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    await tx.delete(roleMemberships).where(eq(roleMemberships.userId, id));
    const unique = [...new Map(input.roles.map((r) => [`${r.role}@${r.org ?? ""}`, r])).values()];
    if (unique.length) {
      await tx
        .insert(roleMemberships)
        .values(
          unique.map((r) => ({ userId: id, role: r.role, orgId: r.org ? orgIds.get(r.org)?.id : null })),
        );
    }
    const after = unique.map((r) => ({ ...r, path: r.org ? orgIds.get(r.org)?.path : null }));
    const renamed = changedFields(user, { displayName: input.displayName }, ["displayName"]);
    await recordAdminAudit(
      tx,
      actor,
      now,
      ...(Object.keys(renamed).length
        ? [
            {
              action: "user.updated",
              targetType: "user" as const,
              targetId: id,
              targetLabel: user.username,
              orgPath: userOrgPath(before),
              detail: renamed,
            },
          ]
        : []),
      ...roleChanges(user, before, after),
    );
    await record(tx, actor, user, "account_updated", now, {
      roles: unique.map((r) => (r.org ? `${r.role}@${r.org}` : r.role)),
    });
    return listRow(tx, actor, saved, now);
  });
  staffChanged();
  return row;
}

/** Disables (login refused, every session ended) or enables an account. */
export async function setUserActive(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZSetUserActive>,
): Promise<UserListItem> {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const user = await lockUser(tx, actor, id, "deactivate", input.expectedVersion);
    const [saved] = await tx
      .update(users)
      .set({ active: input.active, version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    if (!input.active) await endSessions(tx, id, now);
    if (input.active !== user.active) {
      await record(tx, actor, user, input.active ? "account_enabled" : "account_disabled", now);
      await recordAdminAudit(tx, actor, now, {
        action: input.active ? "user.enabled" : "user.disabled",
        targetType: "user",
        targetId: id,
        targetLabel: user.username,
        orgPath: userOrgPath(await rolesOf(tx, id)),
      });
    }
    return listRow(tx, actor, saved, now);
  });
  staffChanged();
  return row;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/** A random temporary password of 12 characters from {@link ALPHABET} (about 69 bits). */
export function temporaryPassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * Resets an account's password to a temporary one, returned once: the user must change it at the
 * next login (every other request is refused until then), the lockout is lifted and every session ends.
 */
export async function resetUserPassword(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZResetPassword>,
): Promise<{ temporaryPassword: string; user: UserListItem }> {
  const now = ctx.clock.now();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return ctx.database.db.transaction(async (tx) => {
    const user = await lockUser(tx, actor, id, "resetPassword", input.expectedVersion);
    const [saved] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        version: user.version + 1,
      })
      .where(eq(users.id, id))
      .returning();
    await endSessions(tx, id, now);
    await record(tx, actor, user, "password_reset", now);
    await recordAdminAudit(tx, actor, now, {
      action: "user.password_reset",
      targetType: "user",
      targetId: id,
      targetLabel: user.username,
      orgPath: userOrgPath(await rolesOf(tx, id)),
    });
    return { temporaryPassword: password, user: await listRow(tx, actor, saved, now) };
  });
}

/**
 * Turns an account's two-step login off (the staff member lost their phone): they log in with the
 * password alone and may enrol again. Every session ends; recorded in `auth_events` and the audit log.
 */
export async function resetUserTotp(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number },
): Promise<UserListItem> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const user = await lockUser(tx, actor, id, "resetPassword", input.expectedVersion);
    const [saved] = await tx
      .update(users)
      .set({ ...TOTP_OFF, version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    await endSessions(tx, id, now);
    await record(tx, actor, user, "totp_reset", now, { wasEnabled: user.totpEnabledAt !== null });
    await recordAdminAudit(tx, actor, now, {
      action: "user.totp_reset",
      targetType: "user",
      targetId: id,
      targetLabel: user.username,
      orgPath: userOrgPath(await rolesOf(tx, id)),
      detail: { wasEnabled: user.totpEnabledAt !== null },
    });
    return listRow(tx, actor, saved, now);
  });
}
