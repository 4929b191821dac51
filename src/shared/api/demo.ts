/** The demo history's progress (docs/adr/0013-demo-history.md). What src/http/routes/demo.ts sends. */
import { z } from "zod";

export const ZDemoHistoryStatus = z.object({
  state: z
    .enum(["none", "running", "done", "stopped"])
    .describe("none: no history in this database; running: being generated now; stopped: interrupted"),
  /** Simulated working days done, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().int().min(0).max(100),
  from: z.string().nullable().describe("The first simulated working day (YYYY-MM-DD)"),
  to: z.string().nullable().describe("The last simulated working day (YYYY-MM-DD)"),
});
