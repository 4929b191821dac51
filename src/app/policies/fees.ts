import type { CasePolicyRecord } from "./cases";
import { mayReadCase, relatedTo } from "./cases";
import { allow } from "./registry";

// Fees of a case (收费单, payments, refunds): checked against the case record.
// Reading (the fees and the receipts): whoever may read the case itself — reviewers only the cases
// their department reviews (ADR 0006).
allow("case", "readFees", (a, c: CasePolicyRecord) => mayReadCase(a, c));
// Assessing: the window clerk or the approver (行政许可法 Art. 58–59: only fees a law provides for).
allow("case", "assessFees", (a, c: CasePolicyRecord) => relatedTo(a, c.orgPath, "clerk", "approver"));
// Payment at the window (cash, POS) is recorded by the clerk.
allow("case", "recordWindowPayment", (a, c: CasePolicyRecord) => relatedTo(a, c.orgPath, "clerk"));
// Online payment: the applicant (or the clerk who filed for them).
allow(
  "case",
  "payOnline",
  (a, c: CasePolicyRecord) => a.userId === c.applicantId || a.userId === c.createdBy,
);
// Refunds, with a reason: the clerk or the approver.
allow("case", "refundPayment", (a, c: CasePolicyRecord) => relatedTo(a, c.orgPath, "clerk", "approver"));
