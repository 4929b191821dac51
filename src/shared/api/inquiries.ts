/** Inquiries (咨询, 首问负责制) on the wire: the staff desk's record, the public answer page, the guide's FAQ. */
import { z } from "zod";
import { ZAbilities, ZInstant } from "./common";

export const ZInquiryChannel = z.enum(["window", "phone", "online"]);
export const ZInquiryStatus = z.enum(["unclaimed", "open", "answered"]);

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZInquiryHandover = z.object({
  from: ZPerson,
  to: ZPerson,
  reason: z.string(),
  at: ZInstant,
});

export const ZInquiry = z
  .object({
    id: z.string(),
    channel: ZInquiryChannel,
    status: ZInquiryStatus,
    question: z.string(),
    askerName: z.string().nullable(),
    askerContact: z
      .string()
      .nullable()
      .describe("Whole for the owner and a supervisor of the office; masked (138****9876) for others"),
    itemCode: z.string().nullable(),
    itemName: z.string().nullable(),
    policyReference: z.string().nullable(),
    orgName: z.string(),
    queryCode: z.string(),
    owner: ZPerson.nullable().describe("The first responder who owns the question until it is answered"),
    recordedBy: ZPerson.nullable().describe("The staff member who recorded it; null when asked online"),
    askedAt: ZInstant,
    claimedAt: ZInstant.nullable(),
    handovers: z.array(ZInquiryHandover),
    answer: z.string().nullable(),
    answeredBy: ZPerson.nullable(),
    answeredAt: ZInstant.nullable(),
    workingMinutesToAnswer: z
      .number()
      .nullable()
      .describe("Office-hours minutes on working days from the question to the answer"),
    workingMinutesWaiting: z
      .number()
      .describe("Office-hours minutes since the question (to the answer if answered)"),
    faq: z.object({ question: z.string(), answer: z.string(), publishedAt: ZInstant }).nullable(),
    version: z.number(),
    abilities: ZAbilities,
  })
  .meta({ id: "Inquiry" });
export type TInquiry = z.infer<typeof ZInquiry>;

export const ZInquiryList = z.object({
  items: z.array(ZInquiry),
  counts: z
    .object({
      unclaimed: z.number(),
      open: z.number(),
      answered: z.number(),
      mine: z.number().describe("Not yet answered and owned by the caller"),
      overdue: z.number().describe("Not answered after one working day of office hours"),
    })
    .describe("Over the caller's whole scope, before the filters"),
});
export type TInquiryList = z.infer<typeof ZInquiryList>;

export const ZPublicInquiry = z
  .object({
    queryCode: z.string(),
    channel: ZInquiryChannel,
    status: z.enum(["open", "answered"]),
    question: z.string().describe("With identifiers masked"),
    askedAt: ZInstant,
    itemCode: z.string().nullable(),
    itemName: z.string().nullable(),
    orgName: z.string(),
    answer: z.string().nullable(),
    answeredAt: ZInstant.nullable(),
    policyReference: z.string().nullable(),
  })
  .meta({ id: "PublicInquiry" });
export type TPublicInquiry = z.infer<typeof ZPublicInquiry>;

export const ZInquiryCreated = z.object({
  id: z.string(),
  queryCode: z.string().describe("The code to read the answer at /ask/answer"),
  status: ZInquiryStatus,
  inquiry: ZInquiry.nullable().describe("The record, for staff; null for the public"),
});

export const ZItemFaq = z
  .object({
    id: z.string(),
    question: z.string(),
    answer: z.string(),
    policyReference: z.string().nullable(),
    publishedAt: ZInstant,
  })
  .meta({ id: "ItemFaq" });
export type TItemFaq = z.infer<typeof ZItemFaq>;

export const ZInquiryColleague = z.object({ id: z.string(), name: z.string(), orgName: z.string() });

export const ZInquiryColleagueList = z.object({ items: z.array(ZInquiryColleague) });

export const ZItemFaqList = z.object({ items: z.array(ZItemFaq) });
