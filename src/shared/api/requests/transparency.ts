/** Query strings of the transparency log's operations (src/http/routes/transparency.ts). */
import { z } from "zod";

/**
 * A leaf index or tree size. The columns are bigint, but the API caps them at 2^31 − 1 like every other
 * number it takes (two billion entries: centuries of one county's events).
 */
const MAX_INDEX = 2_147_483_647;
const index = z.coerce.number().int().min(0).max(MAX_INDEX);

export const ZListCheckpointsQuery = z.object({
  /** Only checkpoints of a smaller tree (the next page after the last one seen). */
  beforeSize: index.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZInclusionProofQuery = z.object({
  leafIndex: index,
  /** Default: the latest checkpoint's size. */
  treeSize: z.coerce.number().int().min(1).max(MAX_INDEX).optional(),
});

export const ZConsistencyProofQuery = z.object({
  first: index,
  second: index,
});

export const ZLogEntriesQuery = z.object({
  start: index,
  /** Exclusive; at most 1000 after `start`. */
  end: index,
});
