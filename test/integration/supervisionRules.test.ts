import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supervisionAlerts } from "../../src/db/schema";
import type { TAlert, TAlertList, TSupervisionSettings } from "../../src/shared/api/alerts";
import { caseRead } from "../helpers/factories";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Problem = { code: string; errors?: { field: string; message: { "zh-CN": string; "en-US": string } }[] };
type CaseBody = { id: string; number: string; version: number; orgId?: string };

const alertRows = (caseId: string, rule: string) =>
  t.ctx.database.db
    .select()
    .from(supervisionAlerts)
    .where(and(eq(supervisionAlerts.caseId, caseId), eq(supervisionAlerts.rule, rule)));

async function alertsOf(caseNumber: string): Promise<TAlert[]> {
  const res = await (await t.as("supervisor")).get<TAlertList>(
    `/api/alerts?caseNumber=${encodeURIComponent(caseNumber)}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

describe("supervision rules after a command (电子监察)", () => {
  it("an extension with a token reason raises 不拖 with its event, owner and response date; overdue when not answered", async () => {
    const approver = await t.as("approver");
    const c = await caseRead<CaseBody>(t, "in_review", approver);
    const res = await approver.post<CaseBody>(`/api/cases/${c.id}/extend`, {
      expectedVersion: c.version,
      days: 5,
      reason: "需要",
    });
    expect(res.status).toBe(200);
    const [a] = (await alertsOf(c.number)).filter((x) => x.rule === "extension_without_reason");
    expect(a).toMatchObject({
      severity: "yellow",
      category: "不拖",
      status: "open",
      responsible: { name: expect.stringContaining("") },
      respondBy: "2026-11-27", // Tuesday + 3 working days
      overdue: false,
      case: { id: c.id, number: c.number },
    });
    expect(a.responsible?.name).toBeTruthy();
    expect(a.events).toHaveLength(1);
    expect(a.events[0]).toMatchObject({ type: "case.extended", label: { "zh-CN": "延期" } });
    expect(a.message["zh-CN"]).toContain("2 字");

    // Past its response date and not acknowledged: overdue, counted and filtered.
    try {
      t.clock.set("2026-11-30T01:00:00Z");
      const supervisor = await t.as("supervisor");
      const overdue = await supervisor.get<TAlertList>("/api/alerts?overdue=true");
      expect(overdue.status).toBe(200);
      expect(overdue.body.items.map((x) => x.id)).toContain(a.id);
      expect(overdue.body.items.every((x) => x.overdue)).toBe(true);
      expect(overdue.body.counts.overdue).toBeGreaterThanOrEqual(1);
      const ack = await supervisor.post<TAlert>(`/api/alerts/${a.id}/acknowledge`, {
        expectedVersion: a.version,
      });
      expect(ack.body.overdue).toBe(false);
      const after = await supervisor.get<TAlertList>("/api/alerts?overdue=true");
      expect(after.body.items.map((x) => x.id)).not.toContain(a.id);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("a refusal without a legal basis is refused (422 naming legalBasis) and recorded as an alert", async () => {
    const clerk = await t.as("clerk");
    const c = await caseRead<CaseBody>(t, "submitted", clerk);
    const res = await clerk.post<Problem>(`/api/cases/${c.id}/refuse`, {
      expectedVersion: c.version,
      legalBasis: "  ",
      reason: "材料不符合要求",
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.field).toBe("legalBasis");
    const rows = await alertRows(c.id, "refusal_without_basis");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ severity: "red", respondBy: "2026-11-25", eventIds: [] });
    expect(rows[0].responsibleUserId).toBeTruthy();
    // The case did not move.
    expect((await clerk.get<CaseBody & { status: string }>(`/api/cases/${c.id}`)).body.status).toBe(
      "submitted",
    );
  });

  it("a correction asking for a material outside the list is refused (422 naming the item) and recorded", async () => {
    const clerk = await t.as("clerk");
    const c = await caseRead<CaseBody>(t, "submitted", clerk);
    const res = await clerk.post<Problem>(`/api/cases/${c.id}/correction`, {
      expectedVersion: c.version,
      items: [{ materialCode: "environmental_report", problem: "missing" }],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.field).toBe("items[0].materialCode");
    const [a] = (await alertsOf(c.number)).filter((x) => x.rule === "material_off_list");
    expect(a).toMatchObject({ severity: "red", category: "一次性告知" });
    expect(a.message["zh-CN"]).toContain("environmental_report");
  });
});

describe("supervision settings (thresholds per organization)", () => {
  it("supervisors read and set them with a version; others get 403; bad values 422 naming the field", async () => {
    const supervisor = await t.as("supervisor");
    const got = await supervisor.get<TSupervisionSettings>("/api/supervision-settings");
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ own: false, version: 0, thresholds: { extensionReasonMinChars: 10 } });
    expect(got.body.rules.find((r) => r.rule === "clock_red")).toMatchObject({ respondWorkingDays: 1 });

    for (const who of ["clerk", "approver", "sanmu"]) {
      const other = await t.as(who);
      expect((await other.get("/api/supervision-settings")).status).toBe(403);
    }

    const bad = await supervisor.put<Problem>(`/api/supervision-settings/${got.body.org.id}`, {
      ...got.body.thresholds,
      pingPongReturns: -1,
      respondWorkingDays: {},
      expectedVersion: 0,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.field).toBe("pingPongReturns");
    expect(bad.body.errors?.[0]?.message["zh-CN"]).toBeTruthy();
    const unknown = await supervisor.put<Problem>(`/api/supervision-settings/${got.body.org.id}`, {
      ...got.body.thresholds,
      respondWorkingDays: { no_such_rule: 2 },
      expectedVersion: 0,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]?.field).toBe("respondWorkingDays.no_such_rule");

    const clerk = await t.as("clerk");
    expect(
      (
        await clerk.put(`/api/supervision-settings/${got.body.org.id}`, {
          ...got.body.thresholds,
          respondWorkingDays: {},
          expectedVersion: 0,
        })
      ).status,
    ).toBe(403);
  });

  it("changing a threshold changes what is raised", async () => {
    const approver = await t.as("approver");
    const supervisor = await t.as("supervisor");
    const before = await caseRead<CaseBody>(t, "in_review", approver);
    // The cases' organization: the one the alert desk names for them.
    await approver.post(`/api/cases/${before.id}/extend`, {
      expectedVersion: before.version,
      days: 5,
      reason: "复杂",
    });
    const [first] = (await alertsOf(before.number)).filter((x) => x.rule === "extension_without_reason");
    const orgId = first.org?.id as string;
    const current = await supervisor.get<TSupervisionSettings>(`/api/supervision-settings?orgId=${orgId}`);
    expect(current.status).toBe(200);
    const set = await supervisor.put<TSupervisionSettings>(`/api/supervision-settings/${orgId}`, {
      ...current.body.thresholds,
      extensionReasonMinChars: 2,
      respondWorkingDays: { extension_without_reason: 5 },
      expectedVersion: current.body.version,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ own: true, version: 1, thresholds: { extensionReasonMinChars: 2 } });
    const stale = await supervisor.put<Problem>(`/api/supervision-settings/${orgId}`, {
      ...current.body.thresholds,
      respondWorkingDays: {},
      expectedVersion: current.body.version,
    });
    expect(stale.status).toBe(409);

    // The same two-character reason no longer breaks the rule; a one-character one does, due in 5 working days.
    const kept = await caseRead<CaseBody>(t, "in_review", approver);
    await approver.post(`/api/cases/${kept.id}/extend`, {
      expectedVersion: kept.version,
      days: 5,
      reason: "复杂",
    });
    expect(await alertRows(kept.id, "extension_without_reason")).toHaveLength(0);
    const broken = await caseRead<CaseBody>(t, "in_review", approver);
    await approver.post(`/api/cases/${broken.id}/extend`, {
      expectedVersion: broken.version,
      days: 5,
      reason: "需",
    });
    const [row] = await alertRows(broken.id, "extension_without_reason");
    expect(row?.respondBy).toBe("2026-12-01");
  });
});
