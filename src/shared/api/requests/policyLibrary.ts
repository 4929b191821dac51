/**
 * Requests of the 政策文件库 operations (issue 17): bodies, path parameters and query strings as the
 * routes validate them and the typed client sends them.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multiline } from "../../text";
import { ZPolicyLevel, ZPolicyStatus } from "../policyLibrary";
import { ZUploadFile } from "./uploads";

export const ZPolicyIdParams = z.object({ id: z.uuid() });
// At most 64, as an item code (ZCodeParam): the router refuses a path parameter over 100 characters (414).
export const ZItemCodeParams = z.object({ code: z.string().trim().min(1).max(64) });

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

const filters = {
  status: ZPolicyStatus.optional(),
  level: ZPolicyLevel.optional(),
  issuer: z.string().trim().min(1).max(200).optional().describe("Issuer contains this text"),
  itemId: z.uuid().optional().describe("Only documents cited by this service item"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const ZListPoliciesQuery = z.object({
  ...filters,
  tag: z.string().trim().min(1).max(50).optional(),
});
export type TListPolicies = z.infer<typeof ZListPoliciesQuery>;

export const ZSearchPoliciesQuery = z.object({
  q: z.string().trim().min(1).max(100).describe("A few words or a 文号"),
  ...filters,
});
export type TSearchPolicies = z.infer<typeof ZSearchPoliciesQuery>;

const ZItemLinkInput = z.object({
  itemId: z.uuid(),
  basisTitle: z
    .string()
    .trim()
    .max(200)
    .default("")
    .describe("The item's 设定依据 entry (its title) this document backs; '' for a related document"),
});

export const ZPolicyInput = z.object({
  title: z.string().trim().min(2).max(200),
  docNumber: z.string().trim().max(100).default("").describe("文号, e.g. 自然资规〔2019〕4号"),
  issuer: z.string().trim().min(2).max(200),
  level: ZPolicyLevel,
  issuedOn: ZDate.nullable().default(null),
  effectiveOn: ZDate.nullable().default(null),
  repealedOn: ZDate.nullable().default(null),
  status: ZPolicyStatus,
  amendedById: z.uuid().nullable().default(null).describe("The document amending it (status amended)"),
  repealedById: z.uuid().nullable().default(null).describe("The document repealing it (status repealed)"),
  summary: multiline(z.string().trim().max(4000)).default(""),
  fullText: multiline(z.string().max(500_000)).default(""),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  items: z.array(ZItemLinkInput).max(200).default([]),
});
export type TPolicyInput = z.infer<typeof ZPolicyInput>;

export const ZUpdatePolicy = ZPolicyInput.extend({ expectedVersion: ZExpectedVersion });
export type TUpdatePolicy = z.infer<typeof ZUpdatePolicy>;

/** Multipart parts of an attachment upload: the file (.pdf, .docx or .txt) and whether to take its text. */
export const ZPolicyAttachmentParts = z.object({
  file: ZUploadFile,
  extractText: z
    .enum(["true", "false"])
    .optional()
    .describe("'true': put the text of a .txt or .docx file into the document's full text"),
});

export const ZCreateChangeNotice = z.object({
  policyId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  summary: multiline(z.string().trim().min(2).max(4000)).describe("What changes for the window"),
  effectiveOn: ZDate,
  itemIds: z.array(z.uuid()).min(1).max(50),
  sectionIds: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .describe("Sections whose staff must acknowledge (each in the supervisor's bureau)"),
  moveTo: z
    .object({
      orgCodes: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
      kind: z.enum(["township"]).default("township"),
    })
    .optional()
    .describe("The items move to these bodies from `effectiveOn`: a referral rule (handledBy) is written"),
});
export type TCreateChangeNotice = z.infer<typeof ZCreateChangeNotice>;

export const ZChangeNoticeIdParams = z.object({ id: z.uuid() });
export const ZListChangeNoticesQuery = z.object({
  pending: z
    .enum(["true", "false"])
    .optional()
    .describe("'true': only notices the caller must still acknowledge"),
});

export const ZPolicyAttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });
