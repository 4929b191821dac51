import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import {
  getReferral,
  listReferrals,
  registerReferral,
  reportReferralProgress,
} from "../../app/referrals/referrals";
import { ZReferral, ZReferralList } from "../../shared/api/referrals";
import {
  ZGetReferralParams,
  ZListReferralsQuery,
  ZRegisterReferral,
  ZReportReferralProgress,
  ZReportReferralProgressParams,
} from "../../shared/api/requests/referrals";
import { requireActor } from "../plugins/auth";

const tags = ["referrals"];

/** Referrals (转办): the window registers or refers, the receiving body reports progress until done. */
export async function referralRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/referrals",
    {
      schema: {
        operationId: "listReferrals",
        tags,
        summary: "Referrals the caller follows (receiving body, referring window, or the applicant)",
        querystring: ZListReferralsQuery,
        response: { 200: ZReferralList },
        problems: [403],
      },
    },
    async (req) => ({ items: await listReferrals(ctx, requireActor(req), req.query) }),
  );
  r.post(
    "/api/referrals",
    {
      schema: {
        operationId: "registerReferral",
        tags,
        summary: "Register a matter another body handles (e.g. 设施农业用地备案) only to refer it there",
        body: ZRegisterReferral,
        response: { 201: ZReferral },
      },
    },
    async (req, reply) => reply.code(201).send(await registerReferral(ctx, requireActor(req), req.body)),
  );
  r.get(
    "/api/referrals/:id",
    {
      schema: {
        operationId: "getReferral",
        tags,
        summary: "One referral with its progress",
        params: ZGetReferralParams,
        response: { 200: ZReferral },
      },
    },
    async (req) => getReferral(ctx, requireActor(req), req.params.id),
  );
  r.post(
    "/api/referrals/:id/progress",
    {
      schema: {
        operationId: "reportReferralProgress",
        tags,
        summary: "Report progress: received, in_progress or done, with a note (receiving body)",
        params: ZReportReferralProgressParams,
        body: ZReportReferralProgress,
        response: { 200: ZReferral },
        problems: [409],
      },
    },
    async (req) => reportReferralProgress(ctx, requireActor(req), req.params.id, req.body),
  );
}
