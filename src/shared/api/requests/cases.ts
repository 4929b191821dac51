/**
 * Requests of the cases operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { CASE_STATUSES } from "../../../domain/cases/caseStatus";
import { CLOCK_STATES } from "../../../domain/cases/clock";
import { INT32_MAX, ZExpectedVersion } from "../../numbers";
import { multilineText } from "../../text";
import { ZSuspensionKind } from "../cases";

const ZVersion = { expectedVersion: ZExpectedVersion };
const ZDate = z.iso.date();

export const ZRequestCorrection = z.object({
  ...ZVersion,
  items: z.array(
    z.object({
      materialCode: z.string().min(1).max(60),
      problem: z.enum(["missing", "defective"]),
      note: multilineText(500).optional(),
    }),
  ),
  dueOn: ZDate.optional(),
});

export const ZAccept = z.object({
  ...ZVersion,
  deferred: z
    .array(z.object({ materialCode: z.string().min(1).max(60), dueOn: ZDate, commitmentSigned: z.boolean() }))
    .optional(),
  /** 即办件: accept, decide and issue in one visit at the window (当场办结). */
  finishOnTheSpot: z.boolean().optional(),
  reasons: multilineText(2000).optional(),
});

export const ZRefuse = z.object({
  ...ZVersion,
  legalBasis: multilineText(500),
  reason: multilineText(2000),
});

export const ZRefer = z.object({
  ...ZVersion,
  toOrgCode: z.string().max(60),
  reason: multilineText(2000),
  policyReference: z.string().max(200).optional(),
});

export const ZSuspend = z.object({
  ...ZVersion,
  kind: ZSuspensionKind,
  reason: multilineText(2000),
  /** How long the special procedure is expected to take (told to the applicant), at most ten years. */
  expectedDays: z.number().int().min(0).max(3650),
});

export const ZResume = z.object({ ...ZVersion, result: multilineText(2000).optional() });

export const ZExtend = z.object({
  ...ZVersion,
  days: z.number().int().min(1).max(INT32_MAX),
  reason: multilineText(2000),
});

export const ZDecide = z.object({
  ...ZVersion,
  outcome: z.enum(["approve", "deny"]),
  reasons: multilineText(4000),
});

export const ZSimple = z.object({ ...ZVersion, reason: multilineText(2000).optional() });

export const ZCreateApplication = z.object({
  itemCode: z.string().min(1).max(60),
  /** Window intake: the applicant the clerk files for (must be an applicant account). */
  applicantId: z.uuid().optional(),
  title: z.string().max(200).optional(),
  formData: z.record(z.string(), z.unknown()).default({}),
  agent: z
    .object({
      name: z.string().min(1).max(100),
      idNumber: z.string().max(18).optional(),
      phone: z.string().max(20).optional(),
    })
    .optional(),
});

export const ZUpdateDraft = z.object({
  expectedVersion: ZExpectedVersion,
  title: z.string().max(200).optional(),
  formData: z.record(z.string(), z.unknown()).optional(),
});

export const ZCheckMaterials = z.object({
  expectedVersion: ZExpectedVersion,
  checks: z
    .array(
      z.object({
        materialCode: z.string().min(1).max(60),
        status: z.enum(["pass", "missing", "defective"]),
        note: multilineText(500).optional(),
      }),
    )
    .min(1),
});

/** The queues of the staff pages: the window's tabs, the approver's 待决定 and 已办 (decided by me). */
export const CASE_QUEUES = [
  "today",
  "awaiting_check",
  "corrections",
  "in_progress",
  "ready_to_issue",
  "deferred",
  "drafts",
  "mine",
  "awaiting_decision",
  "decided",
] as const;

/** The filters every staff queue takes (search, item, dates, status, clock), without queue or page. */
export const ZCaseFilters = z.object({
  status: z.array(z.enum(CASE_STATUSES)).optional(),
  /** The clock state now (`red` = past the deadline, `yellow` = close to it, `paused` = special procedure). */
  clock: z.array(z.enum(CLOCK_STATES)).optional(),
  /** Any of: case number, title, item name, applicant name (substring). */
  q: z.string().max(100).optional(),
  /** The applicant: a name (substring) or a whole 统一社会信用代码 / 身份证号 (exact; never a fragment). */
  applicant: z.string().max(100).optional(),
  itemCode: z.string().max(60).optional(),
  /** Received (or, before receipt, created) on or after / on or before these local dates. */
  from: ZDate.optional(),
  to: ZDate.optional(),
  bundleId: z.uuid().optional(),
});

export const ZListCases = ZCaseFilters.extend({
  queue: z.enum(CASE_QUEUES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

export const ZCheckDeferred = z.object({
  expectedVersion: ZExpectedVersion,
  verdict: z.enum(["pass", "defective"]),
  note: z.string().max(500).optional(),
});

export const ZCaseIdParams = z.object({ id: z.uuid() });

export const ZDeferredMaterialParams = z.object({ id: z.uuid(), code: z.string().min(1).max(60) });

/** One value or many, as a query string carries them (`?status=a&status=b` or `?status=a`). */
const oneOrMany = <T extends z.ZodType>(t: T) => z.union([z.array(t), t]).optional();

export const ZListCasesQuery = ZListCases.extend({
  status: oneOrMany(z.enum(CASE_STATUSES)),
  clock: oneOrMany(z.enum(CLOCK_STATES)),
});

/** The counts of every queue under the same filters (one query): `GET /api/cases/counts`. */
export const ZCaseCountsQuery = ZCaseFilters.extend({
  status: oneOrMany(z.enum(CASE_STATUSES)),
  clock: oneOrMany(z.enum(CLOCK_STATES)),
});

export const ZFindCaseByNumberParams = z.object({ number: z.string().min(1).max(40) });

export const ZDownloadCaseDocumentParams = z.object({ id: z.uuid(), docId: z.uuid() });

export const ZDownloadCaseFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const ZUploadMaterialParams = z.object({ id: z.uuid(), code: z.string().min(1).max(60) });

export const ZSendBackToReviewBody = z.object({
  expectedVersion: ZExpectedVersion,
  taskId: z.uuid(),
  opinion: multilineText(4000),
});

export const ZGetPublicProgressQuery = z.object({
  number: z.string().min(1).max(40),
  queryCode: z.string().min(4).max(20),
});
