import type { Actor, Role } from "../actor";
import { allow } from "../policies/registry";

/** An inquiry as the policies see it: the answering office's path, its owner and status. */
export type InquiryPolicyRecord = {
  orgPath: string;
  ownerId: string | null;
  status: "unclaimed" | "open" | "answered";
  itemCode: string | null;
  faqPublished: boolean;
};

declare module "../policies/registry" {
  interface PolicyResources {
    inquiry: InquiryPolicyRecord;
  }
}

/** The top of an organization's tree (`/HY-ZRZY/` of `/HY-ZRZY/HY-ZRZY-WIN/`): the offices that reach each other. */
export function rootPath(orgPath: string): string {
  const first = orgPath.split("/").filter(Boolean)[0];
  return first ? `/${first}/` : "/";
}

/** True when the actor holds one of `roles` somewhere in the tree the inquiry's office belongs to. */
export function inTree(a: Actor, orgPath: string, ...roles: Role[]): boolean {
  const root = rootPath(orgPath);
  return a.memberships.some((m) => roles.includes(m.role) && m.orgPath?.startsWith(root) === true);
}

const owns = (a: Actor, r: InquiryPolicyRecord) => r.ownerId !== null && r.ownerId === a.userId;

// The desk: the window's clerks and the supervisors of the tree see every inquiry; the owner sees hers.
allow("inquiry", "read", (a, r) => owns(a, r) || inTree(a, r.orgPath, "clerk", "supervisor", "admin"));
// An online question without owner: the first clerk of the tree who claims it owns it.
allow("inquiry", "claim", (a, r) => r.status === "unclaimed" && inTree(a, r.orgPath, "clerk"));
// 首问负责: only the owner answers or hands over; the supervisor may step in (or assign an unclaimed one).
allow(
  "inquiry",
  ["answer", "handOver"],
  (a, r) => r.status !== "answered" && (owns(a, r) || inTree(a, r.orgPath, "supervisor")),
);
allow(
  "inquiry",
  "publishFaq",
  (a, r) =>
    r.status === "answered" &&
    r.itemCode !== null &&
    !r.faqPublished &&
    inTree(a, r.orgPath, "clerk", "supervisor"),
);
/** The asker's contact, whole: the owner (to call back) and the supervisor. */
allow("inquiry", "seeContact", (a, r) => owns(a, r) || inTree(a, r.orgPath, "supervisor"));
