import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { appealEvaluation, decideAppeal } from "../../app/evaluations/appeals";
import { listCaseEvaluations, listEvaluations, listMyOpenInvitations } from "../../app/evaluations/queries";
import { listRectifications, updateRectification } from "../../app/evaluations/rectifications";
import { listEvaluationSettings, updateEvaluationSettings } from "../../app/evaluations/settingsAdmin";
import { getSatisfactionStats } from "../../app/evaluations/stats";
import { getEvaluationInvitation, submitEvaluation } from "../../app/evaluations/submit";
import { openEvaluationTablet } from "../../app/evaluations/tablet";
import {
  ZCaseEvaluations,
  ZEvaluation,
  ZEvaluationInvitation,
  ZEvaluationList,
  ZEvaluationSettings,
  ZEvaluationSettingsList,
  ZEvaluationTablet,
  ZMyOpenInvitations,
  ZRectification,
  ZRectificationList,
  ZSatisfactionStats,
  ZSubmittedEvaluation,
} from "../../shared/api/evaluations";
import {
  ZAppealEvaluation,
  ZDecideAppeal,
  ZEvaluationIdParams,
  ZEvaluationRefParams,
  ZListEvaluationsQuery,
  ZListRectificationsQuery,
  ZOpenEvaluationTablet,
  ZSatisfactionQuery,
  ZSubmitEvaluation,
  ZUpdateEvaluationSettings,
  ZUpdateRectification,
} from "../../shared/api/requests/evaluations";
import { requireActor } from "../plugins/auth";

const tags = ["evaluations"];
/** The rating form is reached without login (signed link, tablet); a session only identifies the applicant. */
const FORM = { access: "optional", rateLimit: { max: 60, timeWindow: "1 minute" } } as const;

/** 好差评: invitations and ratings, window tablets, rectifications (整改), appeals, the published figures. */
export async function evaluationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/evaluation-invitations/:ref",
    {
      config: FORM,
      schema: {
        operationId: "getEvaluationInvitation",
        tags,
        summary:
          "The rating form of an invitation: by signed link or tablet token (no login) or by id (the applicant)",
        params: ZEvaluationRefParams,
        response: { 200: ZEvaluationInvitation },
        problems: [403, 404],
      },
    },
    async (req) => getEvaluationInvitation(ctx, req.actor, req.params.ref),
  );

  r.post(
    "/api/evaluation-invitations/:ref/evaluation",
    {
      config: FORM,
      schema: {
        operationId: "submitEvaluation",
        tags,
        summary:
          "Rate the service (once per case and stage, within 30 days; never by staff: 403 staff_cannot_rate). 409 already_rated when the link or invitation is used, 410 evaluation_closed / tablet_expired",
        params: ZEvaluationRefParams,
        body: ZSubmitEvaluation,
        response: {
          201: ZSubmittedEvaluation,
        },
        problems: [403, 404, 409, 410],
      },
    },
    async (req, reply) => {
      const out = await submitEvaluation(ctx, req.actor, req.params.ref, req.body);
      return reply.code(201).send(out);
    },
  );

  r.get(
    "/api/me/evaluation-invitations",
    {
      schema: {
        operationId: "listMyEvaluationInvitations",
        tags,
        summary: "The caller's invitations still open to rate (the portal's 待评价)",
        response: { 200: ZMyOpenInvitations },
      },
    },
    async (req) => listMyOpenInvitations(ctx, requireActor(req)),
  );

  r.get(
    "/api/cases/:id/evaluations",
    {
      schema: {
        operationId: "listCaseEvaluations",
        tags,
        summary: "The invitations of a case with their ratings (the applicant; staff of the office)",
        params: ZEvaluationIdParams,
        response: { 200: ZCaseEvaluations },
        problems: [403, 404],
      },
    },
    async (req) => listCaseEvaluations(ctx, requireActor(req), req.params.id),
  );

  r.post(
    "/api/cases/:id/evaluation-tablet",
    {
      schema: {
        operationId: "openEvaluationTablet",
        tags,
        summary:
          "Open a window tablet (评价器) for the applicant: a one-time page URL locked to the rating form",
        params: ZEvaluationIdParams,
        body: ZOpenEvaluationTablet,
        response: { 201: ZEvaluationTablet },
        problems: [403, 404, 409],
      },
    },
    async (req, reply) =>
      reply.code(201).send(await openEvaluationTablet(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.get(
    "/api/evaluations",
    {
      schema: {
        operationId: "listEvaluations",
        tags,
        summary:
          "Ratings: the staff drill-down of the figures (personal data masked), or the applicant's own",
        querystring: ZListEvaluationsQuery,
        response: { 200: ZEvaluationList },
      },
    },
    async (req) => listEvaluations(ctx, requireActor(req), req.query),
  );

  r.post(
    "/api/evaluations/:id/appeal",
    {
      schema: {
        operationId: "appealEvaluation",
        tags,
        summary: "申诉复核: staff of the office appeal a bad rating to the supervisor, with a reason",
        params: ZEvaluationIdParams,
        body: ZAppealEvaluation,
        response: { 200: ZEvaluation },
        problems: [403, 404, 409],
      },
    },
    async (req) => appealEvaluation(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/evaluations/:id/appeal-decision",
    {
      schema: {
        operationId: "decideAppeal",
        tags,
        summary:
          "The supervisor upholds (the rating stops counting) or dismisses (it counts and shows) an appeal",
        params: ZEvaluationIdParams,
        body: ZDecideAppeal,
        response: { 200: ZEvaluation },
        problems: [403, 404, 409],
      },
    },
    async (req) => decideAppeal(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/rectifications",
    {
      schema: {
        operationId: "listRectifications",
        tags,
        summary: "Rectifications of bad ratings (supervisors of the office; the responsible person)",
        querystring: ZListRectificationsQuery,
        response: { 200: ZRectificationList },
      },
    },
    async (req) => listRectifications(ctx, requireActor(req), req.query),
  );

  r.patch(
    "/api/rectifications/:id",
    {
      schema: {
        operationId: "updateRectification",
        tags,
        summary:
          "Record the callback (回访), then the outcome (整改结果: the applicant gets a follow-up invitation)",
        params: ZEvaluationIdParams,
        body: ZUpdateRectification,
        response: { 200: ZRectification },
        problems: [403, 404, 409],
      },
    },
    async (req) => updateRectification(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/evaluation-settings",
    {
      schema: {
        operationId: "listEvaluationSettings",
        tags,
        summary:
          "The rectification clock and the items invited at acceptance, per organization the caller manages",
        response: { 200: ZEvaluationSettingsList },
      },
    },
    async (req) => listEvaluationSettings(ctx, requireActor(req)),
  );

  r.put(
    "/api/evaluation-settings/:id",
    {
      schema: {
        operationId: "updateEvaluationSettings",
        tags,
        summary: "Set an organization's callback and rectification days and its items invited at acceptance",
        params: ZEvaluationIdParams,
        body: ZUpdateEvaluationSettings,
        response: { 200: ZEvaluationSettings },
        problems: [403, 404],
      },
    },
    async (req) => updateEvaluationSettings(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/public/satisfaction",
    {
      config: { access: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        operationId: "getSatisfactionStats",
        tags: ["public", ...tags],
        summary:
          "Published satisfaction figures per month, department and item (anonymous; comments only where allowed, personal data removed)",
        querystring: ZSatisfactionQuery,
        response: { 200: ZSatisfactionStats },
      },
    },
    async (req) => getSatisfactionStats(ctx, req.query),
  );
}
