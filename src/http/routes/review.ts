import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  claimReviewTask,
  commentReviewTask,
  completeReviewTask,
  countReviewTasks,
  listReviewTasks,
} from "../../app/cases/review/reviewTasks";
import type { AppContext } from "../../app/context";
import {
  ZClaimReviewTaskBody,
  ZCommentReviewTaskBody,
  ZCompleteReviewTask,
  ZListReviewTasksQuery,
  ZReviewTaskFilters,
  ZReviewTaskIdParams,
} from "../../shared/api/requests/review";
import { ZReviewComment, ZReviewInbox, ZReviewTask, ZReviewTaskCounts } from "../../shared/api/review";
import { requireActor } from "../plugins/auth";
import { caseRef, commandAnswer, MINIMAL, prefersMinimal, ZCaseOrRef } from "./caseSchemas";

const tags = ["review"];

/** The reviewers' inbox and review-task commands. */
export async function reviewRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/review-tasks",
    {
      schema: {
        operationId: "listReviewTasks",
        tags,
        summary:
          "The caller's departments' review tasks: to do (most urgent first) or done by the caller (已办)",
        querystring: ZListReviewTasksQuery,
        response: { 200: ZReviewInbox },
        problems: [403],
      },
    },
    async (req) => listReviewTasks(ctx, requireActor(req), req.query),
  );
  r.get(
    "/api/review-tasks/counts",
    {
      schema: {
        operationId: "countReviewTasks",
        tags,
        summary: "The numbers of the inbox's tabs (to do, done by the caller) under the same filters",
        querystring: ZReviewTaskFilters,
        response: { 200: ZReviewTaskCounts },
        problems: [403],
      },
    },
    async (req) => countReviewTasks(ctx, requireActor(req), req.query),
  );
  r.post(
    "/api/review-tasks/:id/claim",
    {
      schema: {
        operationId: "claimReviewTask",
        tags,
        summary: "Claim a task of one's department",
        params: ZReviewTaskIdParams,
        body: ZClaimReviewTaskBody,
        response: { 200: ZReviewTask },
      },
    },
    async (req) => claimReviewTask(ctx, requireActor(req), req.params.id, req.body.expectedVersion),
  );
  r.post(
    "/api/review-tasks/:id/comments",
    {
      schema: {
        operationId: "commentReviewTask",
        tags,
        summary: "Comment on a task",
        params: ZReviewTaskIdParams,
        body: ZCommentReviewTaskBody,
        response: { 201: ZReviewComment },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await commentReviewTask(ctx, requireActor(req), req.params.id, req.body.text)),
  );
  r.post(
    "/api/review-tasks/:id/complete",
    {
      schema: {
        operationId: "completeReviewTask",
        tags,
        summary: `Approve the task, or return it with an opinion${MINIMAL}`,
        params: ZReviewTaskIdParams,
        body: ZCompleteReviewTask,
        response: { 200: ZCaseOrRef },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const minimal = prefersMinimal(req.headers);
      const c = await completeReviewTask(ctx, actor, req.params.id, req.body, { view: !minimal });
      return minimal ? caseRef(c) : await commandAnswer(ctx, actor, c);
    },
  );
}
