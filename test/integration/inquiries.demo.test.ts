import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoInquiries } from "../../src/app/inquiries/demoInquiries";
import { inquiries, meta } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type List = {
  items: { status: string; channel: string; handovers: unknown[]; faq: unknown; itemCode: string | null }[];
  counts: Record<string, number>;
};

describe("demo inquiries", () => {
  it("the demo bureau ships a few months of inquiries: answered, handed over, published as FAQ, some waiting", async () => {
    const supervisor = await t.as("supervisor");
    const all = await supervisor.get<List>("/api/inquiries?from=2000-01-01");
    expect(all.body.counts.answered).toBeGreaterThan(60);
    expect(all.body.counts.open + all.body.counts.unclaimed).toBeGreaterThan(0);
    const channels = new Set(all.body.items.map((i) => i.channel));
    expect([...channels].sort()).toEqual(["online", "phone", "window"]);
    expect(all.body.items.some((i) => i.handovers.length > 0)).toBe(true);
    const faqItems = [...new Set(all.body.items.filter((i) => i.faq).map((i) => i.itemCode))];
    expect(faqItems.length).toBeGreaterThan(0);
    const guide = await t
      .client()
      .get<{ items: { question: string }[] }>(`/api/catalog/items/${faqItems[0]}/faqs`);
    expect(guide.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(guide.body)).not.toMatch(/139\d{8}/);
  });

  it("is generated from a fixed seed, in well under 3 seconds, and only once", async () => {
    const db = t.ctx.database.db;
    const now = new Date("2026-12-01T02:00:00Z");
    await db.delete(inquiries).where(like(inquiries.queryCode, "D%"));
    await db.delete(meta).where(like(meta.key, "demo_inquiries_seeded"));
    const started = performance.now();
    const created = await seedDemoInquiries(db, now);
    const ms = performance.now() - started;
    expect(created).toBeGreaterThan(80);
    expect(ms).toBeLessThan(3000);
    const first = (await db.select({ c: inquiries.queryCode }).from(inquiries)).map((r) => r.c).sort();
    expect(await seedDemoInquiries(db, now)).toBe(0);
    expect((await db.select({ c: inquiries.queryCode }).from(inquiries)).length).toBe(first.length);
    // The same seed gives the same questions.
    await db.delete(inquiries).where(like(inquiries.queryCode, "D%"));
    await db.delete(meta).where(like(meta.key, "demo_inquiries_seeded"));
    await seedDemoInquiries(db, now);
    const second = (await db.select({ c: inquiries.queryCode }).from(inquiries)).map((r) => r.c).sort();
    expect(second).toEqual(first);
  });
});
