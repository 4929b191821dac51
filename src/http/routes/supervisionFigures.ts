import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { getSupervisionDashboard, listSupervisionCases } from "../../app/supervision/dashboard";
import { exportScorecards } from "../../app/supervision/exportScorecards";
import { listScorecards, signScorecard } from "../../app/supervision/scorecards";
import {
  ZExportScorecardsQuery,
  ZListScorecardsQuery,
  ZScorecardParams,
  ZSignScorecard,
  ZSupervisionCasesQuery,
  ZSupervisionDashboardQuery,
} from "../../shared/api/requests/supervisionFigures";
import {
  ZScorecard,
  ZScorecardList,
  ZSupervisionCaseList,
  ZSupervisionDashboard,
} from "../../shared/api/supervisionFigures";
import { binaryResponse } from "../openapi";
import { requireActor } from "../plugins/auth";

const tags = ["supervision"];

/** The supervisor's figures: the dashboard, the cases behind a figure, the monthly scorecards. */
export async function supervisionFigureRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/supervision/dashboard",
    {
      schema: {
        operationId: "getSupervisionDashboard",
        tags,
        summary:
          "The supervisor's dashboard: 办结率, 按时办结率, 满意率 … overall, per office, per person, trends",
        querystring: ZSupervisionDashboardQuery,
        response: { 200: ZSupervisionDashboard },
        problems: [403, 404],
      },
    },
    async (req) => getSupervisionDashboard(ctx, requireActor(req), req.query),
  );
  r.get(
    "/api/supervision/cases",
    {
      schema: {
        operationId: "listSupervisionCases",
        tags,
        summary: "The cases behind one figure of the dashboard (drill-down), by office, person and months",
        querystring: ZSupervisionCasesQuery,
        response: { 200: ZSupervisionCaseList },
        problems: [403, 404],
      },
    },
    async (req) => listSupervisionCases(ctx, requireActor(req), req.query),
  );
  r.get(
    "/api/supervision/scorecards",
    {
      schema: {
        operationId: "listScorecards",
        tags,
        summary: "A month's scorecards (检查考核) per section and per person; signed ones frozen",
        querystring: ZListScorecardsQuery,
        response: { 200: ZScorecardList },
        problems: [403, 404],
      },
    },
    async (req) => listScorecards(ctx, requireActor(req), req.query),
  );
  r.post(
    "/api/supervision/scorecards/:month/:kind/:subjectId/sign",
    {
      schema: {
        operationId: "signScorecard",
        tags,
        summary: "Sign a month's scorecard with a comment: its figures are stored and frozen",
        params: ZScorecardParams,
        body: ZSignScorecard,
        response: { 200: ZScorecard },
        problems: [403, 404, 409],
      },
    },
    async (req) => signScorecard(ctx, requireActor(req), req.params, req.body),
  );
  r.get(
    "/api/supervision/scorecards/export",
    {
      schema: {
        operationId: "exportScorecards",
        tags,
        summary: "A month's scorecards as an XLSX workbook or a CSV file (UTF-8 with BOM)",
        querystring: ZExportScorecardsQuery,
        response: {
          200: binaryResponse(
            "The scorecards",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/csv",
          ),
        },
        problems: [403, 404],
      },
    },
    async (req, reply) => {
      const file = await exportScorecards(ctx, requireActor(req), req.query);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(Buffer.from(file.bytes));
    },
  );
}
