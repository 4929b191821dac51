import type { Executor } from "../../db/client";
import type { Actor } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";

/** Where a person's identifiers were shown whole. */
export type PersonalDataRead = {
  /** The applicant's account; null for a person a referral names without one. */
  applicantId: string | null;
  /** The applicant's name, as lists show it (never an identifier). */
  applicantLabel?: string | null;
  /** The organization of the case read (the bureau's supervisors read the entry). */
  orgPath: string | null;
  via: "case" | "applicant_profile" | "referral";
  caseId?: string;
  caseNumber?: string;
  referralId?: string;
  /** The identifiers shown whole (`idNumber`, `phone`, `agent.phone`…); nothing is recorded when empty. */
  fields: string[];
};

/**
 * Records that `actor` was shown another person's identifiers unmasked (issue 16 point 8): one
 * `personal_data.read` entry of the append-only audit log (`admin_audit_entries`, target `applicant`),
 * which the bureau's administrators and supervisors read on the audit page. The person reading their
 * own data is not recorded.
 */
export async function recordPersonalDataRead(ex: Executor, actor: Actor, at: Date, r: PersonalDataRead) {
  if (actor.userId === r.applicantId || !r.fields.length) return;
  await recordAdminAudit(ex, actor, at, {
    action: "personal_data.read",
    targetType: "applicant",
    targetId: r.applicantId,
    targetLabel: r.applicantLabel ?? null,
    orgPath: r.orgPath,
    detail: {
      via: r.via,
      caseId: r.caseId ?? null,
      caseNumber: r.caseNumber ?? null,
      ...(r.referralId ? { referralId: r.referralId } : {}),
      fields: r.fields,
    },
  });
}

/** The identifier fields of an applicant and agent snapshot that hold a value. */
export function identifierFields(
  applicant: { idNumber?: string | null; phone?: string | null },
  agent?: { idNumber?: string | null; phone?: string | null } | null,
): string[] {
  return [
    ...(applicant.idNumber ? ["idNumber"] : []),
    ...(applicant.phone ? ["phone"] : []),
    ...(agent?.phone ? ["agent.phone"] : []),
  ];
}
