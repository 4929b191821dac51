import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep } from "../../src/app/sweep/runSweep";
import type { CaseBody } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const alerts = (caseId: string) =>
  t.ctx.database.db.query.supervisionAlerts.findMany({ where: (a, { eq }) => eq(a.caseId, caseId) });
const outboxKinds = async () =>
  (await t.ctx.database.db.query.outbox.findMany()).map((o) => (o.payload as { kind: string }).kind);

describe("the sweep (不拖, 不敷, Art. 32)", () => {
  it("a submission not checked within 5 working days counts as accepted from receipt, with a red alert", async () => {
    const applicant = await t.as("sanmu");
    const c = await caseRead(t, "submitted", applicant);
    expect(c.status).toBe("submitted");
    try {
      // Received Tue 11-24; the check is due Tue 12-01; on Wed 12-02 it is overdue.
      t.clock.set("2026-12-01T01:00:00Z");
      expect((await runSweep(t.ctx)).deemedAccepted).not.toContain(c.id);
      t.clock.set("2026-12-02T01:00:00Z");
      const report = await runSweep(t.ctx);
      expect(report.deemedAccepted).toContain(c.id);
      const after = await (await t.as("clerk")).get<CaseBody>(`/api/cases/${c.id}`);
      expect(after.body.status).toBe("in_review");
      expect(after.body.acceptedOn).toBe("2026-11-24");
      expect((await alerts(c.id)).map((a) => [a.rule, a.severity])).toContainEqual(["check_overdue", "red"]);
      expect((await runSweep(t.ctx)).deemedAccepted).not.toContain(c.id);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("yellow near the deadline and red past it, each raised once, with notifications to staff", async () => {
    const c = await caseRead(t, "in_review", await t.as("sanmu"));
    expect(c.clock.deadline).toBe("2026-11-27");
    try {
      t.clock.set("2026-11-26T01:00:00Z"); // 1 working day left
      const yellow = await runSweep(t.ctx);
      expect(yellow.clockAlerts).toContainEqual({ caseId: c.id, state: "yellow" });
      expect((await runSweep(t.ctx)).clockAlerts.filter((a) => a.caseId === c.id)).toEqual([]);
      t.clock.set("2026-11-30T01:00:00Z"); // Monday after the Friday deadline
      const red = await runSweep(t.ctx);
      expect(red.clockAlerts).toContainEqual({ caseId: c.id, state: "red" });
      expect(red.taskAlerts.map((a) => a.rule)).toContain("task_overdue");
      expect((await alerts(c.id)).map((a) => a.rule).sort()).toEqual(
        expect.arrayContaining(["clock_red", "clock_yellow", "task_overdue", "task_idle"]),
      );
      expect(await outboxKinds()).toEqual(expect.arrayContaining(["clock.yellow", "clock.red"]));
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("drafts get one reminder 7 days before they expire after 30 days, then expire", async () => {
    const applicant = await t.as("citizen");
    const draft = await applicant.post<CaseBody>("/api/cases", {
      itemCode: "real-estate-records-inquiry",
      formData: {},
    });
    try {
      t.clock.set(new Date(TEST_NOW.getTime() + 24 * 86_400_000));
      expect((await runSweep(t.ctx)).draftsReminded).toContain(draft.body.id);
      expect((await runSweep(t.ctx)).draftsReminded).not.toContain(draft.body.id);
      t.clock.set(new Date(TEST_NOW.getTime() + 31 * 86_400_000));
      expect((await runSweep(t.ctx)).draftsExpired).toContain(draft.body.id);
      const after = await (await t.as("citizen")).get<CaseBody>(`/api/cases/${draft.body.id}`);
      expect(after.body.status).toBe("expired");
      expect(await outboxKinds()).toContain("draft.expiring");
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});
