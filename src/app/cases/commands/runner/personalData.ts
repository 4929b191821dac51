import { asc, count, inArray, or } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { cases } from "../../../../db/schema";
import { type RewriteProgress, type RewriteTarget, rewriteInBatches, staleField } from "../../../pii/batches";

/**
 * Re-encrypts the applicant and agent snapshots of cases (ADR 0016): the same values written again
 * under the active key, with the ID number's keyed hash. Not a change of the case: no event, the
 * version and `updated_at` stay.
 */
export async function rewriteCasePersonalData(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = or(
    staleField(cases.applicant, "idNumber", t),
    staleField(cases.applicant, "phone", t),
    staleField(cases.agent, "idNumber", t),
    staleField(cases.agent, "phone", t),
  );
  return rewriteInBatches(
    "cases",
    async () => (await db.select({ n: count() }).from(cases).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: cases.id, applicant: cases.applicant, agent: cases.agent })
          .from(cases)
          .where(stale)
          .orderBy(asc(cases.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(cases)
            .set({ applicant: r.applicant, agent: r.agent })
            .where(inArray(cases.id, [r.id]));
        return rows.length;
      }),
    onProgress,
  );
}
