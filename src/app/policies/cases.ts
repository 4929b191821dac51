import type { Actor, Role } from "../actor";
import { allow } from "./registry";

/** What case policies need to know about a case. */
export type CasePolicyRecord = {
  orgPath: string;
  applicantId: string;
  createdBy: string;
  handlingType: "immediate" | "promised";
  /** Departments with a review task on the case. */
  reviewOrgPaths: string[];
};

/** What review-task policies need to know about a task. */
export type ReviewTaskPolicyRecord = { orgPath: string; status: string; claimedBy: string | null };

declare module "./registry" {
  interface PolicyResources {
    case: CasePolicyRecord;
    reviewTask: ReviewTaskPolicyRecord;
  }
}

/**
 * True when the actor holds one of `roles` in the case's organization tree: at the organization, above
 * it (the bureau), or below it (a section of the implementing bureau reviewing its case).
 */
export function relatedTo(actor: Actor, orgPath: string, ...roles: Role[]): boolean {
  return actor.memberships.some(
    (m) =>
      roles.includes(m.role) &&
      m.orgPath !== null &&
      (orgPath.startsWith(m.orgPath) || m.orgPath.startsWith(orgPath)),
  );
}

const isApplicant = (a: Actor, c: CasePolicyRecord) => a.userId === c.applicantId;
const isCreator = (a: Actor, c: CasePolicyRecord) => a.userId === c.createdBy;

/**
 * True when the actor is a reviewer of a department with a review task on the case (ADR 0006): the
 * only way a reviewer reads a case — or anything of it: fees, receipts, certificates, the access log.
 */
export function reviewsCase(a: Actor, reviewOrgPaths: readonly string[]): boolean {
  return a.memberships.some(
    (m) =>
      m.role === "reviewer" &&
      m.orgPath !== null &&
      reviewOrgPaths.some((p) => p.startsWith(m.orgPath as string)),
  );
}

/**
 * Who may read a case and what belongs to it (ADR 0006): the applicant; window, approvers, supervisors,
 * helpers and admins of the organization tree; reviewers only cases with a task in their department (the
 * same rule as the case list's scope, `caseScope`). Records of a case (fees, certificates) use this too.
 */
export function mayReadCase(
  a: Actor,
  c: Pick<CasePolicyRecord, "orgPath" | "applicantId" | "reviewOrgPaths">,
): boolean {
  return (
    a.userId === c.applicantId ||
    relatedTo(a, c.orgPath, "clerk", "approver", "supervisor", "helper", "admin") ||
    reviewsCase(a, c.reviewOrgPaths)
  );
}

allow("case", "read", mayReadCase);

// The applicant (or the clerk who filed at the window on the applicant's behalf) edits and submits.
allow(
  "case",
  ["updateDraft", "submit", "resubmit", "withdraw", "uploadMaterial"],
  (a, c) => isApplicant(a, c) || isCreator(a, c),
);
allow("case", ["uploadMaterial", "withdraw"], (a, c) => relatedTo(a, c.orgPath, "clerk"));

// 容缺后补: the applicant delivers online, or the window scans what is handed in; the window checks it.
allow(
  "case",
  "deliverDeferred",
  (a, c) => isApplicant(a, c) || isCreator(a, c) || relatedTo(a, c.orgPath, "clerk"),
);
allow("case", "checkDeferred", (a, c) => relatedTo(a, c.orgPath, "clerk"));

// The window: check materials, one-time notice, accept or refuse, refer, issue and complete.
allow(
  "case",
  ["checkMaterials", "requestCorrection", "accept", "refuse", "refer", "issue", "complete"],
  (a, c) => relatedTo(a, c.orgPath, "clerk"),
);
// Immediate items (即办件) are decided at the window, on the spot (Art. 34).
allow("case", "decide", (a, c) => c.handlingType === "immediate" && relatedTo(a, c.orgPath, "clerk"));

// The approver decides, approves special procedures and the one extension (Art. 42, 45).
allow("case", ["decide", "suspend", "resume", "extend", "sendBack"], (a, c) =>
  relatedTo(a, c.orgPath, "approver"),
);

// Review tasks: reviewers of the task's own department (not another department's).
const ownDepartment = (a: Actor, t: ReviewTaskPolicyRecord) =>
  a.memberships.some((m) => m.role === "reviewer" && m.orgPath !== null && t.orgPath.startsWith(m.orgPath));
allow(
  "reviewTask",
  "claim",
  (a, t) => ownDepartment(a, t) && (t.status === "open" || t.status === "returned"),
);
allow(
  "reviewTask",
  ["comment", "complete"],
  (a, t) => ownDepartment(a, t) && (t.claimedBy === null || t.claimedBy === a.userId),
);
