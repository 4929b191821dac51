/**
 * Requests of the 好差评 operations (issue 13): the body, path parameters and query string of each, as
 * the routes validate them, the OpenAPI document describes them and the typed client sends them (one
 * wire contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multiline } from "../../text";
import { EVALUATION_DIMENSIONS, EVALUATION_TAGS, ZLevel, ZStage } from "../evaluations";

const ALL_DIMENSIONS = [...new Set([...EVALUATION_DIMENSIONS.online, ...EVALUATION_DIMENSIONS.window])] as [
  string,
  ...string[],
];

/** An invitation by id (the applicant's session) or by the token of the signed link or of a tablet. */
export const ZEvaluationRefParams = z.object({
  ref: z
    .string()
    .min(1)
    .max(80)
    .describe(
      "The invitation id (the applicant's session), or the token of the signed link (e_…) or of a tablet (t_…)",
    ),
});
/** A record of the evaluations module by id (case, evaluation, rectification, organization). */
export const ZEvaluationIdParams = z.object({ id: z.uuid() });

export const ZListRectificationsQuery = z.object({ status: z.enum(["open", "closed"]).optional() });

export const ZListEvaluationsQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .describe("YYYY-MM"),
  orgId: z.uuid().optional(),
  itemCode: z.string().min(1).max(100).optional(),
  level: ZLevel.optional(),
  bad: z.enum(["true", "false"]).optional().describe("Only the bottom two levels"),
  appealStatus: z.enum(["none", "pending", "upheld", "dismissed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});
export type TListEvaluations = z.infer<typeof ZListEvaluationsQuery>;

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ZSatisfactionQuery = z.object({
  from: ZMonth.optional().describe("First month (YYYY-MM); default 5 months before `to` (six months)"),
  to: ZMonth.optional().describe("Last month (YYYY-MM); default this month"),
});

export const ZSubmitEvaluation = z.object({
  dimensions: z
    .partialRecord(z.enum(ALL_DIMENSIONS), ZLevel)
    .describe("One level per dimension of the channel; `overall` (整体满意度) is the rating's level"),
  comment: multiline(z.string().trim().max(500)).optional(),
  tags: z.array(z.enum(EVALUATION_TAGS)).max(9).optional(),
  publishComment: z
    .boolean()
    .optional()
    .describe("The applicant allows the comment to be published (personal data removed)"),
});

export const ZOpenEvaluationTablet = z.object({
  stage: ZStage.optional().describe("Default: the open invitation of the case (completion first)"),
  deviceLabel: z.string().trim().min(1).max(60).describe("The tablet's label or id (窗口评价器编号)"),
});

export const ZAppealEvaluation = z.object({
  reason: multiline(z.string().trim().min(5).max(1000)),
});

export const ZDecideAppeal = z.object({
  decision: z.enum(["uphold", "dismiss"]),
  reason: multiline(z.string().trim().min(2).max(1000)),
});

/** The rectification of a bad rating (整改). */

export const ZUpdateRectification = z.object({
  action: z
    .enum(["callback", "rectify"])
    .describe("callback: record the 回访 (needs `note`); rectify: the outcome (needs `outcome`)"),
  note: multiline(z.string().trim().min(2).max(1000))
    .optional()
    .describe("What the applicant said on the callback (回访)"),
  outcome: multiline(z.string().trim().min(2).max(1000)).optional().describe("What was put right (整改结果)"),
  expectedVersion: ZExpectedVersion,
});

export const ZUpdateEvaluationSettings = z.object({
  callbackWorkingDays: z.number().int().min(1).max(10).describe("Callback (回访) due, working days"),
  rectifyWorkingDays: z.number().int().min(1).max(60).describe("Rectification due, working days"),
  acceptanceItemCodes: z.array(z.string().trim().min(1).max(100)).max(200),
});

export type TSubmitEvaluation = z.infer<typeof ZSubmitEvaluation>;
export type TOpenEvaluationTablet = z.infer<typeof ZOpenEvaluationTablet>;
export type TUpdateRectification = z.infer<typeof ZUpdateRectification>;
export type TUpdateEvaluationSettings = z.infer<typeof ZUpdateEvaluationSettings>;
