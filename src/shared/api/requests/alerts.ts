/**
 * Requests of the supervision alert operations (listAlerts, acknowledgeAlert, closeAlert) and of the
 * thresholds (getSupervisionSettings, updateSupervisionSettings).
 */
import { z } from "zod";
import {
  RESPOND_LIMITS,
  THRESHOLD_KEYS,
  THRESHOLD_LIMITS,
  type ThresholdKey,
} from "../../../domain/alerts/thresholds";
import { INT32_MAX, ZExpectedVersion } from "../../numbers";
import { multiline } from "../../text";
import { ZAlertSeverity, ZAlertStatus } from "../alerts";

export const ZListAlerts = z.object({
  status: ZAlertStatus.optional(),
  rule: z
    .string()
    .regex(/^[a-z_]{1,60}$/, "a rule code")
    .optional(),
  severity: ZAlertSeverity.optional(),
  caseNumber: z.string().trim().min(1).max(60).optional().describe("The case number, exactly"),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .describe("true: only the alerts open past their response date"),
});

export const ZGetSupervisionSettings = z.object({
  orgId: z
    .uuid()
    .optional()
    .describe("The organization (default: the caller's first as supervisor or admin)"),
});

export const ZSupervisionSettingsParams = z.object({ orgId: z.uuid() });

const thresholdFields = Object.fromEntries(
  THRESHOLD_KEYS.map((k) => [k, z.number().int().min(THRESHOLD_LIMITS[k].min).max(THRESHOLD_LIMITS[k].max)]),
) as Record<ThresholdKey, z.ZodNumber>;

export const ZUpdateSupervisionSettings = z.object({
  ...thresholdFields,
  respondWorkingDays: z
    .record(
      z.string().regex(/^[a-z_]{1,60}$/, "a rule code"),
      z.number().int().min(RESPOND_LIMITS.min).max(RESPOND_LIMITS.max),
    )
    .describe("Working days to respond to each rule's alerts; rules left out keep their default"),
  expectedVersion: z
    .number()
    .int()
    .min(0)
    .max(INT32_MAX)
    .describe("The version read; 0 when the organization had none"),
});
export type TUpdateSupervisionSettings = z.infer<typeof ZUpdateSupervisionSettings>;

export const ZAlertIdParams = z.object({ id: z.uuid() });

export const ZAcknowledgeAlert = z.object({
  comment: multiline(z.string().trim().max(1000)).optional(),
  expectedVersion: ZExpectedVersion,
});

export const ZCloseAlert = z.object({
  comment: multiline(z.string().trim().min(1).max(1000)).describe("Required: how the finding was dealt with"),
  expectedVersion: ZExpectedVersion,
});
