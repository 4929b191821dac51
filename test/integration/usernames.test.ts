import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/app/auth/passwords";
import { MIGRATIONS_DIR } from "../../src/db/client";
import { authEvents, users } from "../../src/db/schema";
import { residentIdCheckChar, usccCheckChar } from "../../src/domain/rules/identifiers";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 11, point 15: a registered person's username is not their ID number (it is shown in lists and
// logs and typed at every login); accounts created that way are renamed by a data migration.

/** A valid 居民身份证号 (GB 11643) from its first 17 digits. */
const idNumber = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

type Applicant = { id: string; username: string; idNumberMasked: string | null; creditCode: string | null };
type Problem = { code: string; errors?: { field: string; code: string }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("usernames of applicants registered at the window", () => {
  it("a person's username carries no ID number; an enterprise's is its (public) credit code", async () => {
    const clerk = await t.as("clerk");
    const id = idNumber("34032119900307123");
    const person = await clerk.post<Applicant>("/api/applicants", {
      kind: "person",
      name: "李四",
      idNumber: id,
      phone: "13912345678",
    });
    expect(person.status, person.text).toBe(201);
    expect(person.body.username).toMatch(/^p-[a-z2-9]{8}$/);
    expect(person.text).not.toContain(id);
    expect(person.text).not.toContain(id.slice(6, 14)); // not even the birth date
    expect(person.body.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    // The window still finds the person by the ID number, and the list shows it masked.
    const found = await clerk.get<{ items: Applicant[] }>(`/api/applicants?q=${id}`);
    expect(found.body.items.map((a) => a.username)).toEqual([person.body.username]);
    expect(found.text).not.toContain(id);
    // A second person gets a name of their own.
    const other = await clerk.post<Applicant>("/api/applicants", {
      kind: "person",
      name: "王五",
      idNumber: idNumber("34032119851111002"),
      phone: "13912345679",
    });
    expect(other.body.username).toMatch(/^p-[a-z2-9]{8}$/);
    expect(other.body.username).not.toBe(person.body.username);
    const code = `91340321MA2T6BCD1${usccCheckChar("91340321MA2T6BCD1")}`;
    const enterprise = await clerk.post<Applicant>("/api/applicants", {
      kind: "enterprise",
      name: "怀远县某某建材有限公司",
      creditCode: code,
      legalRepresentative: "赵六",
      phone: "13912345670",
    });
    expect(enterprise.status, enterprise.text).toBe(201);
    expect(enterprise.body.username).toBe(`e-${code.toLowerCase()}`);
  });

  it("no account may be named after an ID number or its own phone (admin API, 422 naming username)", async () => {
    const admin = await t.as("admin");
    const id = idNumber("34032119900307123");
    for (const [username, extra] of [
      [`p-${id.toLowerCase()}`, {}],
      [id, {}],
      ["zhang-13912345678", { phone: "13912345678" }],
    ] as const) {
      const res = await admin.post<Problem>("/api/users", {
        username,
        displayName: "某人",
        password: "long-enough-1",
        kind: "person",
        roles: [{ role: "applicant" }],
        ...extra,
      });
      expect(res.status, username).toBe(422);
      expect(res.body.errors?.[0]).toMatchObject({ field: "username", code: "contains_personal_data" });
    }
    // A credit code of an enterprise (all digits for a public institution) is not personal data.
    const ok = await admin.post("/api/users", {
      username: "e-113403210030000013",
      displayName: "事业单位",
      password: "long-enough-1",
      kind: "enterprise",
      roles: [{ role: "applicant" }],
    });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe("the data migration of existing usernames", () => {
  it("renames accounts named after their ID number (login works with the new name) and masks the security log", async () => {
    const db = t.ctx.database.db;
    const id = idNumber("34032119750203456");
    // As the old registerApplicant created it: `p-<ID number>`.
    const [old] = await db
      .insert(users)
      .values({
        username: `p-${id.toLowerCase()}`,
        displayName: "赵六",
        kind: "person",
        passwordHash: await hashPassword("old-person-pass-1"),
        idNumber: id,
      })
      .returning();
    await db
      .insert(authEvents)
      .values({ kind: "login", userId: old.id, username: `p-${id}`, at: t.clock.now() });
    const staffId = idNumber("34032119800101111");
    await db.insert(users).values({
      username: staffId,
      displayName: "旧职员",
      kind: "staff",
      passwordHash: await hashPassword("old-staff-pass-1"),
    });

    const file = readFileSync(
      join(MIGRATIONS_DIR, "20261206190555_usernames_without_id_numbers.sql"),
      "utf8",
    );
    for (const statement of file.split("--> statement-breakpoint")) await db.execute(sql.raw(statement));

    const [renamed] = await db.select().from(users).where(eq(users.id, old.id));
    expect(renamed.username).toMatch(/^p-[0-9a-f]{10}$/);
    const [staff] = await db.select().from(users).where(eq(users.displayName, "旧职员"));
    expect(staff.username).toMatch(/^u-[0-9a-f]{10}$/);
    const events = await db.select().from(authEvents).where(eq(authEvents.userId, old.id));
    expect(events.map((e) => e.username)).toEqual([`p-${id.slice(0, 4)}**********${id.slice(-4)}`]);
    // Nothing else was touched: the demo accounts keep their names.
    expect((await db.select().from(users).where(eq(users.username, "citizen"))).length).toBe(1);

    const client = t.client();
    expect((await client.login(renamed.username, "old-person-pass-1")).status).toBe(200);
    expect((await t.client().login(`p-${id.toLowerCase()}`, "old-person-pass-1")).status).toBe(401);
    // The failed attempt with the old name is logged masked too.
    const failed = await db.select().from(authEvents).where(eq(authEvents.kind, "login_failed"));
    expect(failed.map((e) => e.username)).not.toContain(`p-${id.toLowerCase()}`);
    expect(failed.map((e) => e.username)).toContain(`p-${id.slice(0, 4)}**********${id.slice(-4)}`);
  });
});
