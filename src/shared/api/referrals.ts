/** Referrals (转办) on the wire: the matter, where it went, and the receiving body's progress. */
import { z } from "zod";
import { ZAbilities, ZInstant, ZJsonObject } from "./common";

const ZReferralStatus = z.enum(["sent", "received", "in_progress", "done"]);

export const ZReferral = z
  .object({
    id: z.string(),
    caseId: z.string().nullable().describe("The referred case; null for a matter registered only to refer"),
    caseNumber: z.string().nullable(),
    itemCode: z.string(),
    itemName: z.string(),
    fromOrgName: z.string(),
    toOrgCode: z.string(),
    toOrgName: z.string(),
    applicant: z.object({
      kind: z.enum(["person", "enterprise"]),
      name: z.string(),
      creditCode: z.string().nullable(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    details: ZJsonObject.describe("The matter as filed (form data); empty for those who may not see it"),
    reason: z.string(),
    policyReference: z.string(),
    status: ZReferralStatus,
    progress: z.array(
      z.object({
        status: ZReferralStatus,
        note: z.string(),
        at: ZInstant,
        actorId: z.string().nullable(),
        actorName: z.string(),
      }),
    ),
    referredAt: ZInstant,
    lastProgressAt: ZInstant,
    closedAt: ZInstant.nullable(),
    version: z.number(),
    abilities: ZAbilities,
  })
  .meta({ id: "Referral" });
export type TReferral = z.infer<typeof ZReferral>;

export const ZReferralList = z.object({ items: z.array(ZReferral) });
