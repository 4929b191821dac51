import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import { forbidden } from "../../domain/errors";
import { type Actor, hasRole, type Role } from "../actor";

/** Roles whose holders work in a window or section (the roster lists them). */
export const ROSTER_ROLES: readonly Role[] = ["clerk", "reviewer", "approver", "helper", "supervisor"];

export type Org = { id: string; name: string; kind: string; path: string };

/** The top organization (bureau) of a path: `/HY-ZRZY/HY-ZRZY-SP/` → `/HY-ZRZY/`. */
const rootOf = (path: string) => `/${path.split("/")[1] ?? ""}/`;

/**
 * The bureaus whose staff the actor manages (日常管理): those where they are supervisor (股负责人) or
 * admin — the section head manages the window staff although the window is not below the section,
 * as for training (docs/training.md).
 */
function managedRoots(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return [
    ...new Set(
      actor.memberships
        .filter((m) => (m.role === "supervisor" || m.role === "admin") && m.orgPath)
        .map((m) => rootOf(m.orgPath as string)),
    ),
  ];
}

/** 403 unless the actor is a supervisor or admin (staff management). */
export function requireManager(actor: Actor, action: string): string[] {
  const roots = managedRoots(actor);
  if (!roots.length || !hasRole(actor, "supervisor", "admin")) throw forbidden(action);
  return roots;
}

/** True when a window or section at `path` is managed by the actor. */
export const manages = (roots: string[], path: string) => roots.some((r) => path.startsWith(r));

/** The windows and sections of the managed bureaus: windows first, then in tree order. */
export async function managedOrgs(ex: Executor, roots: string[]): Promise<Org[]> {
  const rows = await ex
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      path: organizations.path,
    })
    .from(organizations)
    .where(inArray(organizations.kind, ["window", "section"]));
  // The windows first (the front line), then the sections in tree order.
  return rows
    .filter((o) => manages(roots, o.path))
    .sort(
      (a, b) => Number(b.kind === "window") - Number(a.kind === "window") || a.path.localeCompare(b.path),
    );
}

export type Person = {
  id: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  orgIds: string[];
};

/** Active staff with a roster role in one of `orgIds`. */
export async function staffOf(ex: Executor, orgIds: string[]): Promise<Person[]> {
  if (!orgIds.length) return [];
  const rows = await ex
    .select({
      id: users.id,
      displayName: users.displayName,
      phone: users.phone,
      role: roleMemberships.role,
      orgId: roleMemberships.orgId,
    })
    .from(users)
    .innerJoin(roleMemberships, eq(roleMemberships.userId, users.id))
    .where(and(eq(users.kind, "staff"), eq(users.active, true), inArray(roleMemberships.orgId, orgIds)))
    .orderBy(users.username);
  const byId = new Map<string, Person>();
  for (const r of rows) {
    if (!ROSTER_ROLES.includes(r.role) || !r.orgId) continue;
    const p = byId.get(r.id) ?? {
      id: r.id,
      displayName: r.displayName,
      phone: r.phone,
      roles: [],
      orgIds: [],
    };
    if (!p.roles.includes(r.role)) p.roles.push(r.role);
    if (!p.orgIds.includes(r.orgId)) p.orgIds.push(r.orgId);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}
