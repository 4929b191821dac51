import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import { maskIdentifier, maskPhone } from "../../domain/rules/identifiers";
import { groupBy } from "../../shared/collections";
import { type Actor, orgPathsWithRole } from "../actor";
import { abilities, authorize } from "../policies";

/** A user as an administrator's list shows it: identifiers masked, roles with organizations. */
export type UserListItem = {
  id: string;
  username: string;
  displayName: string;
  kind: "staff" | "person" | "enterprise";
  active: boolean;
  locked: boolean;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
  roles: { role: string; orgCode: string | null; orgName: string | null }[];
  abilities: Record<string, boolean>;
};

/**
 * Users the administrator may see (row scoping): staff holding a role in an organization under one
 * where the actor is admin, and every applicant. Personal identifiers are masked.
 */
export async function listUsers(ex: Executor, actor: Actor, now: Date): Promise<UserListItem[]> {
  authorize(actor, "create", "user", { id: "", orgPaths: [] });
  const adminPaths = orgPathsWithRole(actor, "admin");
  const rows = await ex.select().from(users).orderBy(asc(users.username));
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
