import type { ROLES } from "../domain/roles";

export type Role = (typeof ROLES)[number];

/** A role the actor holds, with the organization it is held in (null for applicants). */
export type Membership = {
  role: Role;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
  /** Materialized path of the organization (`/HY-ZRZY/HY-ZRZY-GH/`); covers every org below it. */
  orgPath: string | null;
};

/** Who is acting: the authenticated user with their role memberships. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  kind: "staff" | "person" | "enterprise";
  locale: "zh-CN" | "en-US";
  /** 关怀模式 chosen by the user (absent for actors not read from a user row: treated as off). */
  careMode?: boolean;
  memberships: Membership[];
  /** An administrator reset the password: only changing it (and reading `me`, logging out) is allowed. */
  mustChangePassword?: boolean;
  sessionId?: string;
  ip?: string;
};

/** True when the actor holds `role` anywhere. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}

/**
 * True when the actor holds one of `roles` in the organization at `orgPath` or in an organization
 * above it (a role held at the bureau covers its sections and windows).
 */
export function hasRoleOver(actor: Actor, orgPath: string, ...roles: Role[]): boolean {
  return actor.memberships.some(
    (m) => roles.includes(m.role) && m.orgPath !== null && orgPath.startsWith(m.orgPath),
  );
}

/** Paths of the organizations where the actor holds one of `roles` (for row scoping). */
export function orgPathsWithRole(actor: Actor, ...roles: Role[]): string[] {
  return actor.memberships.filter((m) => roles.includes(m.role) && m.orgPath).map((m) => m.orgPath as string);
}
