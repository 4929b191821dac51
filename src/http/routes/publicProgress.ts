import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { getPublicProgress } from "../../app/cases/read/queries";
import type { AppContext } from "../../app/context";
import { ZPublicProgress } from "../../shared/api/cases";
import { ZGetPublicProgressQuery } from "../../shared/api/requests/cases";

/** The public progress page's API: case number + query code, no login, nothing personal. */
export async function publicProgressRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/public/progress",
    {
      config: { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        operationId: "getPublicProgress",
        tags: ["public"],
        summary: "Progress of a case by its number and query code (public; no personal data)",
        querystring: ZGetPublicProgressQuery,
        response: { 200: ZPublicProgress },
        problems: [404],
      },
    },
    async (req) => getPublicProgress(ctx, req.query.number, req.query.queryCode),
  );
}
