import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../src/app/auth/totp";
import type { TAdminAuditList } from "../../src/shared/api/audit";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = { code: string; field?: string; errors?: { field: string; code: string }[] };
type Status = { available: boolean; enabled: boolean; recoveryCodesLeft: number };

let t: TestApp;
let userId: string;
const PASSWORD = "Stable-horse-42";

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as("admin");
  const res = await admin.post<{ id: string }>("/api/users", {
    username: "totp-clerk",
    displayName: "两步 验证",
    password: PASSWORD,
    roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
  });
  expect(res.status).toBe(201);
  userId = res.body.id;
});
afterAll(async () => t?.close());

const login = (body: Record<string, string>, ip = "10.30.0.1") =>
  t
    .client(ip)
    .request<Problem>("POST", "/api/auth/login", { username: "totp-clerk", password: PASSWORD, ...body });

let secret: string;
let recovery: string[];

describe("optional two-step login (TOTP) for staff", () => {
  it("is for staff only; enrolment shows a QR code and is confirmed by one code", async () => {
    const applicant = await t.as("sanmu");
    expect((await applicant.get<Status>("/api/auth/totp")).body.available).toBe(false);
    expect((await applicant.post("/api/auth/totp/enrolment", {})).status).toBe(403);

    const me = t.client();
    expect((await me.login("totp-clerk", PASSWORD)).status).toBe(200);
    expect((await me.get<Status>("/api/auth/totp")).body).toMatchObject({ available: true, enabled: false });
    const started = await me.post<{ secret: string; otpauthUrl: string; qrDataUrl: string }>(
      "/api/auth/totp/enrolment",
      {},
    );
    expect(started.status).toBe(200);
    expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.body.otpauthUrl).toContain(`secret=${started.body.secret}`);
    secret = started.body.secret;

    const wrong = await me.post<Problem>("/api/auth/totp/enrolment/confirm", { code: "000000" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors?.[0]).toMatchObject({ field: "code", code: "totp_invalid" });
    const ok = await me.post<{ recoveryCodes: string[] }>("/api/auth/totp/enrolment/confirm", {
      code: totpCode(secret, t.clock.now()),
    });
    expect(ok.status).toBe(200);
    recovery = ok.body.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await me.get<Status>("/api/auth/totp")).body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
  });

  it("the login asks for the code; a code is used once; a recovery code once", async () => {
    const none = await login({});
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: "totp_required", field: "totpCode" });
    // The code used to confirm the enrolment cannot be replayed.
    const replay = await login({ totpCode: totpCode(secret, t.clock.now()) });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe("totp_invalid");
    t.clock.advance(30_000);
    const good = await login({ totpCode: totpCode(secret, t.clock.now()) });
    expect(good.status).toBe(200);
    expect((await login({ totpCode: totpCode(secret, t.clock.now()) })).status).toBe(401);

    const byRecovery = await login({ recoveryCode: recovery[0].toLowerCase() });
    expect(byRecovery.status).toBe(200);
    expect((await login({ recoveryCode: recovery[0] })).status).toBe(401);

    // Two logins racing with one fresh code, or one recovery code: exactly one gets in.
    t.clock.advance(30_000);
    const code = totpCode(secret, t.clock.now());
    const raced = await Promise.all([
      login({ totpCode: code }, "10.30.0.5"),
      login({ totpCode: code }, "10.30.0.6"),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 401]);
    const both = await Promise.all([
      login({ recoveryCode: recovery[1] }, "10.30.0.5"),
      login({ recoveryCode: recovery[1] }, "10.30.0.6"),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("wrong codes count toward the lockout of the account from that address", async () => {
    const ip = "10.30.0.99";
    for (let i = 0; i < 5; i++) expect((await login({ totpCode: "123456" }, ip)).status).toBe(401);
    t.clock.advance(30_000);
    expect((await login({ totpCode: totpCode(secret, t.clock.now()) }, ip)).status).toBe(423);
    // Not from the staff member's own desk.
    expect((await login({ totpCode: totpCode(secret, t.clock.now()) }, "10.30.0.2")).status).toBe(200);
  });

  it("an administrator resets it (audited); the password alone signs in again", async () => {
    const admin = await t.as("admin");
    const list = await admin.get<{ items: { id: string; version: number }[] }>("/api/users?q=totp-clerk");
    const row = list.body.items.find((u) => u.id === userId);
    expect(row).toBeDefined();
    expect(
      (await (await t.as("clerk")).post(`/api/users/${userId}/reset-totp`, { expectedVersion: row?.version }))
        .status,
    ).toBe(403);
    const reset = await admin.post(`/api/users/${userId}/reset-totp`, { expectedVersion: row?.version });
    expect(reset.status, reset.text).toBe(200);
    expect((await login({}, "10.30.0.3")).status).toBe(200);
    const audit = await admin.get<TAdminAuditList>(
      "/api/admin/audit-entries?target=totp-clerk&action=user.totp",
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(["user.totp_reset"]);
  });
});
