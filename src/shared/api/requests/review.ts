/**
 * Requests of the review operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multilineText } from "../../text";

export const ZCompleteReviewTask = z.object({
  expectedVersion: ZExpectedVersion,
  outcome: z.enum(["approve", "return"]),
  opinion: multilineText(4000),
});

export const ZReviewTaskIdParams = z.object({ id: z.uuid() });

/** 待办 (tasks to do) and 已办 (tasks the caller approved or returned). */
export const REVIEW_VIEWS = ["todo", "done"] as const;

/** The filters of the review inbox (without the view and the page): search, item, dates. */
export const ZReviewTaskFilters = z.object({
  /** Comma-separated task statuses (default for `todo`: open, claimed, returned; e.g. `cancelled`). */
  status: z.string().max(40).optional(),
  /** Case number, title, item name or applicant name (substring). */
  q: z.string().max(100).optional(),
  itemCode: z.string().max(60).optional(),
  /** The task opened on or after / on or before these local dates. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const ZListReviewTasksQuery = ZReviewTaskFilters.extend({
  view: z.enum(REVIEW_VIEWS).default("todo"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

export const ZClaimReviewTaskBody = z.object({ expectedVersion: ZExpectedVersion });

export const ZCommentReviewTaskBody = z.object({ text: multilineText(4000).min(1) });
