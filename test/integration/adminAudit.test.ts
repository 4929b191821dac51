import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAdminAuditEntry, TAdminAuditList } from "../../src/shared/api/audit";
import { caseIn } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Org = { code: string; version: number; children: Org[] };
type UserRow = { id: string; version: number };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The log as `who` reads it, optionally filtered. */
async function log(who: string, query = ""): Promise<TAdminAuditEntry[]> {
  const res = await (await t.as(who)).get<TAdminAuditList>(`/api/admin/audit-entries${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

const pick = (e: TAdminAuditEntry) => ({
  action: e.action,
  actorUsername: e.actorUsername,
  targetLabel: e.targetLabel,
  detail: e.detail,
});

function findOrg(nodes: Org[], code: string): Org | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const c = findOrg(n.children, code);
    if (c) return c;
  }
}

describe("the administrators' audit log", () => {
  it("records who created a user, granted and revoked each role, disabled and reset it", async () => {
    const admin = await t.as("admin");
    const created = await admin.post<UserRow>("/api/users", {
      username: "audit-clerk",
      displayName: "审计 测试",
      password: "Stable-horse-42",
      roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
    });
    expect(created.status).toBe(201);
    const updated = await admin.put<UserRow>(`/api/users/${created.body.id}`, {
      expectedVersion: created.body.version,
      displayName: "审计 测试二",
      roles: [{ role: "approver", org: "HY-ZRZY" }],
    });
    expect(updated.status, updated.text).toBe(200);
    const disabled = await admin.post<UserRow>(`/api/users/${created.body.id}/active`, {
      expectedVersion: updated.body.version,
      active: false,
    });
    expect(disabled.status).toBe(200);
    const reset = await admin.post(`/api/users/${created.body.id}/reset-password`, {
      expectedVersion: disabled.body.version,
    });
    expect(reset.status).toBe(200);

    const entries = (await log("admin", "?target=audit-clerk")).reverse().map(pick);
    expect(entries).toEqual([
      {
        action: "user.created",
        actorUsername: "admin",
        targetLabel: "audit-clerk",
        detail: { displayName: "审计 测试", kind: "staff" },
      },
      {
        action: "role.granted",
        actorUsername: "admin",
        targetLabel: "audit-clerk",
        detail: { role: "clerk", org: "HY-ZRZY-WIN" },
      },
      {
        action: "user.updated",
        actorUsername: "admin",
        targetLabel: "audit-clerk",
        detail: { displayName: ["审计 测试", "审计 测试二"] },
      },
      {
        action: "role.granted",
        actorUsername: "admin",
        targetLabel: "audit-clerk",
        detail: { role: "approver", org: "HY-ZRZY" },
      },
      {
        action: "role.revoked",
        actorUsername: "admin",
        targetLabel: "audit-clerk",
        detail: { role: "clerk", org: "HY-ZRZY-WIN" },
      },
      { action: "user.disabled", actorUsername: "admin", targetLabel: "audit-clerk", detail: {} },
      { action: "user.password_reset", actorUsername: "admin", targetLabel: "audit-clerk", detail: {} },
    ]);
  });

  it("records organizations, calendar overrides and supervision thresholds, with what changed", async () => {
    const admin = await t.as("admin");
    const tree = await admin.get<{ items: Org[] }>("/api/organizations");
    const win = findOrg(tree.body.items, "HY-ZRZY-WIN") as Org;
    const org = await admin.put(`/api/organizations/HY-ZRZY-WIN`, {
      expectedVersion: win.version,
      name: "综合受理窗口（审计）",
      hours: "周一至周五 9:00-17:00",
    });
    expect(org.status, org.text).toBe(200);
    const override = await admin.post<{ id: string }>("/api/calendar/overrides", {
      org: "HY-ZRZY",
      date: "2026-12-03",
      kind: "closed",
      reason: "暴雪停止办公",
    });
    expect(override.status).toBe(201);
    expect((await admin.delete(`/api/calendar/overrides/${override.body.id}`)).status).toBe(204);

    const supervisor = await t.as("supervisor");
    const got = await supervisor.get<{
      org: { id: string };
      thresholds: Record<string, number>;
      version: number;
    }>("/api/supervision-settings");
    const set = await supervisor.put(`/api/supervision-settings/${got.body.org.id}`, {
      ...got.body.thresholds,
      extensionReasonMinChars: 4,
      respondWorkingDays: {},
      expectedVersion: got.body.version,
    });
    expect(set.status, set.text).toBe(200);

    const orgEntry = (await log("admin", "?targetType=organization"))[0];
    expect(orgEntry).toMatchObject({ action: "organization.updated", targetId: "HY-ZRZY-WIN" });
    expect(orgEntry.detail.name).toEqual([expect.any(String), "综合受理窗口（审计）"]);
    expect((orgEntry.detail.hours as unknown[] | undefined)?.[1]).toBe("周一至周五 9:00-17:00");

    const calendar = (await log("admin", "?action=calendar.")).map((e) => e.action);
    expect(calendar).toEqual(["calendar.override_deleted", "calendar.override_created"]);

    // The supervisor reads the whole bureau's log, their own threshold change included.
    const seen = await log("supervisor");
    const threshold = seen.find((e) => e.action === "setting.supervision_thresholds");
    expect(threshold).toMatchObject({ actorUsername: "supervisor" });
    expect((threshold?.detail.after as Record<string, unknown> | undefined)?.extensionReasonMinChars).toBe(4);
    expect(seen.some((e) => e.action === "user.created")).toBe(true);
  });

  it("is for administrators and supervisors only; filters and pages", async () => {
    for (const who of ["clerk", "approver", "sanmu"]) {
      expect((await (await t.as(who)).get("/api/admin/audit-entries")).status, who).toBe(403);
    }
    expect((await t.client().get("/api/admin/audit-entries")).status).toBe(401);
    const admin = await t.as("admin");
    const page1 = await admin.get<TAdminAuditList>("/api/admin/audit-entries?limit=2");
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextOffset).toBe(2);
    const page2 = await admin.get<TAdminAuditList>("/api/admin/audit-entries?limit=2&offset=2");
    expect(page2.body.items.map((e) => e.id)).not.toContain(page1.body.items[0].id);
    const bad = await admin.get<{ errors: { field: string }[] }>("/api/admin/audit-entries?targetType=x");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe("targetType");
  });

  it("is append-only in the database; case events survive any delete of their case", async () => {
    const db = t.ctx.database.db;
    const refused = async (statement: ReturnType<typeof sql>) => {
      try {
        await db.transaction(async (tx) => {
          await tx.execute(statement);
        });
      } catch (e) {
        const text = `${String(e)} ${String((e as { cause?: unknown }).cause ?? "")}`;
        return /append-only|foreign key constraint "case_events_case_id_cases_id_fk"/.test(text)
          ? "refused"
          : text;
      }
      return "done";
    };
    expect(await refused(sql`UPDATE admin_audit_entries SET actor_username = 'nobody'`)).toBe("refused");
    expect(await refused(sql`DELETE FROM admin_audit_entries`)).toBe("refused");
    expect(await refused(sql`TRUNCATE admin_audit_entries`)).toBe("refused");
    expect((await log("admin")).every((e) => e.actorUsername !== "nobody")).toBe(true);

    const c = await caseIn(t, "submitted");
    const events = sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${c.id}`;
    const count = async () => ((await db.execute(events)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    expect(await refused(sql`UPDATE case_events SET type = 'x' WHERE case_id = ${c.id}`)).toBe("refused");
    expect(await refused(sql`DELETE FROM case_events WHERE case_id = ${c.id}`)).toBe("refused");
    // Deleting the case: the foreign key is RESTRICT (it used to cascade and take the history along).
    expect(await refused(sql`DELETE FROM cases WHERE id = ${c.id}`)).toBe("refused");
    expect(await count()).toBe(before);
  });
});
