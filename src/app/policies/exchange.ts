import type { Actor } from "../actor";
import { relatedTo } from "./cases";
import { allow } from "./registry";

/** A shared dataset as policies see it: the path of its provider organization. */
export type SharedDatasetPolicyRecord = { providerOrgPath: string | null };
/** A partner material request: who asked (case organization) and which window answers. */
export type PartnerRequestPolicyRecord = { fromOrgPath: string; toOrgPath: string; status: string };
/** A referral: from the bureau's tree to the receiving body, about an applicant. */
export type ReferralPolicyRecord = {
  fromOrgPath: string;
  toOrgPath: string;
  applicantId: string | null;
  status: string;
};

declare module "./registry" {
  interface PolicyResources {
    sharedDataset: SharedDatasetPolicyRecord;
    partnerRequest: PartnerRequestPolicyRecord;
    referral: ReferralPolicyRecord;
  }
}

/** True when the actor holds `partner` at the organization at `orgPath` (or above it). */
const partnerOf = (a: Actor, orgPath: string | null) =>
  orgPath !== null &&
  a.memberships.some((m) => m.role === "partner" && m.orgPath !== null && orgPath.startsWith(m.orgPath));
const isAdmin = (a: Actor) => a.memberships.some((m) => m.role === "admin");

// The directory: the provider department publishes its own dataset; admins import offline data.
allow("sharedDataset", "publish", (a, d) => partnerOf(a, d.providerOrgPath));
allow("sharedDataset", ["publish", "import"], (a) => isAdmin(a));

// Material requests (跨部门材料调取): the case's window asks, the other department's window answers.
allow(
  "partnerRequest",
  "read",
  (a, r) => partnerOf(a, r.toOrgPath) || relatedTo(a, r.fromOrgPath, "clerk", "supervisor", "admin"),
);
allow("partnerRequest", "answer", (a, r) => r.status === "open" && partnerOf(a, r.toOrgPath));

// Referrals (转办): the receiving body reports progress; the window and the applicant follow it.
allow(
  "referral",
  "read",
  (a, r) =>
    partnerOf(a, r.toOrgPath) ||
    a.userId === r.applicantId ||
    relatedTo(a, r.fromOrgPath, "clerk", "supervisor", "helper", "admin"),
);
allow("referral", "reportProgress", (a, r) => r.status !== "done" && partnerOf(a, r.toOrgPath));
/** Who sees the applicant's full identifiers on a referral: the receiving body and the referring window. */
allow(
  "referral",
  "seePersonalData",
  (a, r) => partnerOf(a, r.toOrgPath) || a.userId === r.applicantId || relatedTo(a, r.fromOrgPath, "clerk"),
);
