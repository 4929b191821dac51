import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHistory, type HistoryReport, readHistoryStatus } from "../../src/app/seed/history";
import { caseEvents, cases, evaluations, supervisionAlerts } from "../../src/db/schema";
import { localDateTime } from "../../src/domain/calendar/intake";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

// Eight working days before the test's Tuesday, 4–6 new cases a day: small, but every path is taken.
const OPTIONS = { days: 8, seed: 7, casesPerDay: [4, 6] as [number, number], until: TEST_NOW };

let t: TestApp;
let report: HistoryReport;
beforeAll(async () => {
  t = await createTestApp();
  report = await generateHistory(t.ctx, OPTIONS);
}, 900_000);
afterAll(async () => t?.close());

describe("demo history (generateHistory)", () => {
  it("files cases over the working days before today and takes them to several ends through the app", async () => {
    expect(report.errors).toEqual([]);
    expect(report.failures).toBe(0);
    expect(report.workingDays).toBe(8);
    expect(report.from).toBe("2026-11-12");
    expect(report.to).toBe("2026-11-23");
    expect(report.cases).toBeGreaterThanOrEqual(32);
    const ends = ["completed", "not_accepted", "withdrawn"].filter((s) => (report.byStatus[s] ?? 0) > 0);
    expect(report.byStatus.completed).toBeGreaterThan(report.cases / 2);
    expect(ends.length).toBeGreaterThanOrEqual(2);
    // The last days' cases are still open work, as at a real window.
    const open = ["submitted", "correction_requested", "accepted", "in_review", "approved"];
    expect(open.some((s) => (report.byStatus[s] ?? 0) > 0)).toBe(true);
    expect(report.reviewTasks).toBeGreaterThan(0);
    expect(report.inquiries).toBeGreaterThan(0);
  });

  it("writes every case's events through the runner, in order, at office hours of the simulated days", async () => {
    const db = t.ctx.database.db;
    const rows = await db.select().from(cases).where(eq(cases.status, cases.status));
    const history = rows.filter(
      (c) => c.createdAt < TEST_NOW && c.createdAt >= new Date("2026-11-12T00:00:00Z"),
    );
    expect(history.length).toBe(report.cases);
    const events = await db
      .select()
      .from(caseEvents)
      .where(
        inArray(
          caseEvents.caseId,
          history.map((c) => c.id),
        ),
      )
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
    for (const c of history) {
      const mine = events.filter((e) => e.caseId === c.id);
      expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => i + 1));
      const moves = mine.filter((e) => e.toStatus);
      expect(moves.at(-1)?.toStatus, c.id).toBe(c.status);
      for (let i = 1; i < mine.length; i++) expect(mine[i].at >= mine[i - 1].at).toBe(true);
      for (const e of mine) {
        expect(e.at < TEST_NOW).toBe(true);
        const { minutes } = localDateTime(e.at, "Asia/Shanghai");
        // Office hours, or the evening sweep at 18:00.
        expect(minutes >= 8 * 60 + 30 && (minutes <= 17 * 60 + 30 || minutes === 18 * 60), e.type).toBe(true);
      }
    }
  });

  it("lets some cases run late, so the evening sweep raised clock and task alerts; ratings are mostly good", async () => {
    const db = t.ctx.database.db;
    expect(report.overdue).toBeGreaterThan(0);
    const alerts = await db.select().from(supervisionAlerts);
    expect(alerts.filter((a) => a.rule === "clock_red").length).toBe(report.overdue);
    expect(report.alertsByRule.clock_yellow ?? 0).toBeGreaterThan(0);
    const ratings = await db.select().from(evaluations);
    expect(ratings.length).toBe(report.ratings);
    expect(report.ratings).toBeGreaterThan(5);
    const good = ratings.filter((r) => ["very_satisfied", "satisfied", "basic"].includes(r.level)).length;
    expect(good / ratings.length).toBeGreaterThan(0.8);
  });

  it("records itself once: a second run is refused", async () => {
    const status = await readHistoryStatus(t.ctx.database.db);
    expect(status).toMatchObject({ state: "done", done: 8, total: 8, cases: report.cases });
    await expect(generateHistory(t.ctx, OPTIONS)).rejects.toMatchObject({
      code: "history_exists",
      status: 409,
    });
    const anon = t.client();
    const res = await anon.get<{ state: string; percent: number }>("/api/demo/history");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      state: "done",
      done: 8,
      total: 8,
      percent: 100,
      from: "2026-11-12",
      to: "2026-11-23",
    });
  });

  it("tells the same story for the same seed on another database", async () => {
    const other = await createTestApp();
    try {
      const again = await generateHistory(other.ctx, OPTIONS);
      const facts = (r: HistoryReport) => ({ ...r, seconds: 0 });
      expect(facts(again)).toEqual(facts(report));
    } finally {
      await other.close();
    }
  }, 900_000);
});

describe("yizhan demo history", () => {
  it("prints progress on a non-terminal stderr and a summary; refuses a second run", async () => {
    const db = await cliDatabase();
    try {
      const first = await runCliInProcess(
        ["demo", "history", "--days", "2", "--per-day", "2-3", "--seed", "3"],
        db.env,
      );
      expect(first.stderr).toMatch(/Generating demo history: 50% \(1\/2\)/);
      expect(first.stderr).toMatch(/Generating demo history: 100% \(2\/2\)/);
      expect(first.stdout).toMatch(
        /Demo history generated: \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d, 2 working days/,
      );
      expect(first.stdout).toMatch(/cases +\d+ \(/);
      expect(first.code).toBe(0);
      const second = await runCliInProcess(["demo", "history"], db.env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/已有演示历史数据.*already has a demo history/);
      const bad = await runCliInProcess(["demo", "history", "--months", "0"], db.env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--months: a whole number/);
    } finally {
      await db.drop();
    }
  }, 900_000);
});
