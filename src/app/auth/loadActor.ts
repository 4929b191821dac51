import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { users } from "../../db/schema";
import type { Actor, Membership } from "../actor";

/**
 * The role memberships of the `users` row of the query as one JSON array, for a select list: a user
 * and their roles are read in one statement (the session lookup runs on every request).
 */
export function membershipsJson() {
  return sql<Membership[]>`coalesce((select json_agg(json_build_object('role', rm.role, 'orgId', rm.org_id,
    'orgCode', o.code, 'orgName', o.name, 'orgPath', o.path))
    from role_memberships rm left join organizations o on o.id = rm.org_id where rm.user_id = "users"."id"), '[]')`;
}

/** Loads a user with their role memberships as an {@link Actor}, or null when absent or inactive. */
export async function loadActor(ex: Executor, userId: string): Promise<Actor | null> {
  const [row] = await ex
    .select({ u: users, memberships: membershipsJson() })
    .from(users)
    .where(eq(users.id, userId));
  return row ? actorOf(row.u, row.memberships) : null;
}

/** The {@link Actor} of a user row and their memberships (both already read), or null when inactive. */
export function actorOf(user: typeof users.$inferSelect, memberships: Membership[]): Actor | null {
  if (!user.active) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    careMode: user.careMode,
    memberships: memberships.map((m) => ({
      role: m.role,
      orgId: m.orgId,
      orgCode: m.orgCode ?? null,
      orgName: m.orgName ?? null,
      orgPath: m.orgPath ?? null,
    })),
  };
}
