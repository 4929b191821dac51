import { asc, count, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { cases } from "../../../../db/schema";
import {
  type RewriteProgress,
  type RewriteTarget,
  rewriteInBatches,
  rewriteScope,
  staleField,
  staleFormField,
} from "../../../pii/batches";

/**
 * Re-encrypts the applicant and agent snapshots and the phone and ID fields of the form of cases
 * (ADR 0016): the same values written again under the active key, with the ID number's keyed hash
 * under the active hash key. Not a change of the case: no event, the version and `updated_at` stay.
 */
export async function rewriteCasePersonalData(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const scope = rewriteScope(
    t,
    or(
      staleField(cases.applicant, "idNumber", t),
      staleField(cases.applicant, "phone", t),
      staleField(cases.agent, "idNumber", t),
      staleField(cases.agent, "phone", t),
      staleFormField(cases.formData, t),
    ),
    sql`${cases.applicant}->>'idNumberHash' is not null`,
    cases.id,
  );
  return rewriteInBatches(
    "cases",
    async () => (await db.select({ n: count() }).from(cases).where(scope.where()))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: cases.id, applicant: cases.applicant, agent: cases.agent, formData: cases.formData })
          .from(cases)
          .where(scope.where())
          .orderBy(asc(cases.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(cases)
            .set({ applicant: r.applicant, agent: r.agent, formData: r.formData })
            .where(inArray(cases.id, [r.id]));
        scope.passed(rows.at(-1)?.id);
        return rows.length;
      }),
    onProgress,
  );
}
