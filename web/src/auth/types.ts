import type { Locale } from "../api/ApiError";

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

export type RoleMembership = {
  role: Role;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
};

/** The signed-in user as `GET /api/auth/me` answers. */
export type Me = {
  id: string;
  username: string;
  displayName: string;
  kind: "staff" | "person" | "enterprise";
  locale: Locale;
  roles: RoleMembership[];
  abilities: Record<string, boolean>;
  csrfToken: string;
};

/** The distinct role codes of a user. */
export function roleSet(me: Me | null | undefined): Set<Role> {
  return new Set((me?.roles ?? []).map((r) => r.role));
}
