import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import {
  createTrainingSession,
  getTrainingHistory,
  getTrainingOptions,
  getTrainingSession,
  listTrainingSessions,
  recordAttendance,
} from "../../app/training/sessions";
import {
  ZCreateTrainingSession,
  ZListTrainingSessionsQuery,
  ZRecordAttendance,
  ZTrainingIdParams,
} from "../../shared/api/requests/training";
import {
  ZTrainingHistory,
  ZTrainingOptions,
  ZTrainingSession,
  ZTrainingSessionList,
} from "../../shared/api/training";
import { requireActor } from "../plugins/auth";

const tags = ["training"];

/** 教育培训: study sessions of the supervisor's tree, attendance, a person's training history. */
export async function trainingRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/training-sessions",
    {
      config: { access: "session" },
      schema: {
        operationId: "listTrainingSessions",
        tags,
        summary: "Study sessions of the caller's organization tree (staff), newest first",
        querystring: ZListTrainingSessionsQuery,
        response: { 200: ZTrainingSessionList },
        problems: [403],
      },
    },
    async (req) => listTrainingSessions(ctx, requireActor(req), req.query),
  );

  r.post(
    "/api/training-sessions",
    {
      config: { access: "session" },
      schema: {
        operationId: "createTrainingSession",
        tags,
        summary:
          "Hold a study session (supervisors): date, topic, documents studied, the sections it is for, the record",
        body: ZCreateTrainingSession,
        response: { 201: ZTrainingSession },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await createTrainingSession(ctx, requireActor(req), req.body)),
  );

  r.get(
    "/api/training-sessions/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "getTrainingSession",
        tags,
        summary: "A study session with its record and its roster's attendance (staff of the tree)",
        params: ZTrainingIdParams,
        response: { 200: ZTrainingSession },
        problems: [403, 404],
      },
    },
    async (req) => getTrainingSession(ctx, requireActor(req), req.params.id),
  );

  r.put(
    "/api/training-sessions/:id/attendance",
    {
      config: { access: "session" },
      schema: {
        operationId: "recordAttendance",
        tags,
        summary:
          "Record attendance (present / absent / excused) per person of the roster, and the record (supervisors; optimistic version, 409)",
        params: ZTrainingIdParams,
        body: ZRecordAttendance,
        response: { 200: ZTrainingSession },
        problems: [403, 404, 409],
      },
    },
    async (req) => recordAttendance(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/staff/:id/training",
    {
      config: { access: "session" },
      schema: {
        operationId: "getTrainingHistory",
        tags,
        summary: "A person's training history: their own, or of staff the caller supervises",
        params: ZTrainingIdParams,
        response: { 200: ZTrainingHistory },
        problems: [403, 404],
      },
    },
    async (req) => getTrainingHistory(ctx, requireActor(req), req.params.id),
  );

  r.get(
    "/api/training-options",
    {
      config: { access: "session" },
      schema: {
        operationId: "getTrainingOptions",
        tags,
        summary: "The organizations and staff a supervisor plans sessions for (supervisors)",
        response: { 200: ZTrainingOptions },
        problems: [403],
      },
    },
    async (req) => getTrainingOptions(ctx, requireActor(req)),
  );
}
