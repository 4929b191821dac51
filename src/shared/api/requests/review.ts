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

export const ZListReviewTasksQuery = z.object({ status: z.string().max(40).optional() });

export const ZClaimReviewTaskBody = z.object({ expectedVersion: ZExpectedVersion });

export const ZCommentReviewTaskBody = z.object({ text: multilineText(4000).min(1) });
