import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as("admin");
}, 180_000);
afterAll(async () => t?.close());

type Row = {
  id: string;
  username: string;
  active: boolean;
  version: number;
  mustChangePassword: boolean;
  roles: { role: string; orgCode: string | null }[];
  abilities: Record<string, boolean>;
};
type Problem = { code: string; field?: string; errors?: { field: string; code: string }[] };
type Org = {
  code: string;
  name: string;
  kind: string;
  hours: string | null;
  version: number;
  children: Org[];
};

const users = async (query = "") => (await admin.get<{ items: Row[] }>(`/api/users${query}`)).body.items;
const names = (rows: Row[]) => rows.map((r) => r.username);

async function newClerk(username: string, org = "HY-ZRZY-WIN"): Promise<Row> {
  const res = await admin.post<Row>("/api/users", {
    username,
    displayName: `受理员 ${username}`,
    password: "password-123",
    roles: [{ role: "clerk", org }],
  });
  expect(res.status).toBe(201);
  return res.body;
}

function find(list: Org[], code: string): Org | undefined {
  for (const o of list) {
    if (o.code === code) return o;
    const inner = find(o.children, code);
    if (inner) return inner;
  }
  return undefined;
}
const tree = async () => (await t.client().get<{ items: Org[] }>("/api/organizations")).body.items;

describe("user list: search and filters", () => {
  it("searches by part of the username or the name, filters by role, organization and active", async () => {
    expect(names(await users("?q=review"))).toEqual([
      "reviewer-land",
      "reviewer-land2",
      "reviewer-planning",
      "reviewer-planning2",
      "reviewer-registry",
      "reviewer-registry2",
    ]);
    expect(names(await users(`?q=${encodeURIComponent("王芳")}`))).toEqual(["clerk"]);
    const approvers = await users("?role=approver");
    expect(names(approvers)).toEqual(["approver"]);
    // The planning section and below: its reviewer, not the registry's.
    const planning = names(await users("?org=HY-ZRZY-GH"));
    expect(planning).toContain("reviewer-planning");
    expect(planning).not.toContain("reviewer-registry");
    const all = await users();
    expect((await users("?active=true")).length).toBe(all.filter((u) => u.active).length);
    expect(await users("?active=false")).toEqual(all.filter((u) => !u.active));
    // Row scoping: the township's partner is not under the bureau's administrator.
    expect(names(all)).not.toContain("township");
  });
});

describe("creating and editing accounts", () => {
  it("grants roles only within the administrator's organizations", async () => {
    const res = await admin.post<Problem>("/api/users", {
      username: "sqj-partner2",
      displayName: "双桥集经办人 二",
      password: "password-123",
      roles: [{ role: "partner", org: "HY-SQJ" }],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]).toMatchObject({ field: "roles[0].org", code: "outside_your_organizations" });
  });

  it("changes the roles with the version read; a stale version is a 409; the user's abilities follow", async () => {
    const created = await newClerk("clerk-edit");
    expect(created).toMatchObject({ version: 1, active: true, mustChangePassword: false });
    const changed = await admin.put<Row>(`/api/users/${created.id}`, {
      expectedVersion: 1,
      displayName: "审查员 改",
      roles: [{ role: "reviewer", org: "HY-ZRZY-GH" }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    expect(changed.body.roles).toEqual([
      { role: "reviewer", orgCode: "HY-ZRZY-GH", orgName: "国土空间规划股" },
    ]);
    const stale = await admin.put<Problem>(`/api/users/${created.id}`, {
      expectedVersion: 1,
      displayName: "x",
      roles: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const me = await (await loginAs("clerk-edit", "password-123")).get<{
      abilities: Record<string, boolean>;
    }>("/api/auth/me");
    expect(me.body.abilities.reviewInbox).toBe(true);
    expect(me.body.abilities.workbench).toBe(false);
  });

  it("an administrator cannot edit, disable or reset their own account", async () => {
    const self = (await users("?q=admin")).find((u) => u.username === "admin") as Row;
    expect(self.abilities.update).toBe(false);
    const res = await admin.post<Problem>(`/api/users/${self.id}/active`, {
      expectedVersion: self.version,
      active: false,
    });
    expect(res.status).toBe(403);
  });
});

async function loginAs(username: string, password: string): Promise<TestClient> {
  const c = t.client();
  const res = await c.login(username, password);
  expect(res.status).toBe(200);
  return c;
}

describe("disabling an account", () => {
  it("ends its sessions and refuses its login until it is enabled again", async () => {
    const user = await newClerk("clerk-off");
    const session = await loginAs("clerk-off", "password-123");
    expect((await session.get("/api/auth/me")).status).toBe(200);
    const off = await admin.post<Row>(`/api/users/${user.id}/active`, { expectedVersion: 1, active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    expect((await session.get("/api/auth/me")).status).toBe(401);
    expect((await t.client().login("clerk-off", "password-123")).status).toBe(401);
    expect(names(await users("?active=false"))).toContain("clerk-off");
    const on = await admin.post<Row>(`/api/users/${user.id}/active`, { expectedVersion: 2, active: true });
    expect(on.body.active).toBe(true);
    expect((await t.client().login("clerk-off", "password-123")).status).toBe(200);
  });
});

describe("resetting a password", () => {
  it("gives a temporary password once; the user must change it before anything else", async () => {
    const user = await newClerk("clerk-reset");
    const before = await loginAs("clerk-reset", "password-123");
    const res = await admin.post<{ temporaryPassword: string; user: Row }>(
      `/api/users/${user.id}/reset-password`,
      { expectedVersion: 1 },
    );
    expect(res.status).toBe(200);
    const temp = res.body.temporaryPassword;
    expect(temp).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(res.body.user).toMatchObject({ mustChangePassword: true, version: 2 });
    // The old session and the old password are gone.
    expect((await before.get("/api/auth/me")).status).toBe(401);
    expect((await t.client().login("clerk-reset", "password-123")).status).toBe(401);
    const c = await loginAs("clerk-reset", temp);
    const me = await c.get<{ mustChangePassword: boolean }>("/api/auth/me");
    expect(me.body.mustChangePassword).toBe(true);
    const blocked = await c.get<Problem>("/api/cases");
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe("password_change_required");
    const changed = await c.post("/api/auth/password", {
      currentPassword: temp,
      newPassword: "new-password-9",
    });
    expect(changed.status).toBe(200);
    expect((await c.get<{ mustChangePassword: boolean }>("/api/auth/me")).body.mustChangePassword).toBe(
      false,
    );
    expect((await c.get("/api/cases")).status).not.toBe(403);
    // The list no longer shows the flag.
    expect((await users("?q=clerk-reset"))[0].mustChangePassword).toBe(false);
  });
});

describe("organizations", () => {
  it("creates a window with its hours below the bureau; the public tree shows it", async () => {
    const res = await admin.post<{ code: string; version: number }>("/api/organizations", {
      parent: "HY-ZRZY",
      code: "HY-ZRZY-WIN2",
      name: "不动产登记窗口",
      nameEn: "Real Estate Registration Window",
      kind: "window",
      address: "怀远县政务服务中心一楼 3号窗口",
      phone: "0552-8012346",
      hours: "周一至周五 8:30-12:00，14:30-17:30",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ code: "HY-ZRZY-WIN2", version: 1 });
    const win = find(await tree(), "HY-ZRZY-WIN2");
    expect(win).toMatchObject({ kind: "window", hours: "周一至周五 8:30-12:00，14:30-17:30" });
    expect(find(await tree(), "HY-ZRZY")?.children.map((c) => c.code)).toContain("HY-ZRZY-WIN2");
    // A clerk may be placed there at once.
    await newClerk("clerk-win2", "HY-ZRZY-WIN2");
    const dup = await admin.post<Problem>("/api/organizations", {
      parent: "HY-ZRZY",
      code: "HY-ZRZY-WIN2",
      name: "重复",
      kind: "window",
    });
    expect(dup.status).toBe(422);
    expect(dup.body.errors?.[0]).toMatchObject({ field: "code", code: "taken" });
  });

  it("edits with the version read; a bad credit code names the field in both languages", async () => {
    const bad = await admin.put<Problem & { errors: { message: Record<string, string> }[] }>(
      "/api/organizations/HY-ZRZY-GH",
      { expectedVersion: 1, name: "国土空间规划股", creditCode: "113403210030000014" },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: "creditCode", code: "invalid_credit_code" });
    expect(bad.body.errors[0].message["zh-CN"]).toContain("统一社会信用代码");
    expect(bad.body.errors[0].message["en-US"]).toContain("credit code");
    const ok = await admin.put<{ version: number }>("/api/organizations/HY-ZRZY-GH", {
      expectedVersion: 1,
      name: "国土空间规划股（规划科）",
      phone: "0552-8010000",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expect(find(await tree(), "HY-ZRZY-GH")).toMatchObject({ name: "国土空间规划股（规划科）", version: 2 });
    const stale = await admin.put<Problem>("/api/organizations/HY-ZRZY-GH", {
      expectedVersion: 1,
      name: "x",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
  });

  it("an edit keeps the fields it leaves out, and clears those sent as null or blank", async () => {
    const before = find(await tree(), "HY-ZRZY-YT") as Org;
    const setAll = await admin.put<{ version: number }>("/api/organizations/HY-ZRZY-YT", {
      expectedVersion: before.version,
      name: before.name,
      address: "县政务服务中心二楼 12 号窗口",
      phone: "0552-8010012",
      hours: "工作日 8:30–12:00",
    });
    expect(setAll.status).toBe(200);
    const renamed = await admin.put<{ version: number }>("/api/organizations/HY-ZRZY-YT", {
      expectedVersion: setAll.body.version,
      name: `${before.name}（改）`,
    });
    expect(renamed.status).toBe(200);
    expect(find(await tree(), "HY-ZRZY-YT")).toMatchObject({
      name: `${before.name}（改）`,
      address: "县政务服务中心二楼 12 号窗口",
      phone: "0552-8010012",
      hours: "工作日 8:30–12:00",
    });
    const cleared = await admin.put<{ version: number }>("/api/organizations/HY-ZRZY-YT", {
      expectedVersion: renamed.body.version,
      name: before.name,
      phone: null,
      hours: " ",
    });
    expect(cleared.status).toBe(200);
    expect(find(await tree(), "HY-ZRZY-YT")).toMatchObject({
      address: "县政务服务中心二楼 12 号窗口",
      phone: null,
      hours: null,
    });
  });

  it("an administrator of the bureau may not edit a township, nor create below one", async () => {
    expect((await admin.put("/api/organizations/HY-SQJ", { expectedVersion: 1, name: "x" })).status).toBe(
      403,
    );
    const res = await admin.post("/api/organizations", {
      parent: "HY-SQJ",
      code: "HY-SQJ-X",
      name: "x",
      kind: "section",
    });
    expect(res.status).toBe(403);
  });
});

describe("only administrators", () => {
  for (const username of ["clerk", "approver", "supervisor", "citizen"]) {
    it(`${username} gets 403 on every administration write`, async () => {
      const c = await t.as(username);
      const target = (await users("?q=helper"))[0];
      const writes = [
        c.put(`/api/users/${target.id}`, { expectedVersion: target.version, displayName: "x", roles: [] }),
        c.post(`/api/users/${target.id}/active`, { expectedVersion: target.version, active: false }),
        c.post(`/api/users/${target.id}/reset-password`, { expectedVersion: target.version }),
        c.post("/api/organizations", { parent: "HY-ZRZY", code: "HY-X", name: "x", kind: "section" }),
        c.put("/api/organizations/HY-ZRZY-SP", { expectedVersion: 1, name: "x" }),
      ];
      for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
    });
  }

  it("a visitor gets 401", async () => {
    expect(
      (await t.client().put("/api/organizations/HY-ZRZY", { expectedVersion: 1, name: "x" })).status,
    ).toBe(401);
    expect((await t.client().post("/api/users/00000000-0000-7000-8000-000000000000/active", {})).status).toBe(
      401,
    );
  });
});
