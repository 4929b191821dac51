import { z } from "zod";

/** A GeoJSON polygon boundary (用地红线). */
export const ZBoundary = z.object({
  type: z.literal("Polygon"),
  coordinates: z
    .array(
      z
        .array(z.array(z.number().min(-180).max(180)).min(2).max(3))
        .min(4)
        .max(10_000),
    )
    .min(1)
    .max(100),
});

/** The parcel of a project (宗地): 坐落, area, use, contract number and the red-line boundary. */
export const ZParcel = z.object({
  location: z.string().min(1).max(200),
  /** At most 1,000 km²: larger than any parcel, and fees per area stay within bounds. */
  areaSqm: z.number().positive().max(1e9),
  use: z.string().min(1).max(60),
  contractNo: z.string().max(60).nullish(),
  boundary: ZBoundary.nullish(),
});
