import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/context";
import { ZHealth } from "../../shared/api/health";

/** `GET /healthz`: liveness with the database kind and the version. */
export async function healthRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        operationId: "health",
        tags: ["system"],
        summary: "Health check",
        response: {
          200: ZHealth,
        },
      },
    },
    async () => {
      await ctx.database.db.execute(sql`select 1`);
      return { status: "ok" as const, database: ctx.database.kind, version: ctx.config.version };
    },
  );
}
