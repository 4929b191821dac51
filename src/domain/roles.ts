/** Roles a user may hold, each in an organization (applicants hold `applicant` without one). */
export const ROLES = [
  "applicant",
  "clerk",
  "reviewer",
  "approver",
  "helper",
  "supervisor",
  "partner",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of account: staff, and applicants as persons (居民) or enterprises (企业). */
export const USER_KINDS = ["staff", "person", "enterprise"] as const;

/** Kinds of organization in the tree: the bureau, its sections and windows, townships, other departments. */
export const ORGANIZATION_KINDS = ["bureau", "section", "window", "township", "department"] as const;
