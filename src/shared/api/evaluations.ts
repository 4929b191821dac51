/**
 * 好差评 on the wire: invitations, ratings, rectifications (整改), appeals (申诉复核) and the published
 * figures (responses; the requests are requests/evaluations.ts).
 */
import { z } from "zod";
import { ZAbilities, ZInstant, ZLocalDate } from "./common";

export const EVALUATION_LEVELS = [
  "very_satisfied",
  "satisfied",
  "basic",
  "dissatisfied",
  "very_dissatisfied",
] as const;
export const ZLevel = z.enum(EVALUATION_LEVELS).describe("非常满意 … 非常不满意 (national five levels)");
export const EVALUATION_DIMENSIONS = {
  online: ["overall", "efficiency", "guide_accuracy", "convenience", "usability"],
  window: ["overall", "service_efficiency", "service_level", "attitude"],
} as const;
export const EVALUATION_TAGS = [
  "fast",
  "one_visit",
  "clear_guide",
  "friendly",
  "slow",
  "too_many_materials",
  "unclear_guide",
  "long_wait",
  "unfriendly",
] as const;

export const ZStage = z.enum(["acceptance", "completion", "follow_up"]);
const ZChannel = z.enum(["online", "window"]);
const ZSource = z.enum(["portal", "link", "tablet"]);

/** A rating as given (the applicant's input; never edited afterwards). */

/** An invitation as the rating form reads it (by signed link, tablet token or the applicant's session). */
export const ZEvaluationInvitation = z
  .object({
    id: z.string(),
    caseNumber: z.string(),
    itemName: z.string(),
    orgName: z.string(),
    stage: ZStage,
    channel: ZChannel.describe("online: the online dimensions; window (tablet): the window dimensions"),
    source: ZSource,
    state: z.enum(["open", "used", "closed"]),
    closesAt: ZInstant,
    deviceLabel: z.string().nullable().describe("Tablet only: the device the clerk named"),
    dimensions: z.array(z.string()),
  })
  .meta({ id: "EvaluationInvitation" });
export type TEvaluationInvitation = z.infer<typeof ZEvaluationInvitation>;

/** A rating as staff and the applicant read it (personal data masked in the comment and the name). */
export const ZEvaluation = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    orgName: z.string(),
    applicantName: z.string().describe("Masked for staff other than the window"),
    stage: ZStage,
    channel: ZChannel,
    source: ZSource,
    deviceLabel: z.string().nullable(),
    level: ZLevel,
    dimensions: z.record(z.string(), ZLevel),
    comment: z.string().nullable().describe("ID numbers and phone numbers masked"),
    commentPublic: z.boolean(),
    tags: z.array(z.string()),
    submittedAt: ZInstant,
    month: z.string(),
    appealStatus: z.enum(["none", "pending", "upheld", "dismissed"]),
    appealReason: z.string().nullable(),
    appealedAt: ZInstant.nullable(),
    appealDecisionReason: z.string().nullable(),
    appealDecidedAt: ZInstant.nullable(),
    counted: z.boolean().describe("False only when an appeal was upheld"),
    rectification: z.object({ id: z.string(), status: z.string() }).nullable(),
    abilities: ZAbilities,
  })
  .meta({ id: "Evaluation" });
export type TEvaluation = z.infer<typeof ZEvaluation>;

/** The invitations of a case with their ratings (the portal's and the case screen's panel). */
export const ZCaseEvaluations = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      stage: ZStage,
      state: z.enum(["open", "used", "closed"]),
      invitedOn: ZLocalDate,
      closesAt: ZInstant,
      remindedAt: ZInstant.nullable(),
      evaluation: ZEvaluation.nullable(),
      abilities: ZAbilities.describe("rate: the caller may rate now (the applicant, open invitation)"),
    }),
  ),
  abilities: ZAbilities.describe("openTablet: the window may open a tablet for an open invitation"),
});
export type TCaseEvaluations = z.infer<typeof ZCaseEvaluations>;

export const ZEvaluationTablet = z.object({
  token: z.string(),
  url: z.string().describe("The tablet page (absolute, on the public URL)"),
  path: z.string(),
  deviceLabel: z.string(),
  expiresAt: ZInstant,
});
export type TEvaluationTablet = z.infer<typeof ZEvaluationTablet>;

export const ZEvaluationList = z.object({ items: z.array(ZEvaluation), total: z.number().int() });

export const ZRectification = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(["callback_due", "rectifying", "rectified", "void"]),
    caseId: z.string(),
    caseNumber: z.string(),
    itemName: z.string(),
    orgName: z.string(),
    evaluation: z.object({
      id: z.string(),
      level: ZLevel,
      stage: ZStage,
      comment: z.string().nullable(),
      tags: z.array(z.string()),
      submittedAt: ZInstant,
      appealStatus: z.enum(["none", "pending", "upheld", "dismissed"]),
      appealReason: z.string().nullable(),
    }),
    responsible: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    callbackDueOn: ZLocalDate,
    rectifyDueOn: ZLocalDate,
    callbackAt: ZInstant.nullable(),
    callbackNote: z.string().nullable(),
    outcome: z.string().nullable(),
    rectifiedAt: ZInstant.nullable(),
    overdue: z.enum(["callback", "rectification"]).nullable(),
    followUp: z.object({ state: z.enum(["open", "used", "closed"]), level: ZLevel.nullable() }).nullable(),
    createdAt: ZInstant,
    abilities: ZAbilities,
  })
  .meta({ id: "Rectification" });
export type TRectification = z.infer<typeof ZRectification>;

export const ZRectificationList = z.object({ items: z.array(ZRectification) });

const ZFigures = z.object({
  ratings: z.number().int(),
  satisfied: z.number().int().describe("基本满意 or better"),
  bad: z.number().int(),
  rate: z.number().nullable().describe("satisfied / ratings, 0–1; null without ratings"),
  byLevel: z.record(z.string(), z.number().int()),
});

/** The published figures (public, anonymous). */
export const ZSatisfactionStats = z
  .object({
    fromMonth: z.string(),
    toMonth: z.string(),
    overall: ZFigures,
    rectifications: z.object({
      open: z.number().int(),
      rectified: z.number().int(),
      overdue: z.number().int(),
      void: z.number().int().describe("Closed because the supervisor upheld the appeal"),
    }),
    byMonth: z.array(ZFigures.extend({ month: z.string() })),
    byDepartment: z.array(ZFigures.extend({ orgId: z.string(), orgName: z.string() })),
    byItem: z.array(ZFigures.extend({ itemCode: z.string(), itemName: z.string() })),
    comments: z.array(z.object({ month: z.string(), itemName: z.string(), level: ZLevel, text: z.string() })),
  })
  .meta({ id: "SatisfactionStats" });
export type TSatisfactionStats = z.infer<typeof ZSatisfactionStats>;

/** The evaluation settings of one organization (effective values: its own row, one above it, or the defaults). */
export const ZEvaluationSettings = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  callbackWorkingDays: z.number().int(),
  rectifyWorkingDays: z.number().int(),
  acceptanceItemCodes: z.array(z.string()).describe("Items whose applicants are also invited at acceptance"),
  own: z.boolean().describe("False when the values come from an organization above it or the defaults"),
});
export type TEvaluationSettings = z.infer<typeof ZEvaluationSettings>;

/** The applicant's invitations still open (the portal's 待评价 list). */
export const ZMyOpenInvitations = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      itemName: z.string(),
      stage: ZStage,
      closesAt: ZInstant,
    }),
  ),
});
export type TMyOpenInvitations = z.infer<typeof ZMyOpenInvitations>;

/** What submitEvaluation answers: the rating's id and level, and the rectification a bad one opened. */
export const ZSubmittedEvaluation = z.object({
  id: z.string(),
  level: ZLevel,
  rectificationId: z.string().nullable(),
});

export const ZEvaluationSettingsList = z.object({ items: z.array(ZEvaluationSettings) });
