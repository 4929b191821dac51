import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import type { Actor, Membership } from "../actor";

/** Loads a user with their role memberships as an {@link Actor}, or null when absent or inactive. */
export async function loadActor(ex: Executor, userId: string): Promise<Actor | null> {
  const [user] = await ex.select().from(users).where(eq(users.id, userId));
  return user ? actorFromUser(ex, user) : null;
}

/** The {@link Actor} of an already loaded user row (adds the role memberships), or null when inactive. */
export async function actorFromUser(ex: Executor, user: typeof users.$inferSelect): Promise<Actor | null> {
  const userId = user.id;
  if (!user.active) return null;
  const rows = await ex
    .select({
      role: roleMemberships.role,
      orgId: roleMemberships.orgId,
      orgCode: organizations.code,
      orgName: organizations.name,
      orgPath: organizations.path,
    })
    .from(roleMemberships)
    .leftJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(eq(roleMemberships.userId, userId));
  const memberships: Membership[] = rows.map((r) => ({
    role: r.role,
    orgId: r.orgId,
    orgCode: r.orgCode ?? null,
    orgName: r.orgName ?? null,
    orgPath: r.orgPath ?? null,
  }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    locale: user.locale,
    memberships,
  };
}
