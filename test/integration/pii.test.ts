import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryConnector } from "../../src/adapters/exchange/directory";
import { LogFileEmailSender, LogFileSmsSender } from "../../src/adapters/notify/logFile";
import {
  decryptPii,
  keyIdOf,
  loadPiiKeyring,
  PII_PREFIX,
  piiHash,
  piiKeyring,
  setPiiKeyring,
} from "../../src/adapters/pii/keyring";
import { createNotifyHandler, NOTIFY_TOPIC } from "../../src/app/notifications/notify";
import { encryptPlaintextPersonalData, rehashPersonalData } from "../../src/app/pii/rewrite";
import { caseMaterials, messageLog, sharedRecords, users } from "../../src/db/schema";
import { startYizhan } from "../../src/http/start";
import { processOutboxBatch } from "../../src/jobs/outbox";
import type { TAdminAuditList } from "../../src/shared/api/audit";
import { FixedClock } from "../../src/shared/clock";
import type { CaseBody } from "../helpers/cases";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
import { caseIn, caseRead } from "../helpers/factories";
import { INQUIRY_FORM } from "../helpers/forms";
import { createTestApp, TEST_NOW, type TestApp, testAppOn } from "../helpers/testApp";
import { TEST_PII_ENV } from "../setup/piiKeys";

// Issue 16 point 8: ID numbers, phones and TOTP secrets encrypted at rest (AES-256-GCM, key outside the
// database, rotatable), a keyed hash for lookups, and the log of who was shown whose identifiers whole.

const ZHANG_ID = "340321198503122011";
const ZHANG_PHONE = "13805529876";

type Row = Record<string, unknown>;
const rowsOf = async (db: TestApp["ctx"]["database"]["db"], q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const rows = (t: TestApp, q: ReturnType<typeof sql>) => rowsOf(t.ctx.database.db, q);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("personal data at rest (issue 16 point 8)", () => {
  it("a row read with plain SQL shows no ID number, phone or TOTP secret; the ID number still finds the person", async () => {
    const citizen = await t.as("citizen");
    const c = await caseRead<CaseBody & { applicant: { idNumber: string; phone: string } }>(
      t,
      "submitted",
      citizen,
      { itemCode: "real-estate-records-inquiry", formData: INQUIRY_FORM, applicant: "citizen" },
    );
    // The applicant reads their own identifiers whole.
    expect(c.applicant).toMatchObject({ idNumber: ZHANG_ID, phone: ZHANG_PHONE });

    const users = await rows(
      t,
      sql`select id_number, id_number_hash, phone, totp_secret, totp_pending_secret from users where id_number is not null or phone is not null`,
    );
    expect(users.length).toBeGreaterThanOrEqual(2);
    for (const u of users) {
      for (const col of ["id_number", "phone", "totp_secret", "totp_pending_secret"])
        if (u[col] !== null) expect(String(u[col]).startsWith(PII_PREFIX), `${col} ${u[col]}`).toBe(true);
      if (u.id_number) expect(u.id_number_hash).toMatch(/^[\w-]{43}$/);
    }
    const dump = JSON.stringify([
      await rows(t, sql`select * from users`),
      await rows(t, sql`select applicant, agent from cases`),
      await rows(t, sql`select applicant from referrals`),
    ]);
    expect(dump).not.toContain(ZHANG_ID);
    expect(dump).not.toContain(ZHANG_PHONE);
    const [snap] = await rows(
      t,
      sql`select applicant->>'idNumber' as id, applicant->>'idNumberHash' as h from cases where id = ${c.id}`,
    );
    expect(String(snap?.id).startsWith(PII_PREFIX)).toBe(true);
    expect(snap?.h).toBeTruthy();

    // Lookups by the keyed hash: the window's applicant search, and the queue's search by ID number.
    const clerk = await t.as("clerk");
    const found = await clerk.get<{ items: { name: string }[] }>(`/api/applicants?q=${ZHANG_ID}`);
    expect(found.body.items.map((a) => a.name)).toEqual(["张伟"]);
    const byPhone = await clerk.get<{ items: { name: string }[] }>(`/api/applicants?q=${ZHANG_PHONE}`);
    expect(byPhone.body.items.map((a) => a.name)).toEqual(["张伟"]);
    const queue = await clerk.get<{ items: { id: string }[] }>(`/api/cases?applicant=${ZHANG_ID}`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i) => i.id)).toContain(c.id);
  });

  it("values written in plaintext (before encryption) are encrypted by the start-up step and found again", async () => {
    const db = t.ctx.database.db;
    await db.execute(
      sql`update users set id_number = ${ZHANG_ID}, id_number_hash = null, phone = ${ZHANG_PHONE}, phone_hash = null where username = 'citizen'`,
    );
    const counts = await encryptPlaintextPersonalData(db);
    expect(counts.users).toBe(1);
    const [u] = await rows(
      t,
      sql`select id_number, phone, id_number_hash from users where username = 'citizen'`,
    );
    expect(String(u?.id_number).startsWith(PII_PREFIX)).toBe(true);
    expect(String(u?.phone).startsWith(PII_PREFIX)).toBe(true);
    expect(decryptPii(String(u?.id_number))).toBe(ZHANG_ID);
    const clerk = await t.as("clerk");
    const found = await clerk.get<{ items: { name: string }[] }>(`/api/applicants?q=${ZHANG_ID}`);
    expect(found.body.items.map((a) => a.name)).toEqual(["张伟"]);
    expect((await encryptPlaintextPersonalData(db)).users).toBe(0);
  });

  it("records who was shown whose identifiers whole; the applicant reading their own is not recorded", async () => {
    const citizen = await t.as("citizen");
    const c = await caseRead(t, "submitted", citizen, {
      itemCode: "real-estate-records-inquiry",
      formData: INQUIRY_FORM,
      applicant: "citizen",
    });
    const supervisor = await t.as("supervisor");
    const list = async () =>
      (
        await supervisor.get<TAdminAuditList>(
          "/api/admin/audit-entries?action=personal_data.read&targetType=applicant&limit=100",
        )
      ).body.items.filter((e) => e.detail.caseId === c.id);
    expect(await list()).toEqual([]);
    const clerk = await t.as("clerk");
    const read = await clerk.get<{ applicant: { idNumber: string } }>(`/api/cases/${c.id}`);
    expect(read.body.applicant.idNumber).toBe(ZHANG_ID);
    const [entry, ...more] = await list();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorUsername: "clerk",
      action: "personal_data.read",
      targetType: "applicant",
      targetLabel: "张伟",
      detail: { via: "case", fields: ["idNumber", "phone"] },
    });
    expect(JSON.stringify(entry)).not.toContain(ZHANG_ID);
    // The clerk handling the case opens the applicant's profile whole: recorded too.
    const profile = await clerk.get<{ masked: boolean }>(
      `/api/applicants/${(await rows(t, sql`select id from users where username = 'citizen'`))[0]?.id}/profile?caseId=${c.id}`,
    );
    expect(profile.status).toBe(200);
    expect(profile.body.masked).toBe(false);
    expect((await list()).map((e) => e.detail.via).sort()).toEqual(["applicant_profile", "case"]);
    // The applicant reading their own case is not recorded.
    await citizen.get(`/api/cases/${c.id}`);
    expect(await list()).toHaveLength(2);

    // A command's answer shows the window the case whole too: recorded like a read (issue 16 point 8).
    const version = (await clerk.get<{ version: number }>(`/api/cases/${c.id}`)).body.version;
    expect(await list()).toHaveLength(3);
    const referred = await clerk.post<{ applicant: { idNumber: string } }>(`/api/cases/${c.id}/refer`, {
      expectedVersion: version,
      toOrgCode: "HY-SQJ",
      reason: "属乡镇办理事项",
    });
    expect(referred.status).toBe(200);
    expect(referred.body.applicant.idNumber).toBe(ZHANG_ID);
    const after = await list();
    expect(after).toHaveLength(4);
    expect(after.map((e) => e.detail.via).sort()).toEqual(["applicant_profile", "case", "case", "case"]);
  });

  it("a command answered with its reference only (Prefer: return=minimal) shows nothing and records nothing", async () => {
    const c = await caseRead(t, "submitted", await t.as("citizen"), {
      itemCode: "real-estate-records-inquiry",
      formData: INQUIRY_FORM,
      applicant: "citizen",
    });
    const supervisor = await t.as("supervisor");
    const entries = async () =>
      (
        await supervisor.get<TAdminAuditList>(
          "/api/admin/audit-entries?action=personal_data.read&targetType=applicant&limit=100",
        )
      ).body.items.filter((e) => e.detail.caseId === c.id);
    const clerk = await t.as("clerk");
    const materials = await t.ctx.database.db
      .select({ code: caseMaterials.materialCode })
      .from(caseMaterials)
      .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.required, true)));
    const checked = await clerk.post<{ version: number }>(`/api/cases/${c.id}/material-checks`, {
      expectedVersion: c.version,
      checks: materials.map((m) => ({ materialCode: m.code, status: "pass" })),
    });
    expect(checked.status, checked.text).toBe(200);
    // The full answer of the check is recorded (one entry); the minimal answer of the acceptance is not.
    expect(await entries()).toHaveLength(1);
    const version = checked.body.version;
    const checks = await clerk.request(
      "POST",
      `/api/cases/${c.id}/accept`,
      { expectedVersion: version },
      { prefer: "return=minimal" },
    );
    expect(checks.status, checks.text).toBe(200);
    expect(checks.body).toMatchObject({ id: c.id, status: "accepted" });
    expect(checks.text).not.toContain(ZHANG_ID);
    expect(await entries()).toHaveLength(1);
    // A refused command answers a problem, no case: nothing recorded either.
    const refused = await clerk.request("POST", `/api/cases/${c.id}/accept`, { expectedVersion: 999 });
    expect(refused.status).toBe(409);
    expect(await entries()).toHaveLength(1);
  });
});

/** A server (in this process) on the database of `dbEnv`, with `env` over this process's environment. */
function serve(dbEnv: Record<string, string | undefined>, env: Record<string, string | undefined>) {
  return startYizhan({
    databaseUrl: dbEnv.DATABASE_URL,
    dataDir: dbEnv.YIZHAN_DATA_DIR,
    port: 0,
    logLevel: "silent",
    background: false,
    clock: new FixedClock(TEST_NOW),
    config: { demo: true, loginRateLimitPerMinute: 1000 },
    env: { ...process.env, ...env },
  });
}

describe("yizhan pii rotate (issue 16 point 8)", () => {
  it("re-encrypts every row under the new key with progress; old values still read; the server reads and finds them", async () => {
    const source = await cliDatabase();
    try {
      const newKey = Buffer.alloc(32, 42).toString("base64");
      const oldKid = piiKeyring().active;
      const env = { ...source.env, YIZHAN_PII_KEY: newKey, YIZHAN_PII_OLD_KEYS: TEST_PII_ENV.YIZHAN_PII_KEY };
      // A case filed by a person (the demo database holds none), so snapshots are rotated too.
      const before = await serve(source.env, {});
      try {
        const s = testAppOn(before.app, before.ctx);
        await caseIn(s, "submitted", {
          itemCode: "real-estate-records-inquiry",
          formData: INQUIRY_FORM,
          applicant: "citizen",
        });
      } finally {
        await before.close();
      }
      const rotated = await runCliInProcess(["pii", "rotate"], env);
      expect(rotated.stderr).toBe("");
      expect(rotated.code).toBe(0);
      expect(rotated.stdout).toMatch(/^users: (\d+)\/\1$/m);
      expect(rotated.stdout).toMatch(/^cases: \d+\/\d+$/m);
      const newKid = piiKeyring().active;
      expect(newKid).not.toBe(oldKid);
      expect(rotated.stdout).toContain(`Re-encrypted`);

      // The lookup hash key too: a new one, every hash recomputed under it, the old one still tried.
      const hashEnv = {
        ...env,
        YIZHAN_PII_HASH_KEY: Buffer.alloc(32, 43).toString("base64"),
        YIZHAN_PII_OLD_HASH_KEYS: TEST_PII_ENV.YIZHAN_PII_HASH_KEY,
      };
      const rehashed = await runCliInProcess(["pii", "rotate", "--hash-key"], hashEnv);
      expect(rehashed.stderr).toBe("");
      expect(rehashed.code).toBe(0);
      expect(rehashed.stdout).toMatch(/^users: (\d+)\/\1$/m);
      expect(rehashed.stdout).toMatch(/^shared_records: (\d+)\/\1$/m);
      expect(rehashed.stdout).toMatch(/^Rehashed \d+ rows/m);

      const running = await serve(source.env, { ...hashEnv, YIZHAN_PII_OLD_HASH_KEYS: "" });
      try {
        const db = running.ctx.database.db;
        const kids = (await rowsOf(
          db,
          sql`select id_number as v from users where id_number is not null union all select phone from users where phone is not null`,
        )) as { v: string }[];
        expect(kids.length).toBeGreaterThanOrEqual(2);
        expect(new Set(kids.map((r) => keyIdOf(r.v)))).toEqual(new Set([newKid]));
        const snapshots = (await rowsOf(
          db,
          sql`select coalesce(applicant->>'idNumber', applicant->>'phone') as v from cases where coalesce(applicant->>'idNumber', applicant->>'phone', '') <> ''`,
        )) as { v: string }[];
        expect(snapshots.length).toBeGreaterThan(0);
        expect(new Set(snapshots.map((r) => keyIdOf(r.v)))).toEqual(new Set([newKid]));
        // A value still under the old key (this file's own database, not rotated) reads as before.
        const [old] = await rows(t, sql`select id_number from users where username = 'citizen'`);
        expect(keyIdOf(String(old?.id_number))).toBe(oldKid);
        expect(decryptPii(String(old?.id_number))).toBe(ZHANG_ID);
        const s = testAppOn(running.app, running.ctx);
        const clerk = await s.as("clerk");
        const found = await clerk.get<{ items: { name: string; phoneMasked: string }[] }>(
          `/api/applicants?q=${ZHANG_ID}`,
        );
        expect(found.body.items).toEqual([
          expect.objectContaining({ name: "张伟", phoneMasked: "138****9876" }),
        ]);
        // The server knows only the new hash key: the hashes it finds by were all recomputed.
        expect(piiKeyring().oldHashKeys).toEqual([]);
      } finally {
        await running.close();
      }
    } finally {
      await source.drop();
      setPiiKeyring(loadPiiKeyring(tmpdir(), TEST_PII_ENV));
    }
  });
});

describe("every table (issue 16 point 8, the remaining places)", () => {
  it("no table holds an ID number or phone in the clear: agent in referrals, inquiries' contact, outbox, message log, SMS log, stored answers", async () => {
    const AGENT_ID = "340321199001011234";
    const AGENT_PHONE = "13912345678";
    const FORM_PHONE = "13787654321";
    const ASKER_PHONE = "13655554444";
    const dir = mkdtempSync(join(tmpdir(), "yizhan-pii-"));
    const smsPath = join(dir, "sms.log");
    const handlers = {
      [NOTIFY_TOPIC]: createNotifyHandler({
        channels: {
          email: new LogFileEmailSender(join(dir, "mail.log")),
          sms: new LogFileSmsSender(smsPath),
        },
      }),
    };
    const c = await caseIn(t, "submitted", {
      itemCode: "real-estate-records-inquiry",
      formData: { ...INQUIRY_FORM, contactPhone: FORM_PHONE },
      applicant: "citizen",
      agent: { name: "李代理", idNumber: AGENT_ID, phone: AGENT_PHONE },
    });
    const clerk = await t.as("clerk");
    const read = await clerk.get<CaseBody>(`/api/cases/${c.id}`);
    const referred = await clerk.request(
      "POST",
      `/api/cases/${c.id}/refer`,
      { expectedVersion: read.body.version, toOrgCode: "HY-SQJ", reason: "属乡镇办理事项" },
      { "idempotency-key": `pii-${c.id}` },
    );
    expect(referred.status).toBe(200);
    const asked = await clerk.post("/api/inquiries", {
      channel: "phone",
      question: "不动产登记资料查询需要带什么材料？",
      askerName: "王女士",
      askerContact: ASKER_PHONE,
    });
    expect(asked.status).toBe(201);
    await processOutboxBatch(t.ctx, handlers, { batchSize: 500 });
    const smsText = readFileSync(smsPath, "utf8");
    expect(smsText.length).toBeGreaterThan(0);

    const tables = (await rows(
      t,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as { name: string }[];
    const found: string[] = [];
    for (const { name } of tables) {
      const text = JSON.stringify(await rows(t, sql`select * from ${sql.identifier(name)}`));
      for (const v of [ZHANG_ID, ZHANG_PHONE, AGENT_ID, AGENT_PHONE, FORM_PHONE, ASKER_PHONE])
        if (text.includes(v)) found.push(`${name}: ${v}`);
    }
    for (const v of [ZHANG_PHONE, AGENT_PHONE]) if (smsText.includes(v)) found.push(`sms.log: ${v}`);
    expect(found).toEqual([]);
    expect(smsText).toContain('"to":"138****9876"');

    // Those who may see them read them whole: the township the referral went to, the inquiry's owner,
    // the retry of the keyed request (its stored answer), the message log.
    const township = await t.as("township");
    const referrals = await township.get<{ items: { id: string; caseId: string | null }[] }>(
      "/api/referrals",
    );
    const referral = referrals.body.items.find((r) => r.caseId === c.id);
    const detail = await township.get<{
      details: { agent: { phone: string }; formData: { contactPhone: string } };
    }>(`/api/referrals/${referral?.id}`);
    expect(detail.body.details).toMatchObject({
      agent: { idNumber: AGENT_ID, phone: AGENT_PHONE },
      formData: { contactPhone: FORM_PHONE },
    });
    const inquiry = await clerk.get<{ askerContact: string }>(
      `/api/inquiries/${(asked.body as { id: string }).id}`,
    );
    expect(inquiry.body.askerContact).toBe(ASKER_PHONE);
    const retried = await clerk.request(
      "POST",
      `/api/cases/${c.id}/refer`,
      { expectedVersion: read.body.version, toOrgCode: "HY-SQJ", reason: "属乡镇办理事项" },
      { "idempotency-key": `pii-${c.id}` },
    );
    expect(retried.status).toBe(200);
    expect(retried.text).toBe(referred.text);
    expect(retried.text).toContain(ZHANG_ID);
    const log = await t.ctx.database.db.select().from(messageLog).where(eq(messageLog.channel, "sms"));
    expect(log.map((l) => l.recipient)).toContain(ZHANG_PHONE);

    // Values an older version wrote in the clear are encrypted by the start-up step, table by table.
    const db = t.ctx.database.db;
    await db.execute(
      sql`update inquiries set asker_contact = ${ASKER_PHONE} where id = ${(asked.body as { id: string }).id}`,
    );
    await db.execute(sql`update message_log set recipient = ${ZHANG_PHONE} where channel = 'sms'`);
    await db.execute(
      sql`update referrals set details = jsonb_set(details, '{agent,phone}', to_jsonb(${AGENT_PHONE}::text)) where case_id = ${c.id}`,
    );
    await db.execute(
      sql`update cases set form_data = jsonb_set(form_data, '{contactPhone}', to_jsonb(${FORM_PHONE}::text)) where id = ${c.id}`,
    );
    await db.execute(
      sql`update outbox set payload = jsonb_set(payload, '{recipients,0,phone}', to_jsonb(${ZHANG_PHONE}::text)) where id = (select id from outbox where topic = 'notify' and payload->'recipients'->0 ? 'phone' limit 1)`,
    );
    await db.execute(
      sql`update shared_records set subject_code = ${ZHANG_ID}, subject_code_hash = null where subject_code_hash is not null and id = (select id from shared_records order by id limit 1)`,
    );
    const plain = await encryptPlaintextPersonalData(db);
    expect(plain).toMatchObject({
      inquiries: 1,
      referrals: 1,
      cases: 1,
      outbox: 1,
      shared_records: 1,
    });
    expect(plain.message_log).toBeGreaterThanOrEqual(1);
    const again = [];
    for (const { name } of tables) {
      const text = JSON.stringify(await rows(t, sql`select * from ${sql.identifier(name)}`));
      for (const v of [ZHANG_ID, ZHANG_PHONE, AGENT_ID, AGENT_PHONE, FORM_PHONE, ASKER_PHONE])
        if (text.includes(v)) again.push(`${name}: ${v}`);
    }
    expect(again).toEqual([]);
    expect(Object.values(await encryptPlaintextPersonalData(db)).every((n) => n === 0)).toBe(true);
  });
});

describe("rotating the lookup hash key (issue 16 point 8)", () => {
  it("lookups find every row while hashes are under the old key, the new one, or a mix; the rotation recomputes each", async () => {
    const db = t.ctx.database.db;
    const before = piiKeyring();
    const hashOf = async () =>
      String((await rows(t, sql`select id_number_hash as h from users where username = 'citizen'`))[0]?.h);
    const oldHash = await hashOf();
    const clerk = await t.as("clerk");
    const finds = async () => {
      const byId = await clerk.get<{ items: { name: string }[] }>(`/api/applicants?q=${ZHANG_ID}`);
      const byPhone = await clerk.get<{ items: { name: string }[] }>(`/api/applicants?q=${ZHANG_PHONE}`);
      const queue = await clerk.get<{ items: { applicantName?: string; id: string }[] }>(
        `/api/cases?applicant=${ZHANG_ID}`,
      );
      return {
        byId: byId.body.items.map((a) => a.name),
        byPhone: byPhone.body.items.map((a) => a.name),
        queue: queue.body.items.length > 0,
      };
    };
    const all = { byId: ["张伟"], byPhone: ["张伟"], queue: true };
    expect(await finds()).toEqual(all);
    const subject = (await rows(t, sql`select id, dataset_code from shared_records order by id limit 1`))[0];
    const [record] = await db
      .select()
      .from(sharedRecords)
      .where(eq(sharedRecords.id, String(subject?.id)));
    const directory = new DirectoryConnector(db);
    expect(await directory.lookup(String(record?.subjectCode), String(record?.datasetCode))).not.toBeNull();

    // A new hash key: nothing rehashed yet, every lookup still finds its row (the retired key is tried).
    const newHashKey = Buffer.alloc(32, 99);
    setPiiKeyring({ ...before, hashKey: newHashKey, oldHashKeys: [before.hashKey] });
    expect(await finds()).toEqual(all);
    expect(await directory.lookup(String(record?.subjectCode), String(record?.datasetCode))).not.toBeNull();

    // Rehashed: every hash is now under the new key, and lookups find them with it alone (the old
    // key retired for good).
    const counts = await rehashPersonalData(db);
    expect(counts.users).toBeGreaterThanOrEqual(2);
    expect(counts.cases).toBeGreaterThanOrEqual(1);
    expect(counts.shared_records).toBeGreaterThanOrEqual(1);
    const newHash = await hashOf();
    expect(newHash).not.toBe(oldHash);
    expect(newHash).toBe(piiHash(ZHANG_ID, { ...before, hashKey: newHashKey, oldHashKeys: [] }));
    const stale = await rows(
      t,
      sql`select count(*)::int as n from users where id_number_hash is not null and id_number_hash not in (${sql.join(
        (
          await db.select({ v: users.idNumber }).from(users).where(sql`${users.idNumberHash} is not null`)
        ).map((u) => sql`${piiHash(String(u.v), { ...before, hashKey: newHashKey, oldHashKeys: [] })}`),
        sql`, `,
      )})`,
    );
    expect(stale[0]?.n).toBe(0);
    const caseHashes = await rows(
      t,
      sql`select applicant->>'idNumber' as v, applicant->>'idNumberHash' as h from cases where applicant->>'idNumberHash' is not null`,
    );
    expect(caseHashes.length).toBeGreaterThan(0);
    const underNew = (v: string) => piiHash(v, { ...before, hashKey: newHashKey, oldHashKeys: [] });
    expect(caseHashes.filter((r) => r.h !== underNew(decryptPii(String(r.v))))).toEqual([]);
    setPiiKeyring({ ...before, hashKey: newHashKey, oldHashKeys: [] });
    expect(await finds()).toEqual(all);
    expect(await directory.lookup(String(record?.subjectCode), String(record?.datasetCode))).not.toBeNull();
  });
});
