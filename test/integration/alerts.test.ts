import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlert } from "../../src/app/alerts/raiseAlert";
import { runSweep } from "../../src/app/sweep/runSweep";
import { organizations } from "../../src/db/schema";
import type { TAlert, TAlertList } from "../../src/shared/api/alerts";
import { caseRead } from "../helpers/factories";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Problem = { code: string; errors?: { field: string; message: { "zh-CN": string; "en-US": string } }[] };

describe("the supervisor's alert desk (电子监察)", () => {
  it("lists the sweep's alerts of the supervisor's tree with counts; acknowledge and close with a comment", async () => {
    const c = await caseRead(t, "in_review", await t.as("sanmu"));
    try {
      t.clock.set("2026-11-30T01:00:00Z"); // the Monday after the Friday deadline: red
      await runSweep(t.ctx);
    } finally {
      t.clock.set(TEST_NOW);
    }
    // An alert of another county's tree (双桥集镇) that the bureau's supervisor does not see.
    const [township] = await t.ctx.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.code, "HY-SQJ"));
    await t.ctx.database.db.transaction((tx) =>
      raiseAlert(tx, {
        rule: "referral_idle",
        severity: "yellow",
        orgId: township.id,
        subject: "other-tree",
        zh: "另一机构的预警",
        en: "Another tree's alert",
        now: TEST_NOW,
        respondBy: null,
      }),
    );

    const supervisor = await t.as("supervisor");
    const list = await supervisor.get<TAlertList>("/api/alerts");
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((a) => a.case?.id === c.id);
    expect(mine.map((a) => a.rule)).toEqual(expect.arrayContaining(["clock_red", "task_overdue"]));
    expect(list.body.items.some((a) => a.message["zh-CN"] === "另一机构的预警")).toBe(false);
    const red = mine.find((a) => a.rule === "clock_red") as TAlert;
    expect(red).toMatchObject({
      severity: "red",
      status: "open",
      category: "时限",
      ruleName: { "zh-CN": "办件超期（红牌）" },
      case: { id: c.id, number: c.number },
      version: 1,
      abilities: { acknowledge: true, close: true },
    });
    expect(red.message["zh-CN"]).toContain(c.number);
    expect(red.org?.name).toBeTruthy();
    const openBefore = list.body.counts.open;
    expect(openBefore).toBe(list.body.items.filter((a) => a.status === "open").length);
    expect(list.body.counts.byRule.find((r) => r.rule === "clock_red")).toMatchObject({
      category: "时限",
      open: expect.any(Number),
    });
    expect(list.body.counts.byRule.some((r) => r.rule === "referral_idle")).toBe(false);

    // Filters: rule, severity, case number.
    const byRule = await supervisor.get<TAlertList>("/api/alerts?rule=clock_red");
    expect(byRule.body.items.length).toBeGreaterThan(0);
    expect(byRule.body.items.every((a) => a.rule === "clock_red")).toBe(true);
    const byCase = await supervisor.get<TAlertList>(`/api/alerts?caseNumber=${encodeURIComponent(c.number)}`);
    expect(byCase.body.items.map((a) => a.id).sort()).toEqual(mine.map((a) => a.id).sort());
    const yellow = await supervisor.get<TAlertList>(
      `/api/alerts?severity=yellow&caseNumber=${encodeURIComponent(c.number)}`,
    );
    expect(yellow.body.items.every((a) => a.severity === "yellow")).toBe(true);
    expect(yellow.body.items.some((a) => a.id === red.id)).toBe(false);

    // Acknowledge, then a stale version is refused.
    const ack = await supervisor.post<TAlert>(`/api/alerts/${red.id}/acknowledge`, {
      comment: "已督促审查科室",
      expectedVersion: 1,
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: "acknowledged",
      acknowledgeComment: "已督促审查科室",
      acknowledgedBy: { name: "股负责人 周明" },
      version: 2,
      abilities: { acknowledge: false, close: true },
    });
    expect(ack.body.acknowledgedAt).toBe(TEST_NOW.toISOString());
    const stale = await supervisor.post<Problem>(`/api/alerts/${red.id}/close`, {
      comment: "已办结",
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");

    // Closing needs a comment (422 naming the field, in both languages).
    const noComment = await supervisor.post<Problem>(`/api/alerts/${red.id}/close`, { expectedVersion: 2 });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors?.[0]?.field).toBe("comment");
    const blank = await supervisor.post<Problem>(`/api/alerts/${red.id}/close`, {
      comment: "  ",
      expectedVersion: 2,
    });
    expect(blank.status).toBe(422);

    const closed = await supervisor.post<TAlert>(`/api/alerts/${red.id}/close`, {
      comment: "已约谈科室负责人，办件已加快办理",
      expectedVersion: 2,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: "closed",
      closeComment: "已约谈科室负责人，办件已加快办理",
      closedBy: { name: "股负责人 周明" },
      closedAt: TEST_NOW.toISOString(),
      version: 3,
      abilities: { acknowledge: false, close: false },
    });
    // The case's log records the closing (rule and alert, not the supervisor's comment).
    const timeline = await supervisor.get<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/api/cases/${c.id}/timeline`,
    );
    expect(timeline.status).toBe(200);
    const closedEvents = timeline.body.events.filter((e) => e.type === "alert.closed");
    expect(closedEvents).toHaveLength(1);
    expect(closedEvents[0].data).toEqual({ alertId: red.id, rule: "clock_red" });
    const again = await supervisor.post<Problem>(`/api/alerts/${red.id}/close`, {
      comment: "再次关闭",
      expectedVersion: 3,
    });
    expect(again.status).toBe(409);

    const after = await supervisor.get<TAlertList>("/api/alerts");
    expect(after.body.counts.open).toBe(openBefore - 1);
    expect(after.body.counts.closed).toBe(list.body.counts.closed + 1);
    const onlyClosed = await supervisor.get<TAlertList>("/api/alerts?status=closed");
    expect(onlyClosed.body.items.map((a) => a.id)).toContain(red.id);
    expect(onlyClosed.body.items.every((a) => a.status === "closed")).toBe(true);
    const onlyOpen = await supervisor.get<TAlertList>("/api/alerts?status=open");
    expect(onlyOpen.body.items.map((a) => a.id)).not.toContain(red.id);
  });

  it("is the supervisor's: applicants and other staff get 403, other trees' alerts are not found", async () => {
    expect((await (await t.as("sanmu")).get("/api/alerts")).status).toBe(403);
    expect((await (await t.as("clerk")).get("/api/alerts")).status).toBe(403);
    const other = await t.ctx.database.db.query.supervisionAlerts.findFirst({
      where: (a, { eq }) => eq(a.messageZh, "另一机构的预警"),
    });
    expect(other).toBeTruthy();
    const supervisor = await t.as("supervisor");
    const res = await supervisor.post(`/api/alerts/${other?.id}/acknowledge`, { expectedVersion: 1 });
    expect(res.status).toBe(404);
    const clerk = await t.as("clerk");
    expect((await clerk.post(`/api/alerts/${other?.id}/acknowledge`, { expectedVersion: 1 })).status).toBe(
      403,
    );
  });

  it("rejects a bad filter with 422 naming the field", async () => {
    const res = await (await t.as("supervisor")).get<Problem>("/api/alerts?status=lost");
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.field).toBe("status");
  });
});
