/**
 * Bulk history (issue 19 part 3): up to millions of cases over years across many county bureaus, with
 * their events, review tasks, rating invitations, ratings, rectifications and supervision alerts, made
 * by set-based SQL (INSERT … SELECT over generate_series, in batches of about 20,000 cases) rather than
 * through the commands as the demo history does (src/app/seed/history.ts, ADR 0013): that one costs
 * ≈ 0.35 s of CPU a case, this one a few hundred microseconds. The lifecycles follow the state machine's
 * transitions (docs/performance.md §3 lists the shapes) with working-day deadlines from the bureau's
 * calendar, so the figures counted from the events are those of a real office. For load and query
 * measurements (bench/scale.bench.ts); once per database (`meta.demo_bulk`).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { meta, organizations } from "../../db/schema";
import { dayToIso, isoToDay } from "../../domain/calendar/isoDate";
import { YizhanError } from "../../domain/errors";
import { calendarFor, localDates } from "../calendar/access";
import type { AppContext } from "../context";
import {
  BULK_MODEL_ORG,
  dropWorkTables,
  ensureBulkOrgs,
  writeApplicants,
  writeDays,
  writeItemTables,
  writeOrgTables,
} from "./bulkSetup";
import { type BatchParams, BULK_FUNCTIONS, DROP_FUNCTIONS, insertSql, planSql } from "./bulkSql";
import { isDemoSeeded, type Progress } from "./demo";
import { prng } from "./historyForms";

/** The `meta` key of the bulk history. */
/** Tables `demo bulk` vacuums at the end (their visibility map; bench/scale.bench.ts vacuums them too when reused). */
export const VACUUMED_AFTER_BULK = ["cases", "case_events", "review_tasks", "case_facts"];

export const BULK_META_KEY = "demo_bulk";

export type BulkOptions = {
  /** Cases over the whole span (default 1,000,000). */
  cases?: number;
  /** County bureaus: the demo bureau and copies of its tree (default 20). */
  orgs?: number;
  /** Years of history before today (default 3). */
  years?: number;
  /** Working days instead of years (small runs, tests). */
  days?: number;
  /** Applicants registered (default cases / 20, at least 50, at most 50,000). */
  applicants?: number;
  /** The seed of every draw (default 1). */
  seed?: number;
  /** The last simulated working day is the one before this instant's local date (default: now). */
  until?: Date;
  /** Cases a batch (default 20,000). */
  batchCases?: number;
  onProgress?: Progress;
  /** Told the milliseconds of every statement of the batches (the first words of the statement as its name). */
  onStatement?: (name: string, ms: number) => void;
  /** Leaves the `bulk_*` work tables and the last batch's plan in place (to EXPLAIN a batch's SQL). */
  keepWorkTables?: boolean;
};

export type BulkReport = {
  from: string;
  to: string;
  workingDays: number;
  orgs: number;
  applicants: number;
  cases: number;
  byStatus: Record<string, number>;
  events: number;
  reviewTasks: number;
  invitations: number;
  ratings: number;
  rectifications: number;
  alertsByRule: Record<string, number>;
  batches: number;
  /** Whether foreign-key triggers were off during the inserts (superuser: session_replication_role). */
  triggersOff: boolean;
  seconds: number;
};

export const bulkExists = () =>
  new YizhanError("bulk_exists", 409, {
    "zh-CN": "本数据库已生成过批量历史数据；如需重新生成，请使用新的数据库",
    "en-US": "This database already has a bulk history; use a fresh database to generate another",
  });

const noDemo = () =>
  new YizhanError("demo_not_loaded", 409, {
    "zh-CN": "尚未加载演示数据：请先运行 yizhan seed --demo",
    "en-US": "The demo bureau is not loaded: run `yizhan seed --demo` first",
  });

const rowsOf = async <T>(db: Db, text: string): Promise<T[]> =>
  ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;

/**
 * Generates the bulk history. Refuses (409 `bulk_exists`) a second run on the same database and (409
 * `demo_not_loaded`) a database without the demo bureau. Cases are spread evenly over the working
 * days; the bureaus' shares differ a little (the first ones are busier).
 */
export async function generateBulk(ctx: AppContext, options: BulkOptions = {}): Promise<BulkReport> {
  const started = Date.now();
  const db = ctx.database.db;
  const total = options.cases ?? 1_000_000;
  const orgCount = options.orgs ?? 20;
  const seed = options.seed ?? 1;
  const progress = options.onProgress ?? (() => {});
  const [existing] = await db.select().from(meta).where(eq(meta.key, BULK_META_KEY));
  if (existing) throw bulkExists();
  if (!(await isDemoSeeded(db))) throw noDemo();
  const [bureau] = await db.select().from(organizations).where(eq(organizations.code, BULK_MODEL_ORG));
  if (!bureau) throw noDemo();

  const cal = await calendarFor(ctx, bureau.id);
  const today = localDates(cal, options.until ?? ctx.clock.now()).today;
  const to = dayToIso(isoToDay(today) - 1);
  let from: string;
  if (options.days) {
    let d = cal.dayOf(to);
    for (let n = cal.isWorkingDayN(d) ? 1 : 0; n < options.days || !cal.isWorkingDayN(d); )
      if (cal.isWorkingDayN(--d)) n++;
    from = dayToIso(d);
  } else from = `${Number(today.slice(0, 4)) - (options.years ?? 3)}${today.slice(4)}`;

  await db.insert(meta).values({ key: BULK_META_KEY, value: { state: "running", cases: total, seed } });
  await dropWorkTables(db);
  for (const f of BULK_FUNCTIONS) await db.execute(sql.raw(f));
  const rnd = prng(seed);
  const { last, days } = await writeDays(db, cal, from, to, 120);
  const roots = await ensureBulkOrgs(db, orgCount);
  await writeOrgTables(db, roots);
  await writeItemTables(db, rnd, today);
  const applicants = options.applicants ?? Math.min(50_000, Math.max(50, Math.round(total / 20)));
  await writeApplicants(db, rnd, applicants, String(seed));

  const [su] = await rowsOf<{ su: boolean }>(
    db,
    "select rolsuper as su from pg_roles where rolname = current_user",
  );
  const triggersOff = su?.su === true;
  const span = last + 1;
  const batchDays = Math.max(1, Math.floor(((options.batchCases ?? 20_000) * span) / Math.max(1, total)));
  const batches = Math.ceil(span / batchDays);
  // PostgreSQL: two batches at a time on two connections (one core each); PGlite has one connection.
  const workers = ctx.database.kind === "postgresql" ? 2 : 1;
  let next = 0;
  let done = 0;
  const work = async (w: number) => {
    for (let b = next++; b < batches; b = next++) {
      const p: BatchParams = {
        n0: 0,
        span,
        total,
        b0: b * batchDays,
        b1: Math.min(span, (b + 1) * batchDays),
        last,
        orgs: roots.length,
        applicants,
        seed: (((seed * 7919 + b * 104_729) % 20_000) / 10_000 - 1) * 0.999,
      };
      const own = (s: string) =>
        w === 0 ? s : s.replaceAll("bulk_plan", `bulk_plan${w}`).replaceAll("bulk_tasks", `bulk_tasks${w}`);
      await db.transaction(async (tx) => {
        // The rows are consistent by construction: foreign-key triggers off for speed where allowed.
        if (triggersOff) await tx.execute(sql.raw("set local session_replication_role = replica"));
        await tx.execute(sql.raw("set local synchronous_commit = off"));
        // The numbering and the events' order sort a batch's wide rows: in memory, not on disk.
        await tx.execute(sql.raw("set local work_mem = '256MB'"));
        for (const s of [...planSql(p), ...insertSql(p)]) {
          const t0 = performance.now();
          await tx.execute(sql.raw(own(s)));
          options.onStatement?.(s.trim().split(/\s+/).slice(0, 3).join(" "), performance.now() - t0);
        }
      });
      progress(++done, batches, days[p.b1 - 1]);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => work(w)));
  if (!options.keepWorkTables) {
    await dropWorkTables(db);
    for (const f of DROP_FUNCTIONS) await db.execute(sql.raw(f));
  }
  for (const t of [
    "cases",
    "case_events",
    "review_tasks",
    "evaluation_invitations",
    "evaluations",
    "rectifications",
    "supervision_alerts",
    "case_facts",
    "users",
  ])
    await db.execute(sql.raw(`analyze ${t}`));
  // The visibility map, as autovacuum keeps it on a live database, so the supervisor's span of case facts
  // (ADR 0017e) and the queue counts (docs/performance.md §3, lesson 5) are read index-only.
  for (const t of VACUUMED_AFTER_BULK) await db.execute(sql.raw(`vacuum ${t}`));

  const report = await bulkReport(db, {
    from,
    to,
    workingDays: span,
    orgs: roots.length,
    applicants,
    batches,
    triggersOff,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  });
  await db
    .update(meta)
    .set({ value: { state: "done", seed, ...report, byStatus: undefined, alertsByRule: undefined } })
    .where(eq(meta.key, BULK_META_KEY));
  return report;
}

async function bulkReport(
  db: Db,
  r: Pick<
    BulkReport,
    "from" | "to" | "workingDays" | "orgs" | "applicants" | "batches" | "triggersOff" | "seconds"
  >,
): Promise<BulkReport> {
  const count = async (table: string) =>
    Number((await rowsOf<{ n: number }>(db, `select count(*)::int as n from ${table}`))[0].n);
  const byStatus = Object.fromEntries(
    (
      await rowsOf<{ s: string; n: number }>(
        db,
        "select status as s, count(*)::int as n from cases group by 1",
      )
    ).map((x) => [x.s, Number(x.n)]),
  );
  const alertsByRule = Object.fromEntries(
    (
      await rowsOf<{ s: string; n: number }>(
        db,
        "select rule as s, count(*)::int as n from supervision_alerts group by 1",
      )
    ).map((x) => [x.s, Number(x.n)]),
  );
  return {
    ...r,
    cases: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    events: await count("case_events"),
    reviewTasks: await count("review_tasks"),
    invitations: await count("evaluation_invitations"),
    ratings: await count("evaluations"),
    rectifications: await count("rectifications"),
    alertsByRule,
  };
}
