import type { Actor } from "../actor";
import { relatedTo } from "./cases";
import { allow } from "./registry";

/** What certificate and fee policies need to know: the issuing office's path and the holder. */
export type CertificatePolicyRecord = { orgPath: string; holderUserId: string };

declare module "./registry" {
  interface PolicyResources {
    certificate: CertificatePolicyRecord;
  }
}

const isHolder = (a: Actor, c: CertificatePolicyRecord) => a.userId === c.holderUserId;

// The holder and the issuing office's staff read a certificate and download it.
allow(
  "certificate",
  ["read", "download"],
  (a, c) =>
    isHolder(a, c) ||
    relatedTo(a, c.orgPath, "clerk", "reviewer", "approver", "supervisor", "helper", "admin"),
);
// 注销 / 撤销: the approver of the issuing office (行政许可法 Art. 69–70), with a reason.
allow("certificate", "revoke", (a, c) => relatedTo(a, c.orgPath, "approver"));
