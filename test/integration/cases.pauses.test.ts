import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBody } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

type Pause = { from: string; to: string | null; resumedOn?: string; kind: string; result?: string };
type Timeline = { events: { type: string; data: Record<string, unknown> }[]; pauses: Pause[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("special procedures on the case's clock (行政许可法 Art. 45)", () => {
  it("a suspension resumed the same day is recorded on the clock and the timeline, and stops no working day", async () => {
    const c = await caseRead(t, "in_review", await t.as("approver"));
    expect(c.clock.deadline).toBe("2026-11-27");
    // Sessions expire when the clock jumps: sign in again at each new time.
    const approver = () => t.as("approver");
    try {
      // Wednesday 09:00 suspended for a hearing, resumed at 14:00 the same day.
      t.clock.set("2026-11-25T01:00:00Z");
      const s = await (await approver()).post<CaseBody>(`/api/cases/${c.id}/suspend`, {
        expectedVersion: c.version,
        kind: "hearing",
        reason: "利害关系人申请听证",
        expectedDays: 1,
      });
      expect(s.status).toBe(200);
      t.clock.set("2026-11-25T06:00:00Z");
      const r = await (await approver()).post<CaseBody & { pauses: Pause[] }>(`/api/cases/${c.id}/resume`, {
        expectedVersion: s.body.version,
        result: "听证当日结束",
      });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe("in_review");
      expect(r.body.pauses).toEqual([
        expect.objectContaining({
          from: "2026-11-25",
          to: "2026-11-24",
          resumedOn: "2026-11-25",
          kind: "hearing",
          result: "听证当日结束",
        }),
      ]);
      expect(r.body.clock.pausedWorkingDays).toBe(0);
      expect(r.body.clock.deadline).toBe("2026-11-27");
      const tl = await (await approver()).get<Timeline>(`/api/cases/${c.id}/timeline`);
      expect(tl.body.pauses).toHaveLength(1);
      const resumed = tl.body.events.find((e) => e.type === "case.resumed");
      expect(resumed?.data.pause).toMatchObject({ from: "2026-11-25", resumedOn: "2026-11-25" });
      expect(tl.body.events.map((e) => e.type)).toEqual(
        expect.arrayContaining(["case.suspended", "case.resumed"]),
      );
      // A second special procedure later counts its own working days; the first stays on the record.
      t.clock.set("2026-11-26T01:00:00Z");
      const s2 = await (await approver()).post<CaseBody>(`/api/cases/${c.id}/suspend`, {
        expectedVersion: r.body.version,
        kind: "expert_review",
        reason: "专家论证",
        expectedDays: 2,
      });
      t.clock.set("2026-11-30T01:00:00Z");
      const r2 = await (await approver()).post<CaseBody & { pauses: Pause[] }>(`/api/cases/${c.id}/resume`, {
        expectedVersion: s2.body.version,
      });
      expect(r2.body.pauses).toHaveLength(2);
      // Thu 11-26 and Fri 11-27 paused: the deadline moves two working days, to Tue 12-01.
      expect(r2.body.clock.pausedWorkingDays).toBe(2);
      expect(r2.body.clock.deadline).toBe("2026-12-01");
    } finally {
      t.clock.set(TEST_NOW.toISOString());
    }
  });
});
