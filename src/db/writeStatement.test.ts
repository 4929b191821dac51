import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./schema";
import { caseDocuments, caseEvents, cases, outbox, reviewTasks, transparencyQueue } from "./schema";
import { writeStatement, writeText } from "./writeStatement";

const db = drizzle.mock({ schema });
const dialect = new PgDialect();
const at = new Date("2026-12-07T08:00:00.000Z");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Drizzle's own text and parameters of a write; ids drawn by `$defaultFn` differ from ours, so they are masked. */
function drizzleText(write: Parameters<typeof writeText>[0]) {
  return dialect.sqlToQuery(write.getSQL());
}
const masked = (params: unknown[]) =>
  params.map((p) => (typeof p === "string" && UUID.test(p) ? "<uuid>" : p));

const writes = {
  "case events (jsonb, timestamps, nulls)": db.insert(caseEvents).values([
    {
      id: "019b0000-0000-7000-8000-000000000001",
      caseId: "019b0000-0000-7000-8000-0000000000aa",
      type: "case.accepted",
      actorId: null,
      actorName: "窗口",
      actorRole: "clerk",
      at,
      ip: "127.0.0.1",
      fromStatus: "submitted",
      toStatus: "accepted",
      before: { status: "submitted" },
      after: { status: "accepted", pauses: [] },
      data: { deadline: "2026-12-20" },
      seq: 3,
      hash: "ab",
      prevHash: "cd",
      salt: "ef",
    },
    {
      id: "019b0000-0000-7000-8000-000000000002",
      caseId: "019b0000-0000-7000-8000-0000000000aa",
      type: "case.assigned",
      actorName: "窗口",
      at,
      data: {},
      seq: 4,
      hash: "12",
      prevHash: "ab",
      salt: "34",
    },
  ] as (typeof caseEvents.$inferInsert)[]),
  "outbox (ids from $defaultFn, columns left to their defaults)": db
    .insert(outbox)
    .values([
      { topic: "notify", payload: { kind: "case.accepted" }, orgId: null, createdAt: at, availableAt: at },
    ]),
  "transparency queue": db
    .insert(transparencyQueue)
    .values([{ kind: "case_event", sourceId: "019b0000-0000-7000-8000-000000000001" }]),
  "review tasks (arrays, dates as text)": db.insert(reviewTasks).values({
    id: "019b0000-0000-7000-8000-000000000003",
    caseId: "019b0000-0000-7000-8000-0000000000aa",
    stepCode: "planning",
    stepName: "规划条件审查",
    orgId: "019b0000-0000-7000-8000-0000000000bb",
    lead: true,
    mode: "parallel",
    after: [],
    limitDays: 5,
    status: "open",
    openedOn: "2026-12-07",
    dueOn: "2026-12-14",
    assigneeId: null,
    createdAt: at,
    updatedAt: at,
  } as typeof reviewTasks.$inferInsert),
  "a notice": db.insert(caseDocuments).values({
    id: "019b0000-0000-7000-8000-000000000004",
    caseId: "019b0000-0000-7000-8000-0000000000aa",
    kind: "acceptance",
    number: "pending",
    title: "受理通知书",
    issuedOn: "2026-12-07",
    data: { deferred: [] },
    createdAt: at,
  } as typeof caseDocuments.$inferInsert),
  "the case's update with the version check": db
    .update(cases)
    .set({
      status: "in_review",
      deadline: null,
      pauses: [],
      version: sql`${cases.version} + 1`,
      updatedAt: at,
    })
    .where(and(eq(cases.id, "019b0000-0000-7000-8000-0000000000aa"), eq(cases.version, 3)))
    .returning({ version: cases.version }),
  "an update of a task": db
    .update(reviewTasks)
    .set({ status: "approved", opinion: "同意", completedAt: at, version: 2 })
    .where(eq(reviewTasks.id, "019b0000-0000-7000-8000-000000000003")),
};

describe("writeStatement", () => {
  for (const [name, write] of Object.entries(writes)) {
    it(`writes ${name} as Drizzle would, without Drizzle`, () => {
      const ours = writeText(write);
      const theirs = drizzleText(write);
      expect(ours.plain).toBe(true);
      expect(ours.sql).toBe(theirs.sql);
      expect(masked(ours.params)).toEqual(masked(theirs.params));
    });
  }

  it("leaves what is not plain to Drizzle (on conflict, returning of expressions)", () => {
    const upsert = db
      .insert(transparencyQueue)
      .values({ kind: "case_event", sourceId: "019b0000-0000-7000-8000-000000000001" })
      .onConflictDoNothing();
    expect(writeText(upsert).plain).toBe(false);
    expect(writeText(upsert).sql).toBe(drizzleText(upsert).sql);
  });

  it("numbers the parameters of each write after those before it, as one statement", () => {
    const list = Object.values(writes);
    const last = list.pop() as (typeof list)[number];
    const ours = writeStatement(list, last, "select 1");
    const theirs = dialect.sqlToQuery(
      sql`with ${sql.join(
        [...list.map((w, i) => sql`${sql.raw(`w${i}`)} as ${w}`), sql`saved as ${last}`],
        sql`, `,
      )} select 1`,
    );
    expect(ours.sql).toBe(theirs.sql);
    expect(masked(ours.params)).toEqual(masked(theirs.params));
  });
});
