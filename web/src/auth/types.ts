import type { ApiData } from "../api/client";

/** Roles a user holds in an organization (docs/api-conventions.md). */
export type Role =
  | "applicant"
  | "clerk"
  | "reviewer"
  | "approver"
  | "helper"
  | "supervisor"
  | "partner"
  | "admin";

export const ROLES: readonly Role[] = [
  "applicant",
  "clerk",
  "reviewer",
  "approver",
  "helper",
  "supervisor",
  "partner",
  "admin",
];

/** One role of the user in one organization. */
export type RoleMembership = Me["roles"][number];

/** The signed-in user as `GET /api/auth/me` answers (getMe). */
export type Me = ApiData<"/api/auth/me">;

/** The distinct role codes of a user. */
export function roleSet(me: Me | null | undefined): Set<Role> {
  return new Set((me?.roles ?? []).map((r) => r.role));
}
