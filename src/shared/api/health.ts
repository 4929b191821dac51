/** The health check's answer. What src/http/routes/health.ts sends. */
import { z } from "zod";

export const ZHealth = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});
