/**
 * Requests of the exchange operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { multilineText } from "../../text";

export const ZRequestPartnerMaterial = z.object({
  toOrgCode: z.string().min(1).max(60),
  materialCode: z.string().min(1).max(60),
  dueOn: z.iso.date().optional(),
  note: multilineText(500).optional(),
});

export const ZPublishRecord = z.object({
  subjectCode: z.string().min(15).max(18),
  subjectName: z.string().min(1).max(200),
  fields: z.record(z.string().min(1).max(60), z.string().max(500)).default({}),
  validUntil: z.iso.date().nullable().optional(),
});

export const ZFetchSharedMaterial = z.object({
  /** The applicant consents (online), or declared consent at the window (the clerk records it). */
  consent: z.boolean().default(false),
  /** Why the data is fetched; defaults to the case and item. */
  purpose: z.string().min(2).max(200).optional(),
});

export const ZAttachReusable = z.object({ fromMaterialId: z.uuid() });

export const ZCaseMaterialParams = z.object({ id: z.uuid(), code: z.string().min(1).max(60) });

export const ZGetApplicantProfileParams = z.object({ id: z.uuid() });

export const ZGetApplicantProfileQuery = z.object({ caseId: z.uuid().optional() });

export const ZListReusableMaterialsParams = z.object({ id: z.uuid() });

export const ZListReusableMaterialsQuery = z.object({ materialCode: z.string().max(60).optional() });

export const ZListDataAccessLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const ZRequestPartnerMaterialParams = z.object({ id: z.uuid() });

export const ZListPartnerRequestsQuery = z.object({ status: z.enum(["open", "answered"]).optional() });

export const ZAnswerPartnerRequestParams = z.object({ id: z.string().max(60) });

export const ZPublishSharedRecordParams = z.object({ dataset: z.string().min(1).max(60) });

export const ZImportSharedCsvBody = z.object({
  dataset: z.string().min(1).max(60),
  csv: multilineText(10_000_000).min(1),
});
