import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RATED_CASES, seedDemoEvaluations } from "../../src/app/evaluations/demoRatings";
import { evaluations, rectifications } from "../../src/db/schema";
import type { TSatisfactionStats } from "../../src/shared/api/evaluations";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("好差评 demo data", () => {
  it("rates demo cases of the past months through the real path, deterministically and once", async () => {
    const started = Date.now();
    const first = await seedDemoEvaluations(t.ctx);
    const ms = Date.now() - started;
    console.log(`demo ratings: ${first.created} cases completed and rated in ${ms} ms (budget 5000 ms)`);
    expect(first.created).toBe(DEMO_RATED_CASES);
    expect((await seedDemoEvaluations(t.ctx)).created).toBe(0);

    const rows = await t.ctx.database.db.select().from(evaluations);
    expect(rows).toHaveLength(DEMO_RATED_CASES);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(["portal", "tablet"]));
    const months = new Set(rows.map((r) => r.month));
    expect(months.size).toBeGreaterThanOrEqual(3);
    // Nothing in the future of the clock it ran at.
    expect(rows.every((r) => r.submittedAt.getTime() <= TEST_NOW.getTime())).toBe(true);
    const rects = await t.ctx.database.db.select().from(rectifications);
    expect(rects.length).toBe(
      rows.filter((r) => r.level === "dissatisfied" || r.level === "very_dissatisfied").length,
    );
    expect(rects.map((r) => r.status).sort()).toEqual(["callback_due", "rectified"]);

    const stats = (await t.client().get<TSatisfactionStats>("/api/public/satisfaction")).body;
    expect(stats.overall.ratings).toBe(DEMO_RATED_CASES);
    expect(stats.byMonth.filter((m) => m.ratings > 0).length).toBeGreaterThanOrEqual(3);
    expect(stats.overall.rate).toBeGreaterThan(0.5);
  });
});
