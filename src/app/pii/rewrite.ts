import { and, asc, count, eq, isNotNull, or, sql } from "drizzle-orm";
import { piiHash, piiKeyring } from "../../adapters/pii/keyring";
import type { Db } from "../../db/client";
import {
  idempotencyKeys,
  inquiries,
  messageLog,
  outbox,
  referralDetailsPii,
  referrals,
  sharedRecords,
  users,
} from "../../db/schema";
import { rewriteCasePersonalData } from "../cases/commands/runner";
import { NOTIFY_TOPIC, reencryptNotifyContacts } from "../notifications/notify";
import {
  type RewriteProgress,
  type RewriteTarget,
  rewriteInBatches,
  rewriteScope,
  staleField,
  staleFormField,
  staleText,
} from "./batches";

/**
 * Writes every stored ID number, phone and TOTP secret again under the active key (ADR 0016): users
 * (with the keyed hashes), the applicant and agent snapshots and form fields of cases, referrals'
 * applicant snapshots and details, inquiries' contacts, the shared-data directory's subject codes (with
 * their hashes), the notification recipients of the outbox and of the message log, and the stored
 * answers of idempotent writes. For `{ kind: "hashes" }`, only the tables with keyed hashes, each of
 * their rows rehashed under the active hash key. Returns the rows rewritten per table.
 */
export async function rewritePersonalData(
  db: Db,
  t: RewriteTarget,
  onProgress?: RewriteProgress,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {
    users: await rewriteUsers(db, t, onProgress),
    cases: await rewriteCasePersonalData(db, t, onProgress),
    shared_records: await rewriteSharedRecords(db, t, onProgress),
  };
  if (t.kind === "hashes") return counts;
  return {
    ...counts,
    referrals: await rewriteReferrals(db, t, onProgress),
    inquiries: await rewriteInquiries(db, t, onProgress),
    message_log: await rewriteMessageLog(db, t, onProgress),
    outbox: await rewriteOutbox(db, t, onProgress),
    idempotency_keys: await rewriteIdempotencyKeys(db, t, onProgress),
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

/**
 * `yizhan pii rotate --hash-key`: every keyed hash recomputed under the active hash key (lookups try
 * the retired keys meanwhile, so they keep finding every row). Safe to run again.
 */
export function rehashPersonalData(db: Db, onProgress?: RewriteProgress) {
  return rewritePersonalData(db, { kind: "hashes" }, onProgress);
}

async function rewriteUsers(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const scope = rewriteScope(
    t,
    or(
      staleText(users.idNumber, t),
      staleText(users.phone, t),
      staleText(users.totpSecret, t),
      staleText(users.totpPendingSecret, t),
    ),
    or(isNotNull(users.idNumberHash), isNotNull(users.phoneHash)),
    users.id,
  );
  return rewriteInBatches(
    "users",
    async () => (await db.select({ n: count() }).from(users).where(scope.where()))[0]?.n ?? 0,
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
          .where(scope.where())
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
        scope.passed(rows.at(-1)?.id);
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteSharedRecords(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const scope = rewriteScope(
    t,
    or(staleText(sharedRecords.subjectCode, t), sql`${sharedRecords.subjectCodeHash} is null`),
    isNotNull(sharedRecords.subjectCodeHash),
    sharedRecords.id,
  );
  return rewriteInBatches(
    "shared_records",
    async () => (await db.select({ n: count() }).from(sharedRecords).where(scope.where()))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: sharedRecords.id, subjectCode: sharedRecords.subjectCode })
          .from(sharedRecords)
          .where(scope.where())
          .orderBy(asc(sharedRecords.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(sharedRecords)
            .set({ subjectCode: r.subjectCode, subjectCodeHash: piiHash(r.subjectCode) })
            .where(eq(sharedRecords.id, r.id));
        scope.passed(rows.at(-1)?.id);
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteReferrals(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = or(
    staleField(referrals.applicant, "idNumber", t),
    staleField(referrals.applicant, "phone", t),
    staleFormField(sql`${referrals.details}->'formData'`, t),
    ...referralDetailsPii.agent.fields.map((f) => staleField(sql`${referrals.details}->'agent'`, f, t)),
  );
  return rewriteInBatches(
    "referrals",
    async () => (await db.select({ n: count() }).from(referrals).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: referrals.id, applicant: referrals.applicant, details: referrals.details })
          .from(referrals)
          .where(stale)
          .orderBy(asc(referrals.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(referrals)
            .set({ applicant: r.applicant, details: r.details })
            .where(eq(referrals.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteInquiries(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = staleText(inquiries.askerContact, t);
  return rewriteInBatches(
    "inquiries",
    async () => (await db.select({ n: count() }).from(inquiries).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: inquiries.id, askerContact: inquiries.askerContact })
          .from(inquiries)
          .where(stale)
          .orderBy(asc(inquiries.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx.update(inquiries).set({ askerContact: r.askerContact }).where(eq(inquiries.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteMessageLog(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = staleText(messageLog.recipient, t);
  return rewriteInBatches(
    "message_log",
    async () => (await db.select({ n: count() }).from(messageLog).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: messageLog.id, recipient: messageLog.recipient })
          .from(messageLog)
          .where(stale)
          .orderBy(asc(messageLog.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx.update(messageLog).set({ recipient: r.recipient }).where(eq(messageLog.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteOutbox(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const recipients = sql`jsonb_array_elements(case when jsonb_typeof(${outbox.payload}->'recipients') = 'array' then ${outbox.payload}->'recipients' else '[]'::jsonb end)`;
  const stale = and(
    eq(outbox.topic, NOTIFY_TOPIC),
    sql`exists (select 1 from ${recipients} r where ${or(staleField(sql`r`, "phone", t), staleField(sql`r`, "email", t))})`,
  );
  return rewriteInBatches(
    "outbox",
    async () => (await db.select({ n: count() }).from(outbox).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: outbox.id, payload: outbox.payload })
          .from(outbox)
          .where(stale)
          .orderBy(asc(outbox.id))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(outbox)
            .set({ payload: reencryptNotifyContacts(r.payload) })
            .where(eq(outbox.id, r.id));
        return rows.length;
      }),
    onProgress,
  );
}

async function rewriteIdempotencyKeys(db: Db, t: RewriteTarget, onProgress?: RewriteProgress) {
  const stale = staleText(idempotencyKeys.body, t);
  return rewriteInBatches(
    "idempotency_keys",
    async () => (await db.select({ n: count() }).from(idempotencyKeys).where(stale))[0]?.n ?? 0,
    (limit) =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ scope: idempotencyKeys.scope, key: idempotencyKeys.key, body: idempotencyKeys.body })
          .from(idempotencyKeys)
          .where(stale)
          .orderBy(asc(idempotencyKeys.scope), asc(idempotencyKeys.key))
          .limit(limit)
          .for("update");
        for (const r of rows)
          await tx
            .update(idempotencyKeys)
            .set({ body: r.body })
            .where(and(eq(idempotencyKeys.scope, r.scope), eq(idempotencyKeys.key, r.key)));
        return rows.length;
      }),
    onProgress,
  );
}
