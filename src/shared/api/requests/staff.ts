/**
 * Requests of the 人员 operations (issue 14, point 2): posts, absences and the handover, as the routes
 * validate them and the typed client sends them.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { ZAbsenceReason } from "../staff";

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const ZStaffIdParams = z.object({ id: z.uuid() });

export const ZListStaffQuery = z.object({
  orgId: z.uuid().optional().describe("Only this window or section"),
});
export type TListStaff = z.infer<typeof ZListStaffQuery>;

export const ZUpdatePost = z.object({
  expectedVersion: ZExpectedVersion,
  holderId: z.uuid().nullable().describe("A岗: staff of the post's organization"),
  backupId: z.uuid().nullable().describe("B岗: staff of the post's organization, not the holder"),
});
export type TUpdatePost = z.infer<typeof ZUpdatePost>;

export const ZSetAbsence = z.object({
  userId: z.uuid(),
  fromDate: ZDate,
  toDate: ZDate.describe("Inclusive"),
  reason: ZAbsenceReason,
  note: z.string().trim().max(200).optional(),
});
export type TSetAbsence = z.infer<typeof ZSetAbsence>;

export const ZEndAbsence = z.object({ expectedVersion: ZExpectedVersion });
export type TEndAbsence = z.infer<typeof ZEndAbsence>;

export const ZHandOverTasks = z.object({
  tasks: z
    .array(z.object({ taskId: z.uuid(), expectedVersion: ZExpectedVersion }))
    .min(1)
    .max(200)
    .describe("Open tasks of absent holders, each handed to its post's backup"),
});
export type THandOverTasks = z.infer<typeof ZHandOverTasks>;
