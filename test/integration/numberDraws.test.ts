import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawNumber } from "../../src/app/cases/commands/numberDraws";
import type { Executor } from "../../src/db/client";
import { caseDocuments, cases, counters } from "../../src/db/schema";
import { caseIn } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The database handle, counting the statements run through it. */
function counting(db: Executor) {
  const counted = { statements: 0 };
  const ex = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute")
        return (q: Parameters<Executor["execute"]>[0]) => {
          counted.statements++;
          return target.execute(q);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { ex, counted };
}

/**
 * Human numbers drawn after commit (ADR 0005) are gap-free per sequence; draws waiting at the same time
 * share one statement (one increment of the sequence row), so acceptances do not take turns on it.
 */
describe("numbers drawn after commit", () => {
  it("numbers 30 pending rows drawn at once in the order asked, gap-free, in fewer statements", async () => {
    const db = t.ctx.database.db;
    const made = [];
    for (let i = 0; i < 30; i++) made.push((await caseIn(t, "draft")).id);
    await db
      .update(cases)
      .set({ number: sql`'pending:' || gen_random_uuid()` })
      .where(inArray(cases.id, made));
    const key = "case:test-batch:20261124";
    const { ex, counted } = counting(db);
    const numbers = await Promise.all(
      made.map((id) =>
        drawNumber(ex, { table: "cases", key, id, render: (serial) => sql`'T-' || ${serial}` }),
      ),
    );
    expect(numbers).toEqual(made.map((_, i) => `T-${i + 1}`));
    // The first draw runs alone; the 29 queued meanwhile go together in the next statement.
    expect(counted.statements).toBe(2);
    const rows = await db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(inArray(cases.id, made));
    expect(new Map(rows.map((r) => [r.id, r.number]))).toEqual(
      new Map(made.map((id, i) => [id, `T-${i + 1}`])),
    );
    const [counter] = await db
      .select({ value: counters.value })
      .from(counters)
      .where(sql`${counters.key} = ${key}`);
    expect(counter.value).toBe(30);

    // A row already numbered draws nothing: the sequence does not move, the number stays.
    const again = await drawNumber(db, { table: "cases", key, id: made[0], render: () => sql`'X'` });
    expect(again).toBeUndefined();
    const [after] = await db
      .select({ value: counters.value })
      .from(counters)
      .where(sql`${counters.key} = ${key}`);
    expect(after.value).toBe(30);
  });

  it("20 acceptances at once through the API get consecutive notice numbers, none twice", async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await caseIn(t, "submitted")).id);
    const clerk = await t.as("clerk");
    const checked = [];
    for (const id of ids) {
      const c = (
        await clerk.get<{
          version: number;
          materials: { code: string; status: string; required: boolean }[];
        }>(`/api/cases/${id}`)
      ).body;
      const res = await clerk.post<{ version: number }>(`/api/cases/${id}/material-checks`, {
        expectedVersion: c.version,
        checks: c.materials
          .filter((m) => m.status !== "pending" || m.required)
          .map((m) => ({ materialCode: m.code, status: "pass" })),
      });
      expect(res.status).toBe(200);
      checked.push({ id, version: res.body.version });
    }
    const answers = await Promise.all(
      checked.map((c) =>
        clerk.post<{ documents: { kind: string; number: string }[] }>(`/api/cases/${c.id}/accept`, {
          expectedVersion: c.version,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const answered = answers.map((a) => a.body.documents.find((d) => d.kind === "acceptance")?.number);
    const stored = await t.ctx.database.db
      .select({ caseId: caseDocuments.caseId, number: caseDocuments.number })
      .from(caseDocuments)
      .where(inArray(caseDocuments.caseId, ids));
    const acceptance = stored.filter((d) => /受〔\d{4}〕\d+号$/.test(d.number));
    expect(acceptance).toHaveLength(20);
    expect(answered.sort()).toEqual(acceptance.map((d) => d.number).sort());
    const serials = acceptance.map((d) => Number(/〕(\d+)号$/.exec(d.number)?.[1])).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => serials[0] + i));
  });
});
