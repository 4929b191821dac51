/**
 * 政策文件库 on the wire (issue 17): policy documents, search results with highlighted snippets, change
 * notices and their acknowledgements (responses; the requests are requests/policyLibrary.ts).
 */
import { z } from "zod";
import { POLICY_LEVELS, POLICY_STATUSES } from "../../domain/policyLibrary/documents";
import { ZAbilities, ZInstant, ZLocalDate } from "./common";

export const ZPolicyLevel = z.enum(POLICY_LEVELS).describe("国家 / 省级 / 市级 / 县级");
export const ZPolicyStatus = z.enum(POLICY_STATUSES).describe("现行有效 / 已修订 / 已废止");

export const ZPolicyRef = z
  .object({ id: z.string(), title: z.string(), docNumber: z.string(), status: ZPolicyStatus })
  .meta({ id: "PolicyRef" });
export type TPolicyRef = z.infer<typeof ZPolicyRef>;

/** A document as listed. */
export const ZPolicySummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    docNumber: z.string().describe("文号 ('' when none)"),
    issuer: z.string(),
    level: ZPolicyLevel,
    status: ZPolicyStatus,
    issuedOn: ZLocalDate.nullable(),
    effectiveOn: ZLocalDate.nullable(),
    repealedOn: ZLocalDate.nullable(),
    tags: z.array(z.string()),
    summary: z.string(),
    itemCount: z.number().int().describe("Service items citing the document"),
  })
  .meta({ id: "PolicySummary" });
export type TPolicySummary = z.infer<typeof ZPolicySummary>;

export const ZPolicyList = z
  .object({ items: z.array(ZPolicySummary), total: z.number().int() })
  .meta({ id: "PolicyList" });
export type TPolicyList = z.infer<typeof ZPolicyList>;

/** A piece of a snippet: `hit` pieces are the words the query matched (shown highlighted). */
export const ZSnippetPart = z.object({ text: z.string(), hit: z.boolean() });

export const ZPolicySearchHit = ZPolicySummary.extend({
  rank: z.number().describe("ts_rank of the match (higher first); an exact 文号 adds 10"),
  snippet: z.array(ZSnippetPart).describe("Up to ~120 characters around the first match, split at the hits"),
  titleParts: z.array(ZSnippetPart).describe("The title split at the hits"),
}).meta({ id: "PolicySearchHit" });
export type TPolicySearchHit = z.infer<typeof ZPolicySearchHit>;

export const ZPolicySearchResult = z
  .object({
    items: z.array(ZPolicySearchHit),
    total: z.number().int(),
    words: z.array(z.string()).describe("The query's words as jieba cut them"),
  })
  .meta({ id: "PolicySearchResult" });
export type TPolicySearchResult = z.infer<typeof ZPolicySearchResult>;

export const ZPolicyAttachment = z
  .object({ fileId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() })
  .meta({ id: "PolicyAttachment" });

export const ZPolicyItemLink = z
  .object({
    itemId: z.string(),
    code: z.string(),
    name: z.string(),
    basisTitle: z.string().describe("The item's 设定依据 entry this document backs ('' when only related)"),
  })
  .meta({ id: "PolicyItemLink" });

const ZNoticeRef = z.object({ id: z.string(), title: z.string(), effectiveOn: ZLocalDate });

/** A document with its text, links and the caller's reading. */
export const ZPolicyDocument = ZPolicySummary.extend({
  fullText: z.string(),
  attachments: z.array(ZPolicyAttachment),
  amendedBy: ZPolicyRef.nullable(),
  repealedBy: ZPolicyRef.nullable(),
  replaces: z.array(ZPolicyRef).describe("Documents this one amended or repealed"),
  items: z.array(ZPolicyItemLink),
  changeNotices: z.array(ZNoticeRef),
  readAt: ZInstant.nullable().describe("When the caller marked it read (staff; null otherwise)"),
  updatedAt: ZInstant,
  abilities: ZAbilities,
}).meta({ id: "PolicyDocument" });
export type TPolicyDocument = z.infer<typeof ZPolicyDocument>;

/** What the public guide of an item shows: the in-force documents it cites and the changes announced. */
export const ZItemPolicies = z
  .object({
    documents: z.array(ZPolicyRef.extend({ issuer: z.string(), issuedOn: ZLocalDate.nullable() })),
    changes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        effectiveOn: ZLocalDate,
        policy: ZPolicyRef,
        movedTo: z.array(z.object({ code: z.string(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: "ItemPolicies" });
export type TItemPolicies = z.infer<typeof ZItemPolicies>;

const ZOrgRef = z.object({ id: z.string(), name: z.string() });

/** A change notice as listed, with the caller's acknowledgement and the counts. */
export const ZChangeNotice = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    effectiveOn: ZLocalDate,
    policy: ZPolicyRef,
    org: ZOrgRef,
    items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    sections: z.array(ZOrgRef),
    movedTo: z.array(z.object({ code: z.string(), name: z.string() })),
    createdBy: z.object({ id: z.string(), displayName: z.string() }),
    createdAt: ZInstant,
    counts: z.object({ acknowledged: z.number().int(), expected: z.number().int() }),
    mustAcknowledge: z.boolean().describe("The caller is on the notice's roster"),
    acknowledgedAt: ZInstant.nullable().describe("The caller's acknowledgement"),
    abilities: ZAbilities,
  })
  .meta({ id: "ChangeNotice" });
export type TChangeNotice = z.infer<typeof ZChangeNotice>;

export const ZChangeNoticeList = z.object({ items: z.array(ZChangeNotice) }).meta({ id: "ChangeNoticeList" });

/** Who must acknowledge a notice and who has (the supervisor's 未阅知 view). */
export const ZChangeNoticeAcknowledgements = z
  .object({
    noticeId: z.string(),
    acknowledged: z.number().int(),
    expected: z.number().int(),
    people: z.array(
      z.object({
        user: z.object({ id: z.string(), displayName: z.string() }),
        orgName: z.string(),
        acknowledgedAt: ZInstant.nullable(),
      }),
    ),
  })
  .meta({ id: "ChangeNoticeAcknowledgements" });
export type TChangeNoticeAcknowledgements = z.infer<typeof ZChangeNoticeAcknowledgements>;

export const ZPolicyOptions = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        orgId: z.string(),
        legalBasis: z.array(z.string()).describe("The titles of the item's 设定依据 (current version)"),
      }),
    ),
    sections: z.array(z.object({ id: z.string(), name: z.string(), path: z.string() })),
    townships: z.array(z.object({ code: z.string(), name: z.string() })),
    issuers: z.array(z.string()),
  })
  .meta({ id: "PolicyOptions" });
export type TPolicyOptions = z.infer<typeof ZPolicyOptions>;

/** A person's policy study: documents read, change notices acknowledged or pending (training record). */
export const ZPolicyStudy = z
  .object({
    user: z.object({ id: z.string(), displayName: z.string() }),
    readings: z.array(
      z.object({ policyId: z.string(), title: z.string(), docNumber: z.string(), readAt: ZInstant }),
    ),
    notices: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        effectiveOn: ZLocalDate,
        acknowledgedAt: ZInstant.nullable(),
      }),
    ),
    totals: z.object({ read: z.number().int(), acknowledged: z.number().int(), pending: z.number().int() }),
  })
  .meta({ id: "PolicyStudy" });
export type TPolicyStudy = z.infer<typeof ZPolicyStudy>;
