import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import {
  answerInquiry,
  claimInquiry,
  createInquiry,
  handOverInquiry,
  publishInquiryFaq,
} from "../../app/inquiries/inquiries";
import {
  getInquiry,
  getPublicInquiry,
  listInquiries,
  listInquiryColleagues,
  listItemFaqs,
  presentFor,
} from "../../app/inquiries/queries";
import {
  ZInquiry,
  ZInquiryColleagueList,
  ZInquiryCreated,
  ZInquiryList,
  ZItemFaqList,
  ZPublicInquiry,
} from "../../shared/api/inquiries";
import {
  ZAnswerInquiry,
  ZCreateInquiry,
  ZGetPublicInquiryParams,
  ZHandOverInquiry,
  ZInquiryIdParams,
  ZListInquiries,
  ZListItemFaqsParams,
  ZPublishInquiryFaq,
  ZVersionOnly,
} from "../../shared/api/requests/inquiries";
import { requireActor } from "../plugins/auth";

const tags = ["inquiries"];

/**
 * Inquiries (咨询, 首问负责制): staff record and answer questions; the public asks online without an
 * account and reads the answer by query code; answered questions become the item guide's FAQ.
 */
export async function inquiryRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/inquiries",
    {
      // Optional session: staff record window/phone questions (and own them); anyone may ask online,
      // 10 questions a minute per address (staff sessions are not limited: the window records all day).
      config: {
        access: "optional",
        rateLimit: { max: 10, timeWindow: "1 minute", allowList: (req) => req.actor?.kind === "staff" },
      },
      schema: {
        operationId: "createInquiry",
        tags,
        summary:
          "Record a question: staff (window, phone; the recorder owns it) or the public online without an account (query code)",
        body: ZCreateInquiry,
        response: { 201: ZInquiryCreated },
        problems: [403],
      },
    },
    async (req, reply) => {
      const row = await createInquiry(ctx, req.actor ?? null, req.body);
      const staff = req.actor?.kind === "staff";
      return reply.code(201).send({
        id: row.id,
        queryCode: row.queryCode,
        status: row.status,
        inquiry: staff && req.actor ? await presentFor(ctx, req.actor, row) : null,
      });
    },
  );
  r.get(
    "/api/inquiries",
    {
      schema: {
        operationId: "listInquiries",
        tags,
        summary: "The inquiry desk: questions of the caller's office tree, filtered, with counts",
        querystring: ZListInquiries,
        response: { 200: ZInquiryList },
        problems: [403],
      },
    },
    async (req) => listInquiries(ctx, requireActor(req), req.query),
  );
  r.get(
    "/api/inquiries/:id",
    {
      schema: {
        operationId: "getInquiry",
        tags,
        summary: "One inquiry (staff of its office tree, or its owner)",
        params: ZInquiryIdParams,
        response: { 200: ZInquiry },
      },
    },
    async (req) => getInquiry(ctx, requireActor(req), req.params.id),
  );
  r.get(
    "/api/inquiries/:id/colleagues",
    {
      schema: {
        operationId: "listInquiryColleagues",
        tags,
        summary: "Colleagues the inquiry may be handed over to (active staff of its office tree)",
        params: ZInquiryIdParams,
        response: { 200: ZInquiryColleagueList },
      },
    },
    async (req) => listInquiryColleagues(ctx, requireActor(req), req.params.id),
  );

  r.post(
    "/api/inquiries/:id/claim",
    {
      schema: {
        operationId: "claimInquiry",
        tags,
        summary: "Take an unowned online question: the clerk owns it from now on",
        params: ZInquiryIdParams,
        body: ZVersionOnly,
        response: { 200: ZInquiry },
        problems: [403, 409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentFor(ctx, actor, await claimInquiry(ctx, actor, req.params.id, req.body));
    },
  );
  r.post(
    "/api/inquiries/:id/answer",
    {
      schema: {
        operationId: "answerInquiry",
        tags,
        summary: "Answer a question (its owner, or a supervisor); the time to answer counts office hours",
        params: ZInquiryIdParams,
        body: ZAnswerInquiry,
        response: { 200: ZInquiry },
        problems: [403, 409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentFor(ctx, actor, await answerInquiry(ctx, actor, req.params.id, req.body));
    },
  );
  r.post(
    "/api/inquiries/:id/handover",
    {
      schema: {
        operationId: "handOverInquiry",
        tags,
        summary: "Hand the question to a named colleague with a reason; the colleague owns it from now on",
        params: ZInquiryIdParams,
        body: ZHandOverInquiry,
        response: { 200: ZInquiry },
        problems: [403, 409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentFor(ctx, actor, await handOverInquiry(ctx, actor, req.params.id, req.body));
    },
  );
  r.post(
    "/api/inquiries/:id/faq",
    {
      schema: {
        operationId: "publishInquiryFaq",
        tags,
        summary: "Publish an answered question to its item's guide as FAQ, personal data removed",
        params: ZInquiryIdParams,
        body: ZPublishInquiryFaq,
        response: { 200: ZInquiry },
        problems: [403, 409],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentFor(ctx, actor, await publishInquiryFaq(ctx, actor, req.params.id, req.body));
    },
  );
  r.get(
    "/api/public/inquiries/:code",
    {
      config: { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        operationId: "getPublicInquiry",
        tags: ["public"],
        summary: "A question and its answer by query code (public; no personal data)",
        params: ZGetPublicInquiryParams,
        response: { 200: ZPublicInquiry },
        problems: [404],
      },
    },
    async (req) => getPublicInquiry(ctx, req.params.code),
  );
  r.get(
    "/api/catalog/items/:code/faqs",
    {
      config: { access: "public", rateLimit: { max: 600, timeWindow: "1 minute" } },
      schema: {
        operationId: "listItemFaqs",
        tags: ["catalog"],
        summary: "The item guide's FAQ: answered questions published by staff (public)",
        params: ZListItemFaqsParams,
        response: { 200: ZItemFaqList },
      },
    },
    async (req) => listItemFaqs(ctx, req.params.code),
  );
}
