/**
 * Shared data (数据共享) and material exchange on the wire: applicant profiles, the materials library,
 * the data-access log, partner material requests and the partners' directory.
 */
import { z } from "zod";
import { ZCase } from "./cases";
import { ZBilingual, ZInstant, ZLocalDate } from "./common";

/** An applicant's profile (identifiers masked except for the owner and the clerk handling `caseId`). */
export const ZApplicantProfile = z.object({
  id: z.string(),
  kind: z.enum(["person", "enterprise"]),
  name: z.string(),
  masked: z.boolean().describe("Identifiers are masked for the caller"),
  creditCode: z.string().nullable(),
  creditCodeValid: z.boolean().nullable().describe("The 统一社会信用代码 passes GB 32100"),
  legalRepresentative: z.string().nullable(),
  idNumber: z.string().nullable(),
  idNumberValid: z.boolean().nullable().describe("The 居民身份证号 passes GB 11643"),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  agents: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      itemName: z.string(),
      name: z.string(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      powerOfAttorney: z.boolean(),
    }),
  ),
});
export type TApplicantProfile = z.infer<typeof ZApplicantProfile>;

/** A material the applicant provided before (材料库), offered for reuse. */
export const ZReusableMaterial = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  materialCode: z.string(),
  name: z.string(),
  source: z.string(),
  sourceLabel: z.string().nullable(),
  checked: z.boolean(),
  validUntil: ZLocalDate.nullable(),
  providedAt: ZInstant,
  files: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
});
export type TReusableMaterial = z.infer<typeof ZReusableMaterial>;

/** What a shared-data fetch brought: the stored document, its stamp, validity and the provider's fields. */
export const ZSharedFetch = z.object({
  fileId: z.string(),
  sourceLabel: z.string(),
  validUntil: ZLocalDate.nullable(),
  fields: z.record(z.string(), z.string()),
});

/** One access to personal data (个人信息保护法 Art. 13, 51): who, when, why, whose. */
export const ZDataAccess = z.object({
  id: z.string(),
  at: ZInstant,
  actorName: z.string(),
  actorOrgName: z.string().nullable(),
  purpose: z.string(),
  datasetCode: z.string(),
  subjectCode: z.string().describe("Masked except for the subject themself"),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  connector: z.string(),
  outcome: z.enum(["ok", "not_found", "error"]),
});
export type TDataAccess = z.infer<typeof ZDataAccess>;

/** A material request to another department's window (跨部门材料调取). */
export const ZPartnerRequest = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    itemName: z.string(),
    fromOrgName: z.string(),
    toOrgName: z.string(),
    materialCode: z.string(),
    materialName: z.string(),
    note: z.string().nullable(),
    dueOn: ZLocalDate,
    status: z.enum(["open", "answered", "cancelled"]),
    answerFileId: z.string().nullable(),
    answerNote: z.string().nullable(),
    answeredAt: ZInstant.nullable(),
    requestedAt: ZInstant,
    version: z.number(),
    abilities: z.object({ answer: z.boolean() }),
  })
  .meta({ id: "PartnerRequest" });
export type TPartnerRequest = z.infer<typeof ZPartnerRequest>;

/** A record of the directory for its provider (subject codes of persons masked). */
export const ZSharedRecord = z.object({
  id: z.string(),
  datasetCode: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  fields: z.record(z.string(), z.string()),
  validUntil: ZLocalDate.nullable(),
  source: z.enum(["directory", "csv"]),
  hasDocument: z.boolean(),
  publishedAt: ZInstant,
});
export type TSharedRecord = z.infer<typeof ZSharedRecord>;

/** A dataset the caller publishes or imports, with its newest records. */
export const ZSharedDataset = z.object({
  code: z.string(),
  name: z.string(),
  providerOrgCode: z.string(),
  subjectCode: z.enum(["uscc", "resident_id", "uscc_or_resident_id"]),
  note: z.string().optional(),
  providerName: z.string(),
  records: z.array(ZSharedRecord),
});

/** What a CSV import did: rows imported, rows refused with their line and reason. */
export const ZImportReport = z.object({
  imported: z.number(),
  rejected: z.array(z.object({ line: z.number(), field: z.string(), code: z.string(), message: ZBilingual })),
});

export const ZReusableMaterialList = z.object({ items: z.array(ZReusableMaterial) });

/** The answer to fetching shared data into a material: what was fetched and the case as it is now. */
export const ZSharedDataFetched = z.object({ fetched: ZSharedFetch, case: ZCase });

export const ZDataAccessList = z.object({ items: z.array(ZDataAccess) });

export const ZPartnerRequestList = z.object({ items: z.array(ZPartnerRequest) });

export const ZSharedDatasetList = z.object({ items: z.array(ZSharedDataset) });
