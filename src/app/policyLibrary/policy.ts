import { type Actor, hasRole, type Role } from "../actor";
import { allow } from "../policies/registry";

/** A policy document as the policies see it: whether it is in force and cited by a published item. */
export type PolicyDocumentRecord = { status: string; linkedToItem: boolean };
/** A change notice as the policies see it: the path of the issuing organization. */
export type ChangeNoticeRecord = { orgPath: string; onRoster: boolean; acknowledged: boolean };

declare module "../policies/registry" {
  interface PolicyResources {
    policyDocument: PolicyDocumentRecord;
    changeNotice: ChangeNoticeRecord;
  }
}

/** Roles whose holders are staff: they read the library and acknowledge notices addressed to them. */
export const LIBRARY_STAFF_ROLES: readonly Role[] = [
  "clerk",
  "reviewer",
  "approver",
  "helper",
  "supervisor",
  "admin",
];

export const isLibraryStaff = (a: Actor) => a.kind === "staff" && hasRole(a, ...LIBRARY_STAFF_ROLES);
/** The section head (股负责人) and the administrator keep the library. */
export const mayEditLibrary = (a: Actor) => a.kind === "staff" && hasRole(a, "supervisor", "admin");

/** The top organization (bureau) of a path: `/HY-ZRZY/HY-ZRZY-SP/` → `/HY-ZRZY/`. */
export const bureauOf = (path: string) => `/${path.split("/")[1] ?? ""}/`;
/** True when the actor is a supervisor (or admin) of the bureau `orgPath` belongs to. */
export const supervisesBureau = (a: Actor, orgPath: string) =>
  a.kind === "staff" &&
  a.memberships.some(
    (m) =>
      (m.role === "supervisor" || m.role === "admin") &&
      !!m.orgPath &&
      bureauOf(m.orgPath) === bureauOf(orgPath),
  );

// Staff read everything; anyone (the public guide) reads an in-force document an item cites.
allow("policyDocument", "read", (a, d) => isLibraryStaff(a) || (d.status === "in_force" && d.linkedToItem));
allow("policyDocument", "update", (a) => mayEditLibrary(a));
allow("policyDocument", "markRead", (a) => isLibraryStaff(a));

allow("changeNotice", "read", (a, n) => n.onRoster || supervisesBureau(a, n.orgPath));
allow("changeNotice", "acknowledge", (_a, n) => n.onRoster && !n.acknowledged);
allow("changeNotice", "seeAcknowledgements", (a, n) => supervisesBureau(a, n.orgPath));
