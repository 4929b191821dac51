/**
 * 教育培训 on the wire (issue 14): study sessions, attendance and a person's training history
 * (responses; the requests are requests/training.ts).
 */
import { z } from "zod";
import { ZAbilities, ZInstant, ZLocalDate } from "./common";

export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES).describe("出席 / 缺席 / 请假");

export const ZTrainingDocument = z
  .object({
    title: z.string().describe("The document's title, e.g. 《不动产登记暂行条例实施细则》"),
    number: z.string().optional().describe("Its number (文号), e.g. 国土资源部令第63号"),
    url: z.string().optional(),
    policyId: z.string().optional().describe("The document in the policy library (政策文件库), when linked"),
  })
  .meta({ id: "TrainingDocument" });

const ZOrgRef = z.object({ id: z.string(), name: z.string() });
const ZPersonRef = z.object({ id: z.string(), displayName: z.string() });

/** A session as listed (without its attendance). */
export const ZTrainingSessionSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    heldOn: ZLocalDate,
    topic: z.string(),
    org: ZOrgRef,
    sections: z.array(ZOrgRef).describe("The sections (or windows) the session is for"),
    documents: z.array(ZTrainingDocument),
    organizer: ZPersonRef,
    counts: z.object({
      present: z.number().int(),
      absent: z.number().int(),
      excused: z.number().int(),
      expected: z.number().int().describe("Staff of the session's sections (its roster)"),
    }),
    updatedAt: ZInstant,
  })
  .meta({ id: "TrainingSessionSummary" });
export type TTrainingSessionSummary = z.infer<typeof ZTrainingSessionSummary>;

export const ZTrainingSessionList = z.object({ items: z.array(ZTrainingSessionSummary) });
export type TTrainingSessionList = z.infer<typeof ZTrainingSessionList>;

/** One person of a session's roster with their attendance (null: not recorded yet). */
export const ZTrainingRosterEntry = z.object({
  user: ZPersonRef,
  orgName: z.string().describe("Where the person works (their first organization in the session's tree)"),
  status: ZAttendanceStatus.nullable(),
});

/** A session with its record (minutes) and its roster. */
export const ZTrainingSession = ZTrainingSessionSummary.extend({
  record: z.string().nullable().describe("The short record of the session (会议记录)"),
  roster: z.array(ZTrainingRosterEntry),
  abilities: ZAbilities,
}).meta({ id: "TrainingSession" });
export type TTrainingSession = z.infer<typeof ZTrainingSession>;

/** A person's training history: the sessions meant for them or attended, newest first. */
export const ZTrainingHistory = z
  .object({
    user: ZPersonRef,
    totals: z.object({
      sessions: z.number().int(),
      present: z.number().int(),
      absent: z.number().int(),
      excused: z.number().int(),
    }),
    items: z.array(
      z.object({
        sessionId: z.string(),
        heldOn: ZLocalDate,
        topic: z.string(),
        orgName: z.string(),
        documents: z.array(ZTrainingDocument),
        status: ZAttendanceStatus.nullable(),
      }),
    ),
  })
  .meta({ id: "TrainingHistory" });
export type TTrainingHistory = z.infer<typeof ZTrainingHistory>;

/** The staff a supervisor may record attendance for and create sessions for (the tree's people and sections). */
export const ZTrainingOptions = z
  .object({
    orgs: z.array(
      ZOrgRef.extend({
        kind: z.string(),
        path: z.string(),
        canHold: z
          .boolean()
          .describe("The caller may hold sessions of this organization (others: sections only)"),
      }),
    ),
    staff: z.array(ZPersonRef.extend({ orgName: z.string() })),
  })
  .meta({ id: "TrainingOptions" });
export type TTrainingOptions = z.infer<typeof ZTrainingOptions>;
