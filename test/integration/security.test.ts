import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy, secureCookiesFor } from "../../src/app/context";
import type { TestClient } from "../helpers/client";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

type Problem = { code: string; field?: string; message: { "zh-CN": string; "en-US": string } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const minutes = (m: number) => m * 60_000;

/** Creates a staff account through the admin API (its own, so lockouts do not touch other tests). */
async function staff(username: string, password = "Stable-horse-42") {
  const admin = await t.as("admin");
  const res = await admin.post("/api/users", {
    username,
    displayName: `测试 ${username}`,
    password,
    roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
  });
  expect(res.status, res.text).toBe(201);
  return password;
}

describe("password policy", () => {
  it("refuses a well-known password and one containing the username, naming the field", async () => {
    const admin = await t.as("admin");
    for (const password of ["password123", "QWERTYUIOP", "1qaz2wsx", "88888888"]) {
      const res = await admin.post<Problem>("/api/users", {
        username: "pw-common",
        displayName: "测试",
        password,
        roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
      });
      expect(res.status, password).toBe(422);
      expect(res.body.field).toBe("password");
      expect(res.body.message["zh-CN"]).toContain("常见");
    }
    const named = await admin.post<Problem>("/api/users", {
      username: "wangfang",
      displayName: "测试",
      password: "WangFang-2026",
      roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
    });
    expect(named.status).toBe(422);
    expect(named.body.message["en-US"]).toContain("username");
    await staff("pw-ok", "Stable-horse-42");
  });

  it("applies on a password change too", async () => {
    const pw = await staff("pw-change");
    const me = t.client();
    expect((await me.login("pw-change", pw)).status).toBe(200);
    const res = await me.post<Problem>("/api/auth/password", {
      currentPassword: pw,
      newPassword: "iloveyou123",
    });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe("newPassword");
  });
});

describe("lockout per account and source", () => {
  it("locks the account from the guessing address only, and backs off on a second lock", async () => {
    const pw = await staff("lock-a");
    const attacker = t.client("10.20.0.1");
    try {
      for (let i = 0; i < 5; i++) expect((await attacker.login("lock-a", `bad-${i}`)).status).toBe(401);
      expect((await attacker.login("lock-a", pw)).status).toBe(423);
      // The staff member at the office is not locked out by someone else's guesses.
      expect((await t.client("10.20.0.2").login("lock-a", pw)).status).toBe(200);

      t.clock.advance(minutes(16));
      for (let i = 0; i < 5; i++) expect((await attacker.login("lock-a", `again-${i}`)).status).toBe(401);
      t.clock.advance(minutes(16)); // the first lock lasted 15 minutes; the second lasts 30
      expect((await attacker.login("lock-a", pw)).status).toBe(423);
      t.clock.advance(minutes(15));
      expect((await attacker.login("lock-a", pw)).status).toBe(200);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("guesses from many addresses lock the account, except from an address it signed in from", async () => {
    const pw = await staff("lock-b");
    const office = t.client("10.30.0.1");
    expect((await office.login("lock-b", pw)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      expect((await t.client(`10.31.0.${i + 1}`).login("lock-b", `bad-${i}`)).status).toBe(401);
    }
    expect((await t.client("10.32.0.1").login("lock-b", pw)).status).toBe(423);
    expect((await t.client("10.30.0.1").login("lock-b", pw)).status).toBe(200);
  });

  it("wrong current passwords on a password change count as failed logins", async () => {
    const pw = await staff("lock-c");
    const c = t.client("10.40.0.1");
    expect((await c.login("lock-c", pw)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await c.post<Problem>("/api/auth/password", {
        currentPassword: `wrong-${i}`,
        newPassword: "Another-river-77",
      });
      expect(res.status).toBe(422);
    }
    const locked = await c.post<Problem>("/api/auth/password", {
      currentPassword: pw,
      newPassword: "Another-river-77",
    });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe("account_locked");
  });
});

describe("responses and addresses", () => {
  it("private answers are not cached; public ones are left to their route", async () => {
    const c = await t.as("citizen");
    const me = await c.get("/api/auth/me");
    expect(me.headers["cache-control"]).toBe("no-store");
    const anonymous = await t.client().get("/api/auth/me");
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    const items = await t.client().get("/api/catalog/items");
    expect(items.status).toBe(200);
    expect(items.headers["cache-control"]).toBeUndefined();
  });

  it("a client cannot name its own address unless a proxy is configured", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "10.50.0.1",
      headers: { "x-forwarded-for": "203.0.113.9" },
      payload: { username: "nobody-xff", password: "whatever-1" },
    });
    expect(res.statusCode).toBe(401);
    const rows = await t.ctx.database.db.query.authEvents.findMany({
      where: (e, { eq }) => eq(e.username, "nobody-xff"),
    });
    expect(rows.map((r) => r.ip)).toEqual(["10.50.0.1"]);

    const proxied = await createTestApp({ trustProxy: ["10.50.0.1"] });
    try {
      await proxied.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "10.50.0.1",
        headers: { "x-forwarded-for": "203.0.113.9" },
        payload: { username: "nobody-xff2", password: "whatever-1" },
      });
      const seen = await proxied.ctx.database.db.query.authEvents.findMany({
        where: (e, { eq }) => eq(e.username, "nobody-xff2"),
      });
      expect(seen.map((r) => r.ip)).toEqual(["203.0.113.9"]);
    } finally {
      await proxied.close();
    }
  });

  it("public rate limits count anonymous callers per address and signed-in ones per account", async () => {
    const address = "10.0.0.91";
    const lookup = (c: TestClient) => c.get("/api/public/progress?number=HY-NOSUCH&queryCode=000000");
    const anonymous = t.client(address);
    for (let i = 0; i < 60; i++) expect((await lookup(anonymous)).status).toBe(404);
    const limited = await lookup(anonymous);
    expect(limited.status).toBe(429);
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    // A clerk behind the same address (one office, one NAT) is not limited by the public's lookups…
    const clerk = t.client(address);
    expect((await clerk.login("clerk")).status).toBe(200);
    for (let i = 0; i < 60; i++) expect((await lookup(clerk)).status).toBe(404);
    // …but has a limit of its own, and a second account still has its own.
    expect((await lookup(clerk)).status).toBe(429);
    const citizen = t.client(address);
    expect((await citizen.login("citizen")).status).toBe(200);
    expect((await lookup(citizen)).status).toBe(404);
    expect((await lookup(anonymous)).status).toBe(429);
  });

  it("settings from the environment: trusted proxies and Secure cookies", () => {
    expect(parseTrustProxy(" 10.0.0.1, 192.168.0.0/16 ")).toEqual(["10.0.0.1", "192.168.0.0/16"]);
    expect(parseTrustProxy(undefined)).toEqual([]);
    expect(() => parseTrustProxy("evil.example.com")).toThrow(RangeError);
    expect(secureCookiesFor(undefined, "https://zwfw.example.gov.cn")).toBe(true);
    expect(secureCookiesFor(undefined, "http://localhost:3000")).toBe(false);
    expect(secureCookiesFor("0", "https://zwfw.example.gov.cn")).toBe(false);
    expect(secureCookiesFor("1", "http://localhost:3000")).toBe(true);
  });
});
