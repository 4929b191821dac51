/**
 * Cases (办件) on the wire: the list entry, the full case, the minimal reference, the timeline and the
 * public progress page. What src/app/presenters/case.ts and src/app/cases/read/queries.ts send.
 */
import { z } from "zod";
import { ZAbilities, ZBilingual, ZInstant, ZJsonObject, ZLocalDate } from "./common";

/** Case statuses (办件状态); the same list as `CASE_STATUSES` of src/domain/cases/caseStatus.ts. */
export const ZCaseStatus = z.enum([
  "draft",
  "submitted",
  "correction_requested",
  "accepted",
  "in_review",
  "suspended",
  "approved",
  "denied",
  "completed",
  "not_accepted",
  "referred",
  "withdrawn",
  "expired",
]);

/** The clock as every case view shows it (working days; 行政许可法 Art. 42, 45). */
export const ZClock = z.object({
  state: z.enum(["normal", "yellow", "red", "paused", "not_started", "stopped"]),
  deadline: ZLocalDate.nullable(),
  remainingWorkingDays: z.number().nullable(),
  provisional: z.boolean().describe("The deadline falls in a year whose holidays are not yet published"),
  limitDays: z.number(),
  extensionDays: z.number(),
  pausedWorkingDays: z.number(),
});

/** Deferred materials (容缺) still owed: how many, how many delivered awaiting the check, next due date. */
export const ZOwedMaterials = z.object({ count: z.number(), delivered: z.number(), nextDueOn: ZLocalDate });

/** A case as lists show it (identifiers masked). */
export const ZCaseSummary = z
  .object({
    id: z.string(),
    number: z.string().describe("The human case number (办件编号), e.g. 340321-20261124-0003"),
    itemCode: z.string(),
    itemName: z.string(),
    title: z.string(),
    status: ZCaseStatus,
    statusLabel: ZBilingual,
    statusEnteredAt: ZInstant,
    version: z.number().describe("The version to send back as `expectedVersion` with the next command"),
    channel: z.enum(["online", "window"]),
    handlingType: z.enum(["immediate", "promised"]),
    applicantName: z.string(),
    applicantKind: z.enum(["person", "enterprise"]),
    orgName: z.string(),
    receivedOn: ZLocalDate.nullable(),
    checkDueOn: ZLocalDate.nullable(),
    acceptedOn: ZLocalDate.nullable(),
    clock: ZClock,
    finishedOnSpot: z.boolean(),
    returnsCount: z.number(),
    bundleId: z.string().nullable(),
    nextStep: ZBilingual,
    createdAt: ZInstant,
    submittedAt: ZInstant.nullable(),
    completedAt: ZInstant.nullable(),
    owedMaterials: ZOwedMaterials.nullable(),
  })
  .meta({ id: "CaseSummary" });
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** The kinds of special procedure (特别程序) that stop the clock: what suspendCase accepts and a pause shows. */
export const ZSuspensionKind = z.enum([
  "hearing",
  "expert_review",
  "public_notice",
  "testing",
  "inspection",
  "appraisal",
  "auction",
  "tender",
  "survey",
  "other",
]);

/** A special procedure (特别程序) that stopped the clock. */
export const ZCasePause = z.object({
  from: ZLocalDate,
  to: ZLocalDate.nullable(),
  kind: ZSuspensionKind,
  reason: z.string(),
  expectedDays: z.number(),
  resumedOn: ZLocalDate.optional(),
  result: z.string().optional(),
});

/** The decision on the application (准予 / 不予行政许可, Art. 38). */
export const ZCaseDecision = z.object({
  outcome: z.enum(["approve", "deny"]),
  reasons: z.string(),
  decidedAt: ZInstant,
});

/** A stored file of a material. */
export const ZCaseFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
});

/** One material of the case and the window's check of it. */
export const ZCaseMaterial = z.object({
  code: z.string(),
  name: z.string(),
  required: z.boolean(),
  status: z.enum(["pending", "provided", "pass", "missing", "defective", "deferred"]),
  note: z.string().nullable(),
  source: z.string().describe("upload | certificate | shared_data | precheck | paper"),
  sourceRef: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  deferredDueOn: ZLocalDate.nullable(),
  issueFirstCondition: z.string().nullable(),
  commitmentSigned: z.boolean(),
  checkedAt: ZInstant.nullable(),
  passedRound: z.number().nullable(),
  files: z.array(ZCaseFile),
});

/** Statuses of a review task. */
export const ZReviewTaskStatus = z.enum(["waiting", "open", "claimed", "approved", "returned", "cancelled"]);

/** A department's review task (并联审查) as the case shows it. */
export const ZCaseReviewTask = z.object({
  id: z.string(),
  stepCode: z.string(),
  stepName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  lead: z.boolean(),
  mode: z.enum(["parallel", "sequential"]),
  status: ZReviewTaskStatus,
  openedOn: ZLocalDate.nullable(),
  dueOn: ZLocalDate.nullable(),
  opinion: z.string().nullable(),
  returns: z.number(),
  version: z.number(),
  claimedBy: z.string().nullable(),
  completedAt: ZInstant.nullable(),
});

/** The case in full, for the people who may read it: applicant (masked unless the role needs it) … */
export const ZCase = z
  .object({
    ...ZCaseSummary.shape,
    queryCode: z.string().nullable().describe("For the public progress page; only for those who need it"),
    itemVersionId: z.string(),
    orgId: z.string(),
    applicant: z.object({
      kind: z.enum(["person", "enterprise"]),
      name: z.string(),
      idNumber: z.string().nullable(),
      creditCode: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    agent: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
    formData: ZJsonObject.describe("The application form, as the item's JSON Schema describes it"),
    limitDays: z.number(),
    statutoryLimitDays: z.number(),
    pauses: z.array(ZCasePause),
    extensionDays: z.number(),
    correctionRounds: z.number(),
    decision: ZCaseDecision.nullable(),
    draftExpiresAt: ZInstant.nullable(),
    abilities: ZAbilities,
    materials: z.array(ZCaseMaterial),
    reviewTasks: z.array(ZCaseReviewTask),
    comments: z.array(
      z.object({
        id: z.string(),
        taskId: z.string(),
        authorName: z.string(),
        text: z.string(),
        at: ZInstant,
      }),
    ),
    documents: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        number: z.string(),
        title: z.string(),
        issuedOn: ZLocalDate,
      }),
    ),
  })
  .meta({ id: "Case" });
export type TCase = z.infer<typeof ZCase>;

/** What a command returns with `Prefer: return=minimal` (RFC 7240): identity, status and version. */
export const ZCaseRef = z
  .object({ id: z.string(), number: z.string(), status: ZCaseStatus, version: z.number() })
  .meta({ id: "CaseRef" });

/** A command's response: the full case, or the minimal reference when the client prefers it. */
export const ZCaseOrRef = z.union([ZCase, ZCaseRef]);

/** The timeline of a case: every event, each department's task as a span, and the pauses. */
export const ZCaseTimeline = z.object({
  caseId: z.string(),
  number: z.string(),
  status: ZCaseStatus,
  events: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      at: ZInstant,
      actorName: z.string().nullable(),
      actorRole: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      data: ZJsonObject,
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      stepName: z.string(),
      orgName: z.string(),
      status: ZReviewTaskStatus,
      startedAt: ZInstant.nullable(),
      openedOn: ZLocalDate.nullable(),
      dueOn: ZLocalDate.nullable(),
      completedAt: ZInstant.nullable(),
      returns: z.number(),
    }),
  ),
  pauses: z.array(ZCasePause),
});
export type TCaseTimeline = z.infer<typeof ZCaseTimeline>;

/** The public progress page (阳光下工作): nothing personal. */
export const ZPublicProgress = z.object({
  number: z.string(),
  itemName: z.string(),
  orgName: z.string(),
  status: ZCaseStatus,
  statusLabel: ZBilingual,
  receivedOn: ZLocalDate.nullable(),
  acceptedOn: ZLocalDate.nullable(),
  deadline: ZLocalDate.nullable(),
  clock: ZClock.pick({ state: true, provisional: true, remainingWorkingDays: true }),
  finishedOnSpot: z.boolean(),
  completedAt: ZInstant.nullable(),
  steps: z.array(z.object({ type: z.string(), at: ZInstant, status: z.string().nullable() })),
  reviews: z.array(z.object({ stepName: z.string(), orgName: z.string(), status: ZReviewTaskStatus })),
});
export type TPublicProgress = z.infer<typeof ZPublicProgress>;

/** A page of cases (the caller's, or the organization's). */
export const ZCaseList = z.object({ items: z.array(ZCaseSummary), total: z.number() });

/** The number of cases of every staff queue under one set of filters (`all`: the filters alone). */
export const ZCaseCounts = z.object({
  all: z.number(),
  today: z.number(),
  awaiting_check: z.number(),
  corrections: z.number(),
  in_progress: z.number(),
  ready_to_issue: z.number(),
  deferred: z.number(),
  drafts: z.number(),
  mine: z.number(),
  awaiting_decision: z.number().describe("In review with every review task approved (待决定)"),
  decided: z.number().describe("Decided by the caller (已办)"),
});

/** The answer to uploading a material's file: the file and the case as it is now. */
export const ZCaseFileUploaded = z.object({ fileId: z.string(), sha256: z.string(), case: ZCase });
