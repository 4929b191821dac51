/** Requests of the supervisor's figures: getSupervisionDashboard, listSupervisionCases, the scorecards. */
import { z } from "zod";
import { INT32_MAX } from "../../numbers";
import { multiline } from "../../text";
import { ZClockStateShown, ZFigureCode, ZScorecardSubject } from "../supervisionFigures";

const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
  .meta({ examples: ["2026-11"] });

export const ZSupervisionDashboardQuery = z.object({
  from: ZMonth.optional().describe("First month (YYYY-MM); default `to`"),
  to: ZMonth.optional().describe("Last month (YYYY-MM); default this month"),
  orgId: z.uuid().optional().describe("An office of the tree; default the whole tree"),
});

export const ZSupervisionCasesQuery = ZSupervisionDashboardQuery.extend({
  figure: ZFigureCode,
  userId: z.uuid().optional().describe("Only the cases this person handled"),
  clockState: ZClockStateShown.optional().describe("figure=clockState: only this state"),
  rule: z
    .string()
    .regex(/^[a-z_]{1,60}$/, "a rule code")
    .optional()
    .describe("figure=alerts: only this rule"),
});

export const ZListScorecardsQuery = z.object({
  month: ZMonth.optional().describe("YYYY-MM; default last month"),
  orgId: z.uuid().optional().describe("A section of the tree: its card and its people's; default all"),
});

export const ZScorecardParams = z.object({
  month: ZMonth,
  kind: ZScorecardSubject,
  subjectId: z.uuid(),
});

export const ZSignScorecard = z.object({
  comment: multiline(z.string().trim().min(1).max(1000)).describe("The supervisor's comment (考核意见)"),
  expectedVersion: z.number().int().min(0).max(INT32_MAX).describe("0: the card is unsigned"),
});

export const ZExportScorecardsQuery = ZListScorecardsQuery.extend({
  format: z.enum(["csv", "xlsx"]),
});
