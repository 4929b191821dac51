import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicantNameMatch, caseTextMatch } from "../../src/app/cases/read/caseSearch";
import { queryRows } from "../../src/db/client";
import type { TestClient } from "../helpers/client";
import { caseIn } from "../helpers/factories";
import { REG_FORM } from "../helpers/forms";
import { createTestApp, type TestApp } from "../helpers/testApp";

// The case search (`q`, `applicant`) through the character-gram index (ADR 0017f): the same cases as a
// plain ILIKE over number, title, item name and applicant name, for texts of every length, and the
// index is what serves it.

type Summary = { id: string; number: string; title: string; itemName: string; applicantName: string };
type Page = { items: Summary[]; total: number };

let t: TestApp;
let clerk: TestClient;
let all: Summary[];

beforeAll(async () => {
  t = await createTestApp();
  await caseIn(t, "submitted");
  await caseIn(t, "submitted", { applicant: "huaishang" });
  await caseIn(t, "submitted", { itemCode: "state-land-first-registration", formData: REG_FORM });
  clerk = await t.as("clerk");
  const page = (await clerk.get<Page>("/api/cases?limit=200")).body;
  expect(page.total).toBe(page.items.length);
  all = page.items;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const contains = (field: string, text: string) => field.toLowerCase().includes(text.trim().toLowerCase());

describe("the case search", () => {
  it("finds exactly what a substring match finds, for texts of one, two and more characters", async () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    const c = all.find((x) => x.title.length >= 4 && /^[0-9A-Za-z-]+$/.test(x.number)) as Summary;
    expect(c).toBeDefined();
    const texts = [
      c.title.slice(1, 2),
      c.title.slice(0, 4),
      c.applicantName.slice(0, 2),
      c.itemName.slice(1, 3),
      c.number,
      c.number.slice(-5).toLowerCase(),
      ` ${c.number.slice(2, 8)} `,
      // The pairs of this text occur in the case (apart), the text itself does not.
      `${c.title.slice(0, 2)}${c.applicantName.slice(0, 2)}`,
      "%",
      "_",
      "无此文字",
    ];
    for (const q of texts) {
      const res = await clerk.get<Page>(`/api/cases?q=${encodeURIComponent(q)}&limit=200`);
      expect(res.status).toBe(200);
      const want = all.filter((x) =>
        [x.number, x.title, x.itemName, x.applicantName].some((f) => contains(f, q)),
      );
      expect({ q, ids: ids(res.body.items) }).toEqual({ q, ids: ids(want) });
      expect(res.body.total).toBe(want.length);
    }
  });

  it("matches the applicant's name by any part of it", async () => {
    const name = all.find((x) => x.applicantName.length >= 3)?.applicantName as string;
    for (const q of [name, name.slice(1), name.slice(0, 1)]) {
      const res = await clerk.get<Page>(`/api/cases?applicant=${encodeURIComponent(q)}&limit=200`);
      expect({ q, ids: ids(res.body.items) }).toEqual({
        q,
        ids: ids(all.filter((x) => contains(x.applicantName, q))),
      });
    }
  });

  it("reads the cases through cases_search_grams_idx", async () => {
    // Sequential scans off, so the plan shows whether the condition can use the index at all.
    for (const cond of [caseTextMatch("建设用地"), caseTextMatch("a"), applicantNameMatch("张三")]) {
      const plan = await t.ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const rows = await queryRows<Record<string, string>>(
          tx,
          sql`explain select id from cases where ${cond}`,
        );
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
      expect(plan).toContain("cases_search_grams_idx");
    }
  });
});
