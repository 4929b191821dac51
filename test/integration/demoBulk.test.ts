import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../src/app/auth/loadActor";
import { calendarFor } from "../../src/app/calendar/access";
import { sealLegacyEntries } from "../../src/app/cases/commands/runner";
import { type BulkReport, generateBulk } from "../../src/app/seed/bulk";
import { figureScope, gatherFacts } from "../../src/app/supervision/facts";
import { queryRows } from "../../src/db/client";
import { COMMANDS } from "../../src/domain/cases/lifecycle";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
import { caseFactsFromEvents, comparableFacts } from "../helpers/supervisionFactsFromEvents";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

// 3,000 cases over 40 working days before the test's Tuesday across 3 bureaus: small, every path taken.
const OPTIONS = { cases: 3000, orgs: 3, days: 40, seed: 5, until: TEST_NOW };

type EventRow = {
  case_id: string;
  seq: number;
  type: string;
  /** Milliseconds since the epoch (the same on both drivers). */
  at: number;
  from_status: string | null;
  to_status: string | null;
  data: Record<string, unknown>;
};
type CaseRow = {
  id: string;
  status: string;
  org_id: string;
  handling_type: string;
  limit_days: number;
  extension_days: number;
  accepted_on: string | null;
  deadline: string | null;
  completed_at: Date | null;
  finished_on_spot: boolean;
};

let t: TestApp;
let report: BulkReport;
let before: number;
let bulkCases: CaseRow[];
let events: Map<string, EventRow[]>;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  before = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cases`))[0].n;
  // `yizhan demo bulk` opens the database as a start does (src/http/start.ts), sealing first.
  await sealLegacyEntries(db);
  report = await generateBulk(t.ctx, OPTIONS);
  bulkCases = await queryRows<CaseRow>(
    db,
    sql`select id, status, org_id, handling_type, limit_days, extension_days, accepted_on::text, deadline::text,
          completed_at, finished_on_spot
        from cases where created_at >= ${`${report.from}T00:00:00+08:00`}::timestamptz`,
  );
  const rows = await queryRows<EventRow>(
    db,
    sql`select e.case_id, e.seq, e.type, (extract(epoch from e.at) * 1000)::float8 as at, e.from_status, e.to_status, e.data from case_events e
        join cases c on c.id = e.case_id where c.created_at >= ${`${report.from}T00:00:00+08:00`}::timestamptz
        order by e.case_id, e.seq`,
  );
  events = new Map();
  for (const e of rows) events.set(e.case_id, [...(events.get(e.case_id) ?? []), e]);
}, 900_000);
afterAll(async () => t?.close());

describe("bulk history (generateBulk)", () => {
  it("fills the asked number of cases over the working days across the bureaus, most completed, the last open", () => {
    expect(report.cases - before).toBe(3000);
    expect(bulkCases.length).toBe(3000);
    expect(report.workingDays).toBe(40);
    expect(report.orgs).toBe(3);
    expect(new Set(bulkCases.map((c) => c.org_id)).size).toBe(3);
    const share = (s: string) => bulkCases.filter((c) => c.status === s).length / 3000;
    expect(share("completed")).toBeGreaterThan(0.8);
    expect(share("not_accepted")).toBeGreaterThan(0.01);
    expect(share("withdrawn")).toBeGreaterThan(0.005);
    expect(share("in_review") + share("submitted") + share("correction_requested")).toBeGreaterThan(0.005);
    expect(report.events).toBeGreaterThan(3000 * 6);
    expect(report.ratings).toBeGreaterThan(3000 * 0.3);
    expect(report.alertsByRule.clock_red ?? 0).toBeGreaterThan(0);
  });

  it("gives every case a valid lifecycle: contiguous events in time order, each move allowed by the state machine", () => {
    const allowed = new Map<string, readonly string[]>(Object.values(COMMANDS).map((c) => [c.event, c.from]));
    for (const c of bulkCases) {
      const mine = events.get(c.id) ?? [];
      expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => i + 1));
      expect(mine[0]).toMatchObject({ type: "case.created", from_status: null, to_status: "draft" });
      let status = "draft";
      for (const [i, e] of mine.entries()) {
        if (i > 0) expect(Number(e.at) >= Number(mine[i - 1].at), `${c.id} ${e.type}`).toBe(true);
        expect(Number(e.at) < TEST_NOW.getTime()).toBe(true);
        if (i === 0 || !e.to_status) continue;
        expect(e.from_status, `${c.id} seq ${e.seq} ${e.type}`).toBe(status);
        if (e.type !== "case.materials_checked") expect(allowed.get(e.type), e.type).toContain(status);
        status = e.to_status;
      }
      expect(status, c.id).toBe(c.status);
    }
  });

  it("sets working-day deadlines from the calendar and counts the late ones from the events", async () => {
    const cal = await calendarFor(t.ctx, bulkCases[0].org_id);
    let late = 0;
    for (const c of bulkCases.filter((x) => x.accepted_on)) {
      expect(c.deadline).toBe(cal.addWorkingDays(c.accepted_on as string, c.limit_days + c.extension_days));
      const accepted = (events.get(c.id) ?? []).find((e) => e.type === "case.accepted");
      expect(accepted?.data.acceptedOn).toBe(c.accepted_on);
      if (c.handling_type === "immediate") expect(c.finished_on_spot).toBe(true);
      const done = (events.get(c.id) ?? []).find(
        (e) => e.type === "case.issued" || e.type === "case.completed",
      );
      if (done) {
        const day = new Date(Number(done.at) + 8 * 3_600_000).toISOString().slice(0, 10);
        if (day > (c.deadline as string)) late++;
      }
    }
    const completed = bulkCases.filter((c) => c.status === "completed" && c.accepted_on).length;
    // About 6 % of promised cases are decided past the deadline.
    expect(late / completed).toBeGreaterThan(0.02);
    expect(late / completed).toBeLessThan(0.12);
  });

  it("sets each case's event count, so the runner numbers a later event after the bulk ones", async () => {
    const [row] = await queryRows<{ wrong: number; cases: number }>(
      t.ctx.database.db,
      sql`select count(*) filter (where c.event_seq <> e.n)::int as wrong, count(*)::int as cases
          from cases c join (select case_id, max(seq) n from case_events group by 1) e on e.case_id = c.id
          where c.created_at >= ${`${report.from}T00:00:00+08:00`}::timestamptz`,
    );
    expect(row.cases).toBe(bulkCases.length);
    expect(row.wrong).toBe(0);
  });

  it("keeps its events outside the transparency log at the next start, with no special case for a bulk database", async () => {
    const db = t.ctx.database.db;
    const unsealed = sql`select count(*)::int as n from case_events where salt is null`;
    const [{ n }] = await queryRows<{ n: number }>(db, unsealed);
    expect(n).toBeGreaterThan(bulkCases.length);
    // What the start-up step does on this database: nothing, because the start before the fill had left
    // nothing to seal (meta.legacy_sealed), not because it knows the bulk history (its key set aside here).
    const [bulk] = await queryRows<{ value: unknown }>(
      db,
      sql`select value from meta where key = 'demo_bulk'`,
    );
    await db.execute(sql`delete from meta where key = 'demo_bulk'`);
    try {
      expect(await sealLegacyEntries(db)).toBe(0);
    } finally {
      await db.execute(
        sql`insert into meta (key, value) values ('demo_bulk', ${JSON.stringify(bulk.value)}::jsonb)`,
      );
    }
    expect((await queryRows<{ n: number }>(db, unsealed))[0].n).toBe(n);
  });

  it("keeps review tasks, ratings and alerts consistent with the cases' events", async () => {
    const db = t.ctx.database.db;
    const [tasks] = await queryRows<{ bad: number; approved: number; recommended: number }>(
      db,
      sql`select
            (select count(*)::int from review_tasks r join cases c on c.id = r.case_id
              where c.accepted_on is null or c.handling_type = 'immediate') as bad,
            (select count(*)::int from review_tasks where status = 'approved') as approved,
            (select count(*)::int from case_events where type = 'review.recommended') as recommended`,
    );
    expect(tasks.bad).toBe(0);
    expect(tasks.approved).toBe(tasks.recommended);
    const [ratings] = await queryRows<{ orphan: number; unmatched: number }>(
      db,
      sql`select
            (select count(*)::int from evaluations v join cases c on c.id = v.case_id where c.status <> 'completed') as orphan,
            (select count(*)::int from evaluations v where not exists (select 1 from case_events e
              where e.case_id = v.case_id and e.type = 'evaluation.submitted' and e.data->>'evaluationId' = v.id::text)) as unmatched`,
    );
    expect(ratings).toEqual({ orphan: 0, unmatched: 0 });
    // A red clock alert only on a case decided past its deadline or still undecided after it.
    const [red] = await queryRows<{ wrong: number; open_wrong: number }>(
      db,
      sql`select
            count(*) filter (where c.completed_at is not null and (c.completed_at + interval '8 hours')::date <= c.deadline)::int as wrong,
            count(*) filter (where a.resolved_at is null and c.status not in ('accepted', 'in_review'))::int as open_wrong
          from supervision_alerts a join cases c on c.id = a.case_id where a.rule = 'clock_red'`,
    );
    expect(red).toEqual({ wrong: 0, open_wrong: 0 });
  });

  it("feeds the supervisor's dashboard: the completed cases of a month are those whose events say so", async () => {
    const db = t.ctx.database.db;
    const month = "2026-11";
    const sup = await t.as("supervisor-b02");
    const res = await sup.get<{ overall: { completed: number; accepted: number } }>(
      `/api/supervision/dashboard?from=${month}&to=${month}`,
    );
    expect(res.status).toBe(200);
    const [fromEvents] = await queryRows<{ completed: number; accepted: number }>(
      db,
      sql`select
            count(distinct e.case_id) filter (where e.type in ('case.issued', 'case.completed'))::int as completed,
            count(distinct e.case_id) filter (where e.type = 'case.accepted')::int as accepted
          from case_events e join cases c on c.id = e.case_id join organizations o on o.id = c.org_id
          where o.code = 'B02-ZRZY' and to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`,
    );
    expect(fromEvents.completed).toBeGreaterThan(100);
    expect(res.body.overall.completed).toBe(fromEvents.completed);
    expect(res.body.overall.accepted).toBe(fromEvents.accepted);
  });

  it("fills each bulk case's fact row (case_facts) as the runner keeps it: the same facts as from the events", async () => {
    const db = t.ctx.database.db;
    const [u] = await queryRows<{ id: string }>(
      db,
      sql`select id from users where username = 'supervisor-b02'`,
    );
    const actor = await loadActor(db, u.id);
    if (!actor) throw new Error("supervisor-b02");
    const scope = await figureScope(t.ctx, actor);
    const kept = (await gatherFacts(t.ctx, scope, "2026-10", { numbers: true })).cases;
    const recounted = await caseFactsFromEvents(t.ctx, scope, "2026-10");
    expect(kept.length).toBeGreaterThan(100);
    expect(comparableFacts(kept)).toEqual(comparableFacts(recounted));
  });

  it("keeps the summary of counted ratings equal to a count of the ratings, also when an appeal is upheld", async () => {
    const db = t.ctx.database.db;
    const compare = async () => ({
      summary: await queryRows(
        db,
        sql`select month, org_id, item_code, item_name, level, n from evaluation_month_counts where n <> 0
            order by 1, 2, 3, 4, 5`,
      ),
      recount: await queryRows(
        db,
        sql`select month, org_id, item_code, item_name, level, count(*)::int as n from evaluations
            where appeal_status <> 'upheld' group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
      ),
    });
    const first = await compare();
    expect(first.summary.length).toBeGreaterThan(20);
    expect(first.summary).toEqual(first.recount);
    const pub = async () =>
      (
        await t
          .client()
          .get<{ overall: { ratings: number } }>("/api/public/satisfaction?from=2026-01&to=2026-11")
      ).body.overall.ratings;
    const before = await pub();
    // An appeal of a bad rating of bureau 2, upheld by its supervisor through the API: it stops counting.
    const [bad] = await queryRows<{ id: string }>(
      db,
      sql`select v.id from evaluations v join organizations o on o.id = v.org_id
          where o.code = 'B02-ZRZY' and v.level in ('dissatisfied', 'very_dissatisfied') and v.month = '2026-11'
          order by v.submitted_at desc limit 1`,
    );
    const clerk = await t.as("clerk-b02");
    const appeal = await clerk.post(`/api/evaluations/${bad.id}/appeal`, {
      reason: "申请人反映的问题与事实不符",
    });
    expect(appeal.status, appeal.text).toBe(200);
    const sup = await t.as("supervisor-b02");
    const decided = await sup.post(`/api/evaluations/${bad.id}/appeal-decision`, {
      decision: "uphold",
      reason: "经核实，评价所述情况不属实",
    });
    expect(decided.status, decided.text).toBe(200);
    const after = await compare();
    expect(after.summary).toEqual(after.recount);
    expect(after.summary).not.toEqual(first.summary);
    expect(await pub()).toBe(before - 1);
  });

  it("records itself once: a second run is refused", async () => {
    await expect(generateBulk(t.ctx, OPTIONS)).rejects.toMatchObject({ code: "bulk_exists", status: 409 });
  });
});

describe("yizhan demo bulk", () => {
  it("prints progress on a non-terminal stderr and a summary", async () => {
    const db = await cliDatabase();
    try {
      const res = await runCliInProcess(
        ["demo", "bulk", "--cases", "400", "--orgs", "2", "--days", "10", "--seed", "2"],
        db.env,
      );
      expect(res.stderr).toMatch(/Generating bulk history: 100% \(1\/1\)/);
      expect(res.stdout).toMatch(/Bulk history generated: .* 10 working days, 2 bureaus/);
      expect(res.stdout).toMatch(/cases +\d+ \(completed \d+/);
      expect(res.code).toBe(0);
      const bad = await runCliInProcess(["demo", "bulk", "--cases", "0"], db.env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--cases: a whole number/);
    } finally {
      await db.drop();
    }
  }, 900_000);
});
