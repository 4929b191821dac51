/**
 * 人员 on the wire (issue 14, point 2): the roster per window and section with posts (岗位, AB岗),
 * absences, workload and the handover list (responses; the requests are requests/staff.ts).
 */
import { z } from "zod";
import { ABSENCE_REASONS, POST_DUTIES } from "../../domain/staff/routing";
import { ZAbilities, ZInstant, ZLocalDate } from "./common";

export const ZPostDuty = z.enum(POST_DUTIES).describe("window_intake 窗口受理 | review 审查");
export const ZAbsenceReason = z
  .enum(ABSENCE_REASONS)
  .describe("leave 请假 | training 培训 | business_trip 出差 | other");

const ZPersonRef = z.object({ id: z.string(), displayName: z.string() });

export const ZStaffAbsence = z
  .object({
    id: z.string(),
    version: z.number().int(),
    userId: z.string(),
    fromDate: ZLocalDate,
    toDate: ZLocalDate,
    reason: ZAbsenceReason,
    note: z.string().nullable(),
    recordedBy: ZPersonRef,
    recordedAt: ZInstant,
    endedAt: ZInstant.nullable(),
  })
  .meta({ id: "StaffAbsence" });
export type TStaffAbsence = z.infer<typeof ZStaffAbsence>;

export const ZStaffPost = z
  .object({
    id: z.string(),
    version: z.number().int(),
    org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    name: z.string(),
    duty: ZPostDuty,
    stepCode: z
      .string()
      .nullable()
      .describe("The one review step the post takes; null = all of the section's"),
    holder: ZPersonRef.nullable().describe("A岗"),
    backup: ZPersonRef.nullable().describe("B岗"),
    holderAbsent: z.boolean().describe("The holder is away today"),
    current: ZPersonRef.nullable().describe(
      "Who receives the post's new work today (holder, or backup while the holder is away)",
    ),
    updatedAt: ZInstant,
  })
  .meta({ id: "StaffPost" });
export type TStaffPost = z.infer<typeof ZStaffPost>;

export const ZWorkload = z.object({
  open: z.number().int().describe("Open review tasks assigned to or claimed by the person"),
  dueSoon: z.number().int().describe("Of those, yellow: due within a working day or the case's clock yellow"),
  overdue: z.number().int().describe("Of those, red: past the task's due date or the case's clock red"),
});

export const ZStaffMember = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  phone: z.string().nullable().describe("Masked (138****9876)"),
  absence: ZStaffAbsence.nullable().describe("The absence covering today"),
  upcoming: z.array(ZStaffAbsence).describe("Absences recorded for later days"),
  workload: ZWorkload,
});
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** An open task of an absent holder, and the backup it can be handed to. */
export const ZHandoverTask = z.object({
  taskId: z.string(),
  version: z.number().int(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  stepName: z.string(),
  status: z.string(),
  dueOn: ZLocalDate.nullable(),
  urgency: z.enum(["normal", "yellow", "red"]),
  holder: ZPersonRef,
  backup: ZPersonRef.nullable().describe("The post's backup, null when none is present today"),
});
export type THandoverTask = z.infer<typeof ZHandoverTask>;

export const ZStaffRoster = z
  .object({
    today: ZLocalDate,
    orgs: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        posts: z.array(ZStaffPost),
        people: z.array(ZStaffMember),
      }),
    ),
    handover: z.array(ZHandoverTask),
    abilities: ZAbilities,
  })
  .meta({ id: "StaffRoster" });
export type TStaffRoster = z.infer<typeof ZStaffRoster>;

export const ZStaffPostList = z.object({ items: z.array(ZStaffPost) });

export const ZHandoverResult = z.object({
  handedOver: z.array(
    z.object({ taskId: z.string(), caseNumber: z.string(), from: ZPersonRef, to: ZPersonRef }),
  ),
});
export type THandoverResult = z.infer<typeof ZHandoverResult>;
