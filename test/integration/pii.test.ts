import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptPii, keyIdOf, PII_PREFIX, piiKeyring } from "../../src/adapters/pii/keyring";
import { encryptPlaintextPersonalData } from "../../src/app/pii/rewrite";
import { startYizhan } from "../../src/http/start";
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

      const running = await serve(source.env, env);
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
      } finally {
        await running.close();
      }
    } finally {
      await source.drop();
    }
  });
});
