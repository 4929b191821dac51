import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { getDemoHistoryStatus } from "../../app/seed/history";
import { ZDemoHistoryStatus } from "../../shared/api/demo";

/** `GET /api/demo/history`: how far the demo history is (the pages show a banner while it runs). */
export async function demoRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/demo/history",
    {
      config: { access: "public" },
      schema: {
        operationId: "getDemoHistoryStatus",
        tags: ["system"],
        summary: "Progress of the demo history (演示历史数据) being generated in the background",
        response: { 200: ZDemoHistoryStatus },
      },
    },
    async () => getDemoHistoryStatus(ctx),
  );
}
