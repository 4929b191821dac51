import type { Actor } from "../actor";
import { relatedTo, reviewsCase } from "./cases";
import { allow } from "./registry";

/**
 * What certificate policies need to know: the issuing office's path, the holder, and the departments
 * with a review task on the case it was issued for (reviewers read only those, ADR 0006).
 */
export type CertificatePolicyRecord = { orgPath: string; holderUserId: string; reviewOrgPaths: string[] };

declare module "./registry" {
  interface PolicyResources {
    certificate: CertificatePolicyRecord;
  }
}

const isHolder = (a: Actor, c: CertificatePolicyRecord) => a.userId === c.holderUserId;

// The holder and the issuing office's staff read a certificate and download it (JSON, PDF); a reviewer
// only the certificate of a case their department reviewed (the case-read rule, ADR 0006).
allow(
  "certificate",
  ["read", "download"],
  (a, c) =>
    isHolder(a, c) ||
    relatedTo(a, c.orgPath, "clerk", "approver", "supervisor", "helper", "admin") ||
    reviewsCase(a, c.reviewOrgPaths),
);
// 注销 / 撤销: the approver of the issuing office (行政许可法 Art. 69–70), with a reason.
allow("certificate", "revoke", (a, c) => relatedTo(a, c.orgPath, "approver"));
