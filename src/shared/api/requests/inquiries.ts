/**
 * Requests of the inquiries operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ZExpectedVersion } from "../../numbers";
import { multiline } from "../../text";
import { ZInquiryChannel, ZInquiryStatus } from "../inquiries";

export const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZCreateInquiry = z.object({
  channel: ZInquiryChannel.optional().describe(
    "Staff: window or phone (required). The public: online (the default; the only one allowed)",
  ),
  question: multiline(ZText(2000)),
  askerName: z.string().trim().max(60).optional(),
  askerContact: z.string().trim().max(100).optional().describe("A phone number or an e-mail address"),
  itemCode: z.string().min(1).max(60).optional().describe("The service item asked about (required online)"),
  policyReference: z.string().trim().max(200).optional(),
});

export const ZVersionOnly = z.object({ expectedVersion: ZExpectedVersion });

export const ZAnswerInquiry = z.object({
  answer: multiline(ZText(4000)),
  itemCode: z.string().min(1).max(60).optional().describe("Links the item the answer concerns"),
  policyReference: z.string().trim().max(200).optional().describe("A policy citation (文号, article)"),
  expectedVersion: ZExpectedVersion,
});

export const ZHandOverInquiry = z.object({
  toUserId: z.uuid().describe("The named colleague who owns the question from now on"),
  reason: multiline(ZText(500)),
  expectedVersion: ZExpectedVersion,
});

export const ZPublishInquiryFaq = z.object({
  question: multiline(ZText(2000)).optional().describe("The question as published (default: as asked)"),
  answer: multiline(ZText(4000)).optional().describe("The answer as published (default: as given)"),
  expectedVersion: ZExpectedVersion,
});

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const ZListInquiries = z.object({
  status: ZInquiryStatus.optional(),
  channel: ZInquiryChannel.optional(),
  owner: z
    .string()
    .max(40)
    .regex(/^(me|none|[0-9a-f-]{36})$/i, "me, none or a user id")
    .optional()
    .describe("me, none (unowned) or a user id"),
  itemCode: z.string().min(1).max(60).optional(),
  from: ZDate.optional().describe("Asked on or after this local date"),
  to: ZDate.optional().describe("Asked on or before this local date"),
});

export const ZInquiryIdParams = z.object({ id: z.string().max(60) });

export const ZGetPublicInquiryParams = z.object({ code: z.string().min(4).max(20) });

export const ZListItemFaqsParams = z.object({ code: z.string().min(1).max(60) });
