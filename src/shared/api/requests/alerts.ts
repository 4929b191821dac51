/** Requests of the supervision alert operations (listAlerts, acknowledgeAlert, closeAlert). */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
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
});

export const ZAlertIdParams = z.object({ id: z.uuid() });

export const ZAcknowledgeAlert = z.object({
  comment: multiline(z.string().trim().max(1000)).optional(),
  expectedVersion: ZExpectedVersion,
});

export const ZCloseAlert = z.object({
  comment: multiline(z.string().trim().min(1).max(1000)).describe("Required: how the finding was dealt with"),
  expectedVersion: ZExpectedVersion,
});
