import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Me = { abilities: Record<string, boolean> };
const AREAS = ["apply", "workbench", "reviewInbox", "helperDesk", "dashboard", "partnerDesk", "administer"];
const EXPECTED: Record<string, string[]> = {
  admin: ["dashboard", "administer"],
  clerk: ["workbench"],
  "reviewer-planning": ["reviewInbox"],
  "reviewer-registry": ["reviewInbox"],
  approver: ["reviewInbox"],
  helper: ["helperDesk"],
  supervisor: ["dashboard"],
  township: ["partnerDesk"],
  sanmu: ["apply"],
  citizen: ["apply"],
};

describe("abilities per demo account", () => {
  for (const [username, areas] of Object.entries(EXPECTED)) {
    it(`${username} may use exactly ${areas.join(", ")}`, async () => {
      const me = await (await t.as(username)).get<Me>("/api/auth/me");
      const allowed = AREAS.filter((a) => me.body.abilities[a]);
      expect(allowed).toEqual(areas);
    });
  }
});

describe("user administration", () => {
  it("admin lists users with identifiers masked", async () => {
    const res = await (await t.as("admin")).get<{
      items: { username: string; idNumberMasked: string | null; phoneMasked: string | null }[];
    }>("/api/users");
    expect(res.status).toBe(200);
    const citizen = res.body.items.find((u) => u.username === "citizen");
    expect(citizen?.idNumberMasked).toBe("3403**********2011");
    expect(citizen?.phoneMasked).toBe("138****9876");
    expect(res.text).not.toContain("340321198503122011");
  });

  for (const username of ["clerk", "reviewer-planning", "approver", "supervisor", "township", "citizen"]) {
    it(`${username} gets 403 on the user list and on user creation`, async () => {
      const c = await t.as(username);
      expect((await c.get("/api/users")).status).toBe(403);
      const res = await c.post<{ code: string }>("/api/users", {
        username: "x-new",
        displayName: "新用户",
        password: "password-123",
        roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    });
  }

  it("admin creates a clerk who can log in; a bad organization code names the field", async () => {
    const admin = await t.as("admin");
    const bad = await admin.post<{ code: string; field: string }>("/api/users", {
      username: "clerk9",
      displayName: "窗口受理员 二",
      password: "password-123",
      roles: [{ role: "clerk", org: "NO-SUCH-ORG" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("roles[0].org");
    const created = await admin.post("/api/users", {
      username: "clerk9",
      displayName: "窗口受理员 二",
      password: "password-123",
      roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
    });
    expect(created.status).toBe(201);
    expect((await t.client().login("clerk9", "password-123")).status).toBe(200);
  });

  it("anonymous requests get 401 on protected endpoints, the organization tree is public", async () => {
    expect((await t.client().get("/api/users")).status).toBe(401);
    const orgs = await t
      .client()
      .get<{ items: { code: string; children: { code: string }[] }[] }>("/api/organizations");
    expect(orgs.status).toBe(200);
    const bureau = orgs.body.items.find((o) => o.code === "HY-ZRZY");
    expect(bureau?.children.map((c) => c.code)).toContain("HY-ZRZY-GH");
    expect(orgs.body.items.map((o) => o.code)).toContain("HY-SQJ");
  });
});
