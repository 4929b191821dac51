/**
 * Requests of the 教育培训 operations (issue 14): bodies, path parameters and query strings as the
 * routes validate them and the typed client sends them.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multiline } from "../../text";
import { ZAttendanceStatus } from "../training";

export const ZTrainingIdParams = z.object({ id: z.uuid() });

export const ZListTrainingSessionsQuery = z.object({
  orgId: z.uuid().optional().describe("Only sessions of this organization or for it"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});
export type TListTrainingSessions = z.infer<typeof ZListTrainingSessionsQuery>;

const ZDocumentInput = z.object({
  title: z.string().trim().min(2).max(200),
  number: z.string().trim().min(1).max(100).optional(),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/, "http(s) URL")
    .optional(),
  policyId: z
    .uuid()
    .optional()
    .describe("A document of the policy library: its title and 文号 are taken from there"),
});

export const ZCreateTrainingSession = z.object({
  orgId: z.uuid().describe("The organization holding the session (the supervisor's bureau or section)"),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
  topic: z.string().trim().min(2).max(200),
  documents: z.array(ZDocumentInput).max(20).default([]),
  sectionIds: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .describe("The sections or windows the session is for (in the tree of `orgId`)"),
  organizerId: z.uuid().optional().describe("Default: the caller"),
  record: multiline(z.string().trim().max(4000)).optional().describe("The short record (会议记录)"),
});
export type TCreateTrainingSession = z.infer<typeof ZCreateTrainingSession>;

export const ZRecordAttendance = z.object({
  expectedVersion: ZExpectedVersion,
  entries: z
    .array(z.object({ userId: z.uuid(), status: ZAttendanceStatus }))
    .max(500)
    .describe("Attendance per person of the roster; people not listed keep what they had"),
  record: multiline(z.string().trim().max(4000)).optional().describe("Replaces the record (会议记录)"),
});
export type TRecordAttendance = z.infer<typeof ZRecordAttendance>;
