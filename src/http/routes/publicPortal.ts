import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { listPublicDecisions } from "../../app/publicPortal/decisions";
import { getPublicFigures } from "../../app/publicPortal/figures";
import {
  decisionsCsv,
  figuresCsv,
  openDataCatalog,
  openDecisions,
  openFigures,
} from "../../app/publicPortal/openData";
import {
  ZOpenDataCatalog,
  ZOpenDecisions,
  ZOpenFigures,
  ZPublicDecisionList,
  ZPublicFigures,
} from "../../shared/api/publicPortal";
import { ZListPublicDecisionsQuery, ZPublicFiguresQuery } from "../../shared/api/requests/publicPortal";
import { binaryResponse } from "../openapi";

const tags = ["public"];
const config = { access: "public" as const, rateLimit: { max: 60, timeWindow: "1 minute" } };
/** Downloads are heavier (every decision): fewer per address. */
const download = { access: "public" as const, rateLimit: { max: 20, timeWindow: "1 minute" } };

const attachment = (reply: FastifyReply, fileName: string) =>
  reply.header("content-disposition", `attachment; filename="${fileName}"`);

/** The public portal's read APIs (no login, nothing personal): decisions, figures, open data. */
export async function publicPortalRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/public/decisions",
    {
      config,
      schema: {
        operationId: "listPublicDecisions",
        tags,
        summary:
          "Published licence decisions (行政许可决定公开): permit, enterprise holder, item, date, location, office; never a natural person's data",
        querystring: ZListPublicDecisionsQuery,
        response: { 200: ZPublicDecisionList },
      },
    },
    async (req) => listPublicDecisions(ctx, req.query),
  );
  r.get(
    "/api/public/figures",
    {
      config,
      schema: {
        operationId: "getPublicFigures",
        tags,
        summary:
          "Live figures of the last 12 months: completion, on-time and satisfaction rates by month and department",
        querystring: ZPublicFiguresQuery,
        response: { 200: ZPublicFigures },
      },
    },
    async (req) => getPublicFigures(ctx, req.query),
  );
  r.get(
    "/api/public/open-data",
    {
      config,
      schema: {
        operationId: "getOpenDataCatalog",
        tags,
        summary: "The open data sets with absolute download links and field descriptions",
        response: { 200: ZOpenDataCatalog },
      },
    },
    async () => openDataCatalog(ctx),
  );
  r.get(
    "/api/public/open-data/decisions.json",
    {
      config: download,
      schema: {
        operationId: "downloadOpenDecisionsJson",
        tags,
        summary: "Every published decision as JSON",
        response: { 200: ZOpenDecisions },
      },
    },
    async (_req, reply) => {
      attachment(reply, "decisions.json");
      return openDecisions(ctx);
    },
  );
  r.get(
    "/api/public/open-data/decisions.csv",
    {
      config: download,
      schema: {
        operationId: "downloadOpenDecisionsCsv",
        tags,
        summary: "Every published decision as CSV (UTF-8 with BOM)",
        response: { 200: binaryResponse("The decisions", "text/csv") },
      },
    },
    async (_req, reply) =>
      attachment(reply, "decisions.csv")
        .type("text/csv; charset=utf-8")
        .send(Buffer.from(await decisionsCsv(ctx))),
  );
  r.get(
    "/api/public/open-data/figures.json",
    {
      config: download,
      schema: {
        operationId: "downloadOpenFiguresJson",
        tags,
        summary: "The published figures of the last 12 months as JSON",
        response: { 200: ZOpenFigures },
      },
    },
    async (_req, reply) => {
      attachment(reply, "figures.json");
      return openFigures(ctx);
    },
  );
  r.get(
    "/api/public/open-data/figures.csv",
    {
      config: download,
      schema: {
        operationId: "downloadOpenFiguresCsv",
        tags,
        summary: "The published figures of the last 12 months as CSV (UTF-8 with BOM)",
        response: { 200: binaryResponse("The figures", "text/csv") },
      },
    },
    async (_req, reply) =>
      attachment(reply, "figures.csv")
        .type("text/csv; charset=utf-8")
        .send(Buffer.from(await figuresCsv(ctx))),
  );
}
