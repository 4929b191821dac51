import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { handOverReviewTasks } from "../../app/staff/handover";
import { listPosts, listStaff } from "../../app/staff/roster";
import { endAbsence, setAbsence, updatePost } from "../../app/staff/writes";
import {
  ZEndAbsence,
  ZHandOverTasks,
  ZListStaffQuery,
  ZSetAbsence,
  ZStaffIdParams,
  ZUpdatePost,
} from "../../shared/api/requests/staff";
import {
  ZHandoverResult,
  ZStaffAbsence,
  ZStaffPost,
  ZStaffPostList,
  ZStaffRoster,
} from "../../shared/api/staff";
import { requireActor } from "../plugins/auth";

const tags = ["staff"];

/** 人员: the roster with posts (AB岗), absences, workload and the handover of an absent holder's tasks. */
export async function staffRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/staff",
    {
      config: { access: "session" },
      schema: {
        operationId: "listStaff",
        tags,
        summary:
          "The roster per window and section: posts (A/B), people with today's absence and workload, the handover list (supervisors, admins)",
        querystring: ZListStaffQuery,
        response: { 200: ZStaffRoster },
        problems: [403],
      },
    },
    async (req) => listStaff(ctx, requireActor(req), req.query),
  );

  r.get(
    "/api/staff-posts",
    {
      config: { access: "session" },
      schema: {
        operationId: "listPosts",
        tags,
        summary:
          "The posts (岗位) of the windows and sections the caller manages, with who gets new work today",
        response: { 200: ZStaffPostList },
        problems: [403],
      },
    },
    async (req) => listPosts(ctx, requireActor(req)),
  );

  r.put(
    "/api/staff-posts/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "updatePost",
        tags,
        summary: "Set a post's holder (A岗) and backup (B岗) (supervisors, admins; optimistic version, 409)",
        params: ZStaffIdParams,
        body: ZUpdatePost,
        response: { 200: ZStaffPost },
        problems: [403, 404, 409],
      },
    },
    async (req) => updatePost(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/staff-absences",
    {
      config: { access: "session" },
      schema: {
        operationId: "setAbsence",
        tags,
        summary:
          "Record a staff member's absence (请假, 培训, 出差): new work of their posts goes to the backup",
        body: ZSetAbsence,
        response: { 201: ZStaffAbsence },
        problems: [403],
      },
    },
    async (req, reply) => reply.code(201).send(await setAbsence(ctx, requireActor(req), req.body)),
  );

  r.post(
    "/api/staff-absences/:id/end",
    {
      config: { access: "session" },
      schema: {
        operationId: "endAbsence",
        tags,
        summary: "End an absence now (the person is back; optimistic version, 409)",
        params: ZStaffIdParams,
        body: ZEndAbsence,
        response: { 200: ZStaffAbsence },
        problems: [403, 404, 409],
      },
    },
    async (req) => endAbsence(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    "/api/staff-handover",
    {
      config: { access: "session" },
      schema: {
        operationId: "handOverReviewTasks",
        tags,
        summary:
          "转交B岗: hand open tasks of holders absent today to their post's backup (recorded in each case's log)",
        body: ZHandOverTasks,
        response: { 200: ZHandoverResult },
        problems: [403, 409],
      },
    },
    async (req) => handOverReviewTasks(ctx, requireActor(req), req.body),
  );
}
