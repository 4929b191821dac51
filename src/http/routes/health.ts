import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context";

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
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgresql"]),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await ctx.database.db.execute(sql`select 1`);
      return { status: "ok" as const, database: ctx.database.kind, version: ctx.config.version };
    },
  );
}
