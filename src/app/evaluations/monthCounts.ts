/**
 * The summary of counted ratings (evaluation_month_counts, docs/performance.md §3): kept in the same
 * transaction as the rating or the appeal decision that changes what counts, read by the published
 * figures (getSatisfactionStats) instead of counting every rating of the months asked for.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { evaluationMonthCounts } from "../../db/schema";

/** The key of a rating in the summary. */
export type RatingKey = { month: string; orgId: string; itemCode: string; itemName: string; level: string };

/** Adds `delta` (+1: a rating given; −1: its appeal upheld, it no longer counts) to the rating's cell. */
export async function countRating(tx: Executor, key: RatingKey, delta: 1 | -1): Promise<void> {
  await tx
    .insert(evaluationMonthCounts)
    .values({ ...key, n: delta })
    .onConflictDoUpdate({
      target: [
        evaluationMonthCounts.month,
        evaluationMonthCounts.orgId,
        evaluationMonthCounts.itemCode,
        evaluationMonthCounts.itemName,
        evaluationMonthCounts.level,
      ],
      set: { n: sql`${evaluationMonthCounts.n} + ${delta}` },
    });
}
