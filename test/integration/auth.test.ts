import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = {
  code: string;
  status: number;
  message: { "zh-CN": string; "en-US": string };
  field?: string;
};
type Me = {
  username: string;
  roles: { role: string; orgCode: string | null }[];
  abilities: Record<string, boolean>;
  locale: string;
  careMode: boolean;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 25 });
});
afterAll(async () => t?.close());

describe("login and sessions", () => {
  it("logs in with the demo password, sets an httpOnly SameSite session cookie, and returns abilities", async () => {
    const c = t.client();
    const res = await c.login("clerk");
    expect(res.status).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers["set-cookie"] as string | string[]);
    const session = setCookie.find((s) => s.startsWith("yz_session="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(setCookie.find((s) => s.startsWith("yz_csrf="))).not.toMatch(/HttpOnly/i);
    const me = await c.get<Me>("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("clerk");
    expect(me.body.roles).toEqual([expect.objectContaining({ role: "clerk", orgCode: "HY-ZRZY-WIN" })]);
    expect(me.body.abilities).toMatchObject({ workbench: true, administer: false, apply: false });
  });

  it("answers 401 problem+json without a session", async () => {
    const res = await t.client().get<Problem>("/api/auth/me");
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe("unauthenticated");
    expect(res.body.message["zh-CN"]).toBe("请先登录");
  });

  it("refuses a wrong password with 401 and records the failure", async () => {
    const res = await t.client().login("approver", "wrong-password");
    expect(res.status).toBe(401);
    expect((res.body as unknown as Problem).code).toBe("invalid_credentials");
    const rows = await t.ctx.database.db.query.authEvents.findMany({
      where: (e, { and, eq }) => and(eq(e.username, "approver"), eq(e.kind, "login_failed")),
    });
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it("logs out: the session no longer works and the logout is recorded", async () => {
    const c = await t.as("reviewer-planning");
    expect((await c.post("/api/auth/logout")).status).toBe(200);
    expect((await c.get("/api/auth/me")).status).toBe(401);
    const rows = await t.ctx.database.db.query.authEvents.findMany({
      where: (e, { and, eq }) => and(eq(e.username, "reviewer-planning"), eq(e.kind, "logout")),
    });
    expect(rows).toHaveLength(1);
  });

  it("expires an idle session", async () => {
    const c = await t.as("helper");
    expect((await c.get("/api/auth/me")).status).toBe(200);
    t.clock.advance((t.ctx.config.sessionIdleMinutes + 1) * 60_000);
    try {
      expect((await c.get("/api/auth/me")).status).toBe(401);
    } finally {
      t.clock.set(new Date("2026-11-24T01:00:00Z"));
    }
  });

  it("locks the account after 5 failures in a row, even for the right password, then unlocks", async () => {
    const c = t.client("10.0.0.7");
    for (let i = 0; i < 5; i++) expect((await c.login("supervisor", `bad-${i}`)).status).toBe(401);
    const locked = await c.login("supervisor");
    expect(locked.status).toBe(423);
    expect((locked.body as unknown as Problem).code).toBe("account_locked");
    const events = await t.ctx.database.db.query.authEvents.findMany({
      where: (e, { and, eq }) => and(eq(e.username, "supervisor"), eq(e.kind, "locked")),
    });
    expect(events).toHaveLength(1);
    t.clock.advance(16 * 60_000);
    try {
      expect((await c.login("supervisor")).status).toBe(200);
    } finally {
      t.clock.set(new Date("2026-11-24T01:00:00Z"));
    }
  });

  it("rate-limits login attempts per IP with 429 problem+json", async () => {
    const c = t.client("10.9.9.9");
    let last = 0;
    for (let i = 0; i < 26; i++) last = (await c.login(`nobody-${i}`, "x")).status;
    expect(last).toBe(429);
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated write without the CSRF header, accepts it with the header", async () => {
    const c = await t.as("citizen");
    c.sendCsrf = false;
    const refused = await c.put<Problem>("/api/auth/me/preferences", { locale: "en-US" });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("csrf_invalid");
    c.sendCsrf = true;
    const ok = await c.put<Me>("/api/auth/me/preferences", { locale: "en-US" });
    expect(ok.status).toBe(200);
    expect(ok.body.locale).toBe("en-US");
    expect((await c.get<Me>("/api/auth/me")).body.locale).toBe("en-US");
  });

  it("refuses a forged token", async () => {
    const c = await t.as("citizen");
    c.csrfToken = "forged-token-forged-token-forged";
    expect((await c.post<Problem>("/api/auth/logout")).body.code).toBe("csrf_invalid");
  });
});

describe("preferences", () => {
  it("remembers 关怀模式 per user beside the language, each saved without touching the other", async () => {
    const c = await t.as("huaishang");
    expect((await c.get<Me>("/api/auth/me")).body.careMode).toBe(false);
    const on = await c.put<Me>("/api/auth/me/preferences", { careMode: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ careMode: true, locale: "zh-CN" });
    const lang = await c.put<Me>("/api/auth/me/preferences", { locale: "en-US" });
    expect(lang.body).toMatchObject({ careMode: true, locale: "en-US" });
    // A new session (another device) reads both from the account.
    const other = await t.as("huaishang");
    expect((await other.get<Me>("/api/auth/me")).body).toMatchObject({ careMode: true, locale: "en-US" });
    const nothing = await other.put<Me>("/api/auth/me/preferences", {});
    expect(nothing.body).toMatchObject({ careMode: true, locale: "en-US" });
    const off = await other.put<Me>("/api/auth/me/preferences", { careMode: false, locale: "zh-CN" });
    expect(off.body).toMatchObject({ careMode: false, locale: "zh-CN" });
    // Another user's choice is their own.
    expect((await (await t.as("sanmu")).get<Me>("/api/auth/me")).body.careMode).toBe(false);
    const bad = await other.put<Problem>("/api/auth/me/preferences", { careMode: "yes" });
    expect(bad.status).toBe(422);
  });
});

describe("password change", () => {
  it("needs the current password, names the field on error, and ends other sessions", async () => {
    const a = await t.as("township");
    const b = await t.as("township");
    const wrong = await a.post<Problem>("/api/auth/password", {
      currentPassword: "nope",
      newPassword: "new-pass-123",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.field).toBe("currentPassword");
    const short = await a.post<Problem>("/api/auth/password", {
      currentPassword: "demo1234",
      newPassword: "short",
    });
    expect(short.status).toBe(422);
    expect(short.body.field).toBe("newPassword");
    const ok = await a.post("/api/auth/password", {
      currentPassword: "demo1234",
      newPassword: "new-pass-123",
    });
    expect(ok.status).toBe(200);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    expect((await t.client().login("township")).status).toBe(401);
    expect((await t.client().login("township", "new-pass-123")).status).toBe(200);
  });
});
