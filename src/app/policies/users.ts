import { hasRole, hasRoleOver } from "../actor";
import { allow } from "./registry";

/** What a user policy needs to know about a user record. */
export type UserPolicyRecord = { id: string; orgPaths: string[] };

declare module "./registry" {
  interface PolicyResources {
    user: UserPolicyRecord;
  }
}

// Everyone may read and edit their own account.
allow("user", ["read", "updateSelf"], (a, u) => a.userId === u.id);
// Admins manage staff in their organization tree; applicants (no organization) by any admin.
allow("user", ["read", "update", "deactivate", "resetPassword"], (a, u) =>
  u.orgPaths.length === 0
    ? hasRole(a, "admin")
    : u.orgPaths.every((p) => hasRoleOver(a, p, "admin")) && a.userId !== u.id,
);
allow("user", "create", (a) => hasRole(a, "admin"));
