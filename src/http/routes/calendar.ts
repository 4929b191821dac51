import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { calendarStatus } from "../../app/calendar/calendarStatus";
import { addDays, listDays } from "../../app/calendar/days";
import { importArrangement, previewArrangement } from "../../app/calendar/importArrangement";
import { createOverride, deleteOverride, listOverrides } from "../../app/calendar/overrides";
import type { AppContext } from "../../app/context";
import { authorize } from "../../app/policies";
import {
  ZArrangementImported,
  ZArrangementPreview,
  ZCalendarDayList,
  ZCalendarOverride,
  ZCalendarOverrideList,
  ZCalendarStatus,
  ZWorkingDaysAdded,
} from "../../shared/api/calendar";
import { ZNoContent } from "../../shared/api/common";
import {
  ZAddWorkingDaysQuery,
  ZArrangementInput,
  ZCreateOverride,
  ZDeleteCalendarOverrideParams,
  ZListCalendarDaysQuery,
  ZListCalendarOverridesQuery,
} from "../../shared/api/requests/calendar";
import { requireActor } from "../plugins/auth";

/** Public reads are cheap but not free: a generous per-IP limit. */
const PUBLIC_RATE = { access: "public", rateLimit: { max: 600, timeWindow: "1 minute" } } as const;

/** The working-day calendar: public reads, the missing-year status, arrangement import and local overrides. */
export async function calendarRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/calendar/days",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "listCalendarDays",
        tags: ["calendar"],
        summary: "Classify every date from `from` to `to` (at most 400 days); `org` adds its local overrides",
        querystring: ZListCalendarDaysQuery,
        response: { 200: ZCalendarDayList },
      },
    },
    async (req) => ({ items: await listDays(ctx, req.query) }),
  );

  r.get(
    "/api/calendar/add",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "addWorkingDays",
        tags: ["calendar"],
        summary: "The n-th working day after `from` (day 0), with `provisional` for a year not yet published",
        querystring: ZAddWorkingDaysQuery,
        response: {
          200: ZWorkingDaysAdded,
        },
      },
    },
    async (req) => addDays(ctx, req.query),
  );

  r.get(
    "/api/calendar/status",
    {
      config: PUBLIC_RATE,
      schema: {
        operationId: "getCalendarStatus",
        tags: ["calendar"],
        summary: "Last official year and the warning when the coming year's arrangement is missing",
        response: { 200: ZCalendarStatus },
      },
    },
    async () => calendarStatus(ctx),
  );

  r.post(
    "/api/calendar/arrangements/preview",
    {
      schema: {
        operationId: "previewCalendarArrangement",
        tags: ["calendar"],
        summary:
          "Parse and validate a year's arrangement (the State Council notice as published, the line format, or JSON) and diff it against the known one (admin)",
        body: ZArrangementInput,
        response: { 200: ZArrangementPreview },
      },
    },
    async (req) => {
      authorize(requireActor(req), "previewArrangement", "calendar", null);
      return previewArrangement(ctx, req.body);
    },
  );

  r.post(
    "/api/calendar/arrangements",
    {
      schema: {
        operationId: "importCalendarArrangement",
        tags: ["calendar"],
        summary:
          "Import a year's arrangement (notice text, line format or JSON; admin); an official year needs `replace: true`",
        body: ZArrangementInput,
        response: {
          201: ZArrangementImported,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await importArrangement(ctx, requireActor(req), req.body)),
  );

  r.get(
    "/api/calendar/overrides",
    {
      schema: {
        operationId: "listCalendarOverrides",
        tags: ["calendar"],
        summary: "Local closures and extra working days of the organizations the admin manages",
        querystring: ZListCalendarOverridesQuery,
        response: { 200: ZCalendarOverrideList },
        problems: [403],
      },
    },
    async (req) => ({ items: await listOverrides(ctx, requireActor(req), req.query.org) }),
  );

  r.post(
    "/api/calendar/overrides",
    {
      schema: {
        operationId: "createCalendarOverride",
        tags: ["calendar"],
        summary: "Close an organization on a working day or open it on a rest day (admin over it)",
        body: ZCreateOverride,
        response: { 201: ZCalendarOverride },
      },
    },
    async (req, reply) => reply.code(201).send(await createOverride(ctx, requireActor(req), req.body)),
  );

  r.delete(
    "/api/calendar/overrides/:id",
    {
      schema: {
        operationId: "deleteCalendarOverride",
        tags: ["calendar"],
        summary: "Remove a local override (admin over its organization)",
        params: ZDeleteCalendarOverrideParams,
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      await deleteOverride(ctx, requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
