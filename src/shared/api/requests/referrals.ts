/**
 * Requests of the referrals operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multilineText } from "../../text";

export const ZRegisterReferral = z.object({
  itemCode: z.string().min(1).max(60),
  applicantId: z.uuid(),
  toOrgCode: z.string().min(1).max(60),
  reason: multilineText(500).optional(),
  details: z.record(z.string(), z.unknown()).default({}),
});

export const ZReportReferralProgress = z.object({
  status: z.enum(["received", "in_progress", "done"]),
  note: multilineText(1000).default(""),
  expectedVersion: ZExpectedVersion.optional(),
});

export const ZListReferralsQuery = z.object({ open: z.string().max(5).pipe(z.stringbool()).optional() });

export const ZGetReferralParams = z.object({ id: z.string().max(60) });

export const ZReportReferralProgressParams = z.object({ id: z.string().max(60) });
