import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import { maskIdentifier, maskPhone } from "../../domain/rules/identifiers";
import type { ZListUsersQuery } from "../../shared/api/requests/admin";
import { groupBy } from "../../shared/collections";
import { type Actor, orgPathsWithRole } from "../actor";
import { abilities, authorize } from "../policies";

export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

/** A user as an administrator's list shows it: identifiers masked, roles with organizations. */
export type UserListItem = {
  id: string;
  username: string;
  displayName: string;
  kind: "staff" | "person" | "enterprise";
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  version: number;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
  roles: { role: string; orgCode: string | null; orgName: string | null }[];
  abilities: Record<string, boolean>;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Users the administrator may see (row scoping): staff holding a role in an organization under one
 * where the actor is admin, and every applicant. Personal identifiers are masked. Filters: `q` (part of
 * the username or the name), `role` (holds it), `org` (holds a role there or below), `active`.
 */
export async function listUsers(
  ex: Executor,
  actor: Actor,
  now: Date,
  query: TListUsersQuery = {},
): Promise<UserListItem[]> {
  authorize(actor, "create", "user", { id: "", orgPaths: [] });
  const where: SQL[] = [];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like)) as SQL);
  }
  if (query.active) where.push(eq(users.active, query.active === "true"));
  if (query.role) {
    where.push(
      sql`exists (select 1 from role_memberships rm where rm.user_id = ${users.id} and rm.role = ${query.role})`,
    );
  }
  if (query.org) {
    where.push(sql`exists (select 1 from role_memberships rm join organizations o on o.id = rm.org_id
      where rm.user_id = ${users.id}
        and o.path like (select path from organizations where code = ${query.org}) || '%')`);
  }
  const rows = await ex
    .select()
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.username));
  return presentUsers(ex, actor, rows, now);
}

/** The list rows of `rows` the actor may see, with their roles and the actor's abilities on each. */
export async function presentUsers(
  ex: Executor,
  actor: Actor,
  rows: (typeof users.$inferSelect)[],
  now: Date,
): Promise<UserListItem[]> {
  const adminPaths = orgPathsWithRole(actor, "admin");
  const memberships = rows.length
    ? await ex
        .select({
          userId: roleMemberships.userId,
          role: roleMemberships.role,
          orgCode: organizations.code,
          orgName: organizations.name,
          orgPath: organizations.path,
        })
        .from(roleMemberships)
        .leftJoin(organizations, eq(organizations.id, roleMemberships.orgId))
        .where(
          inArray(
            roleMemberships.userId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(roleMemberships.createdAt), asc(roleMemberships.id))
    : [];
  const byUser = groupBy(memberships, (m) => m.userId);
  return rows
    .map((u) => ({ u, ms: byUser.get(u.id) ?? [] }))
    .filter(({ ms }) => {
      const paths = ms.map((m) => m.orgPath).filter((p): p is string => !!p);
      return paths.length === 0 || paths.some((p) => adminPaths.some((a) => p.startsWith(a)));
    })
    .map(({ u, ms }) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      kind: u.kind,
      active: u.active,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      mustChangePassword: u.mustChangePassword,
      version: u.version,
      idNumberMasked: u.idNumber ? maskIdentifier(u.idNumber) : null,
      creditCode: u.creditCode,
      phoneMasked: u.phone ? maskPhone(u.phone) : null,
      roles: ms.map((m) => ({ role: m.role, orgCode: m.orgCode ?? null, orgName: m.orgName ?? null })),
      abilities: abilities(actor, "user", {
        id: u.id,
        orgPaths: ms.map((m) => m.orgPath).filter((p): p is string => !!p),
      }),
    }));
}
