import { asc, count, eq, or } from "drizzle-orm";
import { piiHash, piiKeyring } from "../../adapters/pii/keyring";
import type { Db } from "../../db/client";
import { referrals, users } from "../../db/schema";
import { rewriteCasePersonalData } from "../cases/commands/runner";
import { type RewriteProgress, type RewriteTarget, rewriteInBatches, staleField, staleText } from "./batches";

/**
 * Writes every stored ID number, phone and TOTP secret again under the active key (ADR 0016): users
 * (with the keyed hashes), the applicant and agent snapshots of cases, referrals' applicant snapshots.
 * Returns the rows rewritten per table.
 */
export async function rewritePersonalData(
  db: Db,
  t: RewriteTarget,
  onProgress?: RewriteProgress,
): Promise<Record<string, number>> {
  return {
    users: await rewriteUsers(db, t, onProgress),
    cases: await rewriteCasePersonalData(db, t, onProgress),
    referrals: await rewriteReferrals(db, t, onProgress),
  };
}

/** The start-up step: values still in plaintext (written before encryption at rest) are encrypted. */
export function encryptPlaintextPersonalData(db: Db, onProgress?: RewriteProgress) {
  return rewritePersonalData(db, { kind: "plaintext" }, onProgress);
}

/** `yizhan pii rotate`: every value not under the active key is re-encrypted with it. */
export function reencryptPersonalData(db: Db, onProgress?: RewriteProgress) {
  return rewritePersonalData(db, { kind: "not-under", kid: piiKeyring().active }, onProgress);
}

async function rewriteUsers(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = or(
    staleText(users.idNumber, t),
    staleText(users.phone, t),
    staleText(users.totpSecret, t),
    staleText(users.totpPendingSecret, t),
  );
  return rewriteInBatches(
    "users",
    async () => (await db.select({ n: count() }).from(users).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({
            id: users.id,
            idNumber: users.idNumber,
            phone: users.phone,
            totpSecret: users.totpSecret,
            totpPendingSecret: users.totpPendingSecret,
          })
          .from(users)
          .where(stale)
          .orderBy(asc(users.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(users)
            .set({
              idNumber: r.idNumber,
              idNumberHash: r.idNumber ? piiHash(r.idNumber) : null,
              phone: r.phone,
              phoneHash: r.phone ? piiHash(r.phone) : null,
              totpSecret: r.totpSecret,
              totpPendingSecret: r.totpPendingSecret,
            })
            .where(eq(users.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteReferrals(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = or(
    staleField(referrals.applicant, "idNumber", t),
    staleField(referrals.applicant, "phone", t),
  );
  return rewriteInBatches(
    "referrals",
    async () => (await db.select({ n: count() }).from(referrals).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: referrals.id, applicant: referrals.applicant })
          .from(referrals)
          .where(stale)
          .orderBy(asc(referrals.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx.update(referrals).set({ applicant: r.applicant }).where(eq(referrals.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}
