import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { acknowledgeAlert, closeAlert, listAlerts } from "../../app/alerts/desk";
import { getSupervisionSettings, updateSupervisionSettings } from "../../app/alerts/settings";
import type { AppContext } from "../../app/context";
import { ZAlert, ZAlertList, ZSupervisionSettings } from "../../shared/api/alerts";
import {
  ZAcknowledgeAlert,
  ZAlertIdParams,
  ZCloseAlert,
  ZGetSupervisionSettings,
  ZListAlerts,
  ZSupervisionSettingsParams,
  ZUpdateSupervisionSettings,
} from "../../shared/api/requests/alerts";
import { requireActor } from "../plugins/auth";

const tags = ["supervision"];

/** Supervision alerts (电子监察预警): the supervisor's desk lists, acknowledges and closes them. */
export async function alertRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/alerts",
    {
      schema: {
        operationId: "listAlerts",
        tags,
        summary: "The alert desk: alerts of the supervisor's organization tree, filtered, with counts",
        querystring: ZListAlerts,
        response: { 200: ZAlertList },
        problems: [403],
      },
    },
    async (req) => listAlerts(ctx, requireActor(req), req.query),
  );
  r.post(
    "/api/alerts/:id/acknowledge",
    {
      schema: {
        operationId: "acknowledgeAlert",
        tags,
        summary: "Acknowledge an open alert (the supervisor has seen it), with an optional comment",
        params: ZAlertIdParams,
        body: ZAcknowledgeAlert,
        response: { 200: ZAlert },
        problems: [403, 404, 409],
      },
    },
    async (req) => acknowledgeAlert(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    "/api/alerts/:id/close",
    {
      schema: {
        operationId: "closeAlert",
        tags,
        summary: "Close an alert with a comment on how the finding was dealt with",
        params: ZAlertIdParams,
        body: ZCloseAlert,
        response: { 200: ZAlert },
        problems: [403, 404, 409],
      },
    },
    async (req) => closeAlert(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    "/api/supervision-settings",
    {
      schema: {
        operationId: "getSupervisionSettings",
        tags,
        summary:
          "The thresholds of the supervision rules that apply to an organization, and each rule's response days",
        querystring: ZGetSupervisionSettings,
        response: { 200: ZSupervisionSettings },
        problems: [403, 404],
      },
    },
    async (req) => getSupervisionSettings(ctx, requireActor(req), req.query.orgId),
  );
  r.put(
    "/api/supervision-settings/:orgId",
    {
      schema: {
        operationId: "updateSupervisionSettings",
        tags,
        summary: "Set an organization's own thresholds of the supervision rules (supervisors and admins)",
        params: ZSupervisionSettingsParams,
        body: ZUpdateSupervisionSettings,
        response: { 200: ZSupervisionSettings },
        problems: [403, 404, 409],
      },
    },
    async (req) => updateSupervisionSettings(ctx, requireActor(req), req.params.orgId, req.body),
  );
}
