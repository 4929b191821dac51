/** Review tasks (并联审查) on the wire: the reviewers' inbox, a claimed task, a comment. */
import { z } from "zod";
import { ZReviewTaskStatus } from "./cases";
import { ZAbilities, ZInstant, ZLocalDate } from "./common";

/** A review task as stored: the department, its place in the plan, the clock and who did what. */
export const ZReviewTask = z
  .object({
    id: z.string(),
    caseId: z.string(),
    stepCode: z.string(),
    stepName: z.string(),
    orgId: z.string(),
    lead: z.boolean(),
    mode: z.enum(["parallel", "sequential"]),
    after: z.array(z.string()).describe("Step codes that must be approved before this one opens"),
    limitDays: z.number(),
    status: ZReviewTaskStatus,
    openedOn: ZLocalDate.nullable(),
    dueOn: ZLocalDate.nullable(),
    claimedBy: z.string().nullable(),
    claimedAt: ZInstant.nullable(),
    opinion: z.string().nullable(),
    completedBy: z.string().nullable(),
    completedAt: ZInstant.nullable(),
    returns: z.number(),
    version: z.number(),
    createdAt: ZInstant,
    updatedAt: ZInstant,
  })
  .meta({ id: "ReviewTask" });
export type TReviewTask = z.infer<typeof ZReviewTask>;

/** A task of the reviewers' inbox: the task, its department, its case and what the caller may do. */
export const ZReviewInboxItem = z.object({
  ...ZReviewTask.shape,
  orgName: z.string(),
  assigneeId: z
    .string()
    .nullable()
    .describe("Who the task was routed to (AB岗: the post's holder, or its backup while the holder is away)"),
  assigneeName: z.string().nullable(),
  case: z.object({
    id: z.string(),
    number: z.string(),
    itemName: z.string(),
    title: z.string(),
    status: z.string(),
    deadline: ZLocalDate.nullable(),
    applicantName: z.string(),
    version: z.number(),
  }),
  abilities: ZAbilities,
  /** In 已办: the caller's last act on the task (approved or returned) and when. */
  myAct: z.object({ outcome: z.enum(["approve", "return"]), at: ZInstant }).nullable(),
});
export type TReviewInboxItem = z.infer<typeof ZReviewInboxItem>;

/** A reviewer's comment on a task (审查意见往来). */
export const ZReviewComment = z.object({
  id: z.string(),
  taskId: z.string(),
  caseId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  at: ZInstant,
});
export type TReviewComment = z.infer<typeof ZReviewComment>;

export const ZReviewInbox = z.object({ items: z.array(ZReviewInboxItem), total: z.number() });

/** The numbers on the inbox's tabs: tasks to do, tasks the caller completed (已办). */
export const ZReviewTaskCounts = z.object({ todo: z.number(), done: z.number() });
