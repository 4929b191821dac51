/**
 * Complete cases per second through the HTTP API on PostgreSQL, submission to completion with two
 * parallel reviews (issue 19 part 2), beside bpmn-engine running the same parallel-review process with
 * its state in the same PostgreSQL server, in the same run and at the same concurrency.
 *
 * Yizhan: the 建设用地规划许可证核发 item (review steps 规划条件审查 ∥ 用地审查). Each of BENCH_CONCURRENCY
 * clients (default 50) takes a prepared draft with its materials and walks it to the end, as the
 * applicant, the window, two departments and the approver would: submit → material checks → accept
 * (opens the two review tasks) → both departments approve at the same time → decide → issue (the signed
 * certificate) = 7 commands, each answered with the full case (what the web asks for). BENCH_RETURN=minimal
 * asks every command but the acceptance for `Prefer: return=minimal` (a client that needs only the
 * version; the acceptance's answer names the review tasks the departments complete), BENCH_RETURN=both
 * measures both ways in the same run (twice the drafts). BENCH_BASELINE_DIR: another checkout's server
 * measured in the same run, on drafts of its own.
 * bpmn-engine 25 (bench/support/bpmnServer.ts, its own process like Yizhan's server): start an instance
 * (runs to the two waiting user tasks) → both tasks signalled at the same time → join → end = 3 requests,
 * each recovering the engine from the JSON state saved in PostgreSQL and saving it again.
 *
 * Prints cases/s and instances/s, per-case and per-step latencies, server CPU, and the ratio
 * (targets: ≥ 100 cases/s; ≥ 4× bpmn-engine). Checks at the end that every case counted is `completed`
 * in the database and every instance is completed.
 *
 *   npm run bench lifecycle          (PGURL or DATABASE_URL names the server, default 127.0.0.1:5432)
 *   BENCH_CASES=400 BENCH_CONCURRENCY=50 BENCH_WORKERS=1 npx tsx bench/lifecycle.bench.ts
 *   BENCH_CASES=200 BENCH_RETURN=both BENCH_BASELINE_DIR=/path/to/other/checkout npx tsx bench/lifecycle.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { LocalDiskStorage } from "../src/adapters/storage/storage";
import { loadActor } from "../src/app/auth/loadActor";
import { createApplication } from "../src/app/cases/intake/intake";
import { type AppContext, defaultConfig } from "../src/app/context";
import { seedDemo } from "../src/app/seed/demo";
import { openDatabase } from "../src/db/client";
import { caseMaterials, cases, users } from "../src/db/schema";
import { systemClock } from "../src/shared/clock";
import { BPMN_TABLE_SQL } from "./support/bpmnServer";
import {
  adminSql,
  login,
  pct,
  processCpuSeconds,
  runClients,
  type Session,
  spawnServer,
  startYizhanProcess,
  withDb,
} from "./support/processes";

const CASES = Number(process.env.BENCH_CASES ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const RETURN = process.env.BENCH_RETURN ?? "full";
if (!["full", "minimal", "both"].includes(RETURN))
  throw new Error(`BENCH_RETURN: full, minimal or both, not ${RETURN}`);
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
/** What is measured: the answers asked for, and the checkout whose server answers. */
type Shape = { minimal: boolean; dir: string; baseline: boolean };
// One keyring and one data directory for every server of the run, whatever its checkout.
const RUN_DIR = mkdtempSync(join(tmpdir(), "yz-bench-lifecycle-run-"));
process.env.YIZHAN_KEYS_DIR = join(RUN_DIR, "keys");
process.env.YIZHAN_DATA_DIR = join(RUN_DIR, "data");
const ITEM = "construction-land-planning-permit";
const MATERIALS = [
  "application_form",
  "land_grant_contract",
  "planning_conditions",
  "parcel_map",
  "project_approval",
];

type CaseAnswer = {
  id: string;
  status: string;
  version: number;
  reviewTasks?: { id: string; orgCode: string; version: number }[];
};

/** Per-run figures: whole-case latencies (ms), per-step latencies, failures, elapsed s, server CPU. */
type Run = {
  done: number;
  failures: string[];
  seconds: number;
  perCase: number[];
  steps: Map<string, number[]>;
  serverCpu: number;
};

function newRun(): Run {
  return { done: 0, failures: [], seconds: 0, perCase: [], steps: new Map(), serverCpu: 0 };
}

/** Times one request of `step` in `run`; throws on an unexpected status (the case counts as failed). */
async function timed<T>(run: Run, step: string, status: number, req: () => Promise<Response>): Promise<T> {
  const t0 = performance.now();
  const res = await req();
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!run.steps.has(step)) run.steps.set(step, []);
  run.steps.get(step)?.push(ms);
  if (res.status !== status) throw new Error(`${step}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function prepareDrafts(ctx: AppContext): Promise<{ id: string; version: number }[]> {
  const db = ctx.database.db;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, "sanmu"));
  const sanmu = await loadActor(db, row.id);
  if (!sanmu) throw new Error("demo applicant sanmu missing");
  const drafts: { id: string; version: number }[] = [];
  await runClients(CASES, 4, async (i) => {
    const c = await createApplication(ctx, sanmu, {
      itemCode: ITEM,
      formData: {
        projectName: `生命周期基准项目${i}`,
        projectCode: "2026-340321-30-03-012345",
        location: "怀远县经济开发区",
        landArea: 1000 + i,
        landUse: "工业用地",
        supplyMethod: "出让",
        contractNo: `怀土出〔2026〕B${i}号`,
      },
    });
    // The uploads are not what is measured: every material points at one stored file.
    await db
      .update(caseMaterials)
      .set({ fileIds: ["00000000-0000-7000-8000-000000000000"] })
      .where(eq(caseMaterials.caseId, c.id));
    drafts.push({ id: c.id, version: c.version });
    if (drafts.length % 100 === 0) process.stderr.write(`  ${drafts.length}/${CASES}\n`);
  });
  return drafts;
}

/** Walks every draft from submission to completion through Yizhan's HTTP API. */
async function runYizhan(
  databaseUrl: string,
  drafts: { id: string; version: number }[],
  shape: Shape,
): Promise<Run> {
  const server = await startYizhanProcess(databaseUrl, WORKERS, shape.dir);
  const run = newRun();
  try {
    const base = server.url;
    const [applicant, clerk, planning, land, approver] = await Promise.all(
      ["sanmu", "clerk", "reviewer-planning", "reviewer-land", "approver"].map((u) => login(base, u)),
    );
    const post =
      (s: Session, path: string, body: unknown, answer: "full" | "asked" = "asked") =>
      () =>
        fetch(`${base}${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie: s.cookie,
            "x-csrf-token": s.csrf,
            ...(shape.minimal && answer === "asked" ? { prefer: "return=minimal" } : {}),
          },
          body: JSON.stringify(body),
        });
    const cpu0 = processCpuSeconds(server.pid);
    const loadFrom = (performance.now() - server.spawnedAt) / 1000;
    run.seconds = await runClients(drafts.length, CONCURRENCY, async (i) => {
      const d = drafts[i];
      const t0 = performance.now();
      try {
        let c = await timed<CaseAnswer>(
          run,
          "submit",
          200,
          post(applicant, `/api/cases/${d.id}/submit`, { expectedVersion: d.version }),
        );
        c = await timed<CaseAnswer>(
          run,
          "material-checks",
          200,
          post(clerk, `/api/cases/${d.id}/material-checks`, {
            expectedVersion: c.version,
            checks: MATERIALS.map((m) => ({ materialCode: m, status: "pass" })),
          }),
        );
        c = await timed<CaseAnswer>(
          run,
          "accept",
          200,
          // The departments learn their tasks from the acceptance's answer: always the whole case.
          post(clerk, `/api/cases/${d.id}/accept`, { expectedVersion: c.version }, "full"),
        );
        const task = (org: string) => {
          const t = c.reviewTasks?.find((x) => x.orgCode === org);
          if (!t) throw new Error(`accept: no review task for ${org}`);
          return t;
        };
        const reviews = await Promise.all(
          [
            [planning, task("HY-ZRZY-GH"), "符合规划条件"] as const,
            [land, task("HY-ZRZY-LY"), "用地符合"] as const,
          ].map(([who, t, opinion]) =>
            timed<CaseAnswer>(
              run,
              "review (×2 in parallel)",
              200,
              post(who, `/api/review-tasks/${t.id}/complete`, {
                expectedVersion: t.version,
                outcome: "approve",
                opinion,
              }),
            ),
          ),
        );
        c = await timed<CaseAnswer>(
          run,
          "decide",
          200,
          post(approver, `/api/cases/${d.id}/decide`, {
            expectedVersion: Math.max(...reviews.map((r) => r.version)),
            outcome: "approve",
            reasons: "符合法定条件和标准",
          }),
        );
        c = await timed<CaseAnswer>(
          run,
          "issue",
          200,
          post(clerk, `/api/cases/${d.id}/issue`, { expectedVersion: c.version }),
        );
        if (c.status !== "completed") throw new Error(`issue: status ${c.status}`);
        run.done++;
        run.perCase.push(performance.now() - t0);
      } catch (e) {
        run.failures.push((e as Error).message);
      }
    });
    run.serverCpu = (processCpuSeconds(server.pid) - cpu0) / run.seconds;
    if (process.env.BENCH_SERVER_PROFILE)
      process.stderr.write(
        `Profile: the load ran from ${loadFrom.toFixed(1)} s to ${(loadFrom + run.seconds).toFixed(1)} s after the server was spawned (bench/support/profileSummary.ts FILE 25 ${loadFrom.toFixed(0)} ${(loadFrom + run.seconds).toFixed(0)})\n`,
      );
  } finally {
    await server.stop();
  }
  return run;
}

/** The same parallel-review process in bpmn-engine, persisted in `databaseUrl`. */
async function runBpmn(databaseUrl: string, count: number): Promise<Run> {
  const server = await spawnServer(["--import", "tsx", "bench/support/bpmnServer.ts"], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  const run = newRun();
  try {
    const base = server.url;
    const post = (path: string) => () => fetch(`${base}${path}`, { method: "POST" });
    // Warm-up (JIT) outside the measurement, as Yizhan's server has served its logins.
    for (let i = 0; i < 5; i++) await (await post("/instances")()).arrayBuffer();
    const cpu0 = processCpuSeconds(server.pid);
    run.seconds = await runClients(count, CONCURRENCY, async () => {
      const t0 = performance.now();
      try {
        const inst = await timed<{ id: string; waiting: string[] }>(run, "start", 201, post("/instances"));
        const ends = await Promise.all(
          ["planning", "land"].map((task) =>
            timed<{ state: string }>(
              run,
              "task (×2 in parallel)",
              200,
              post(`/instances/${inst.id}/tasks/${task}/complete`),
            ),
          ),
        );
        if (!ends.some((e) => e.state === "completed")) throw new Error("instance not completed");
        run.done++;
        run.perCase.push(performance.now() - t0);
      } catch (e) {
        run.failures.push((e as Error).message);
      }
    });
    run.serverCpu = (processCpuSeconds(server.pid) - cpu0) / run.seconds;
  } finally {
    await server.stop();
  }
  return run;
}

function report(name: string, unit: string, r: Run): number {
  const rate = r.done / r.seconds;
  console.log(
    `  ${name.padEnd(24)} ${rate.toFixed(1).padStart(7)} ${unit}/s   ${r.done} in ${r.seconds.toFixed(1)} s   per ${unit.replace(/s$/, "")}: p50 ${pct(r.perCase, 50).toFixed(0)} ms, p99 ${pct(r.perCase, 99).toFixed(0)} ms   failures ${r.failures.length}   server CPU ${(r.serverCpu * 100).toFixed(0)}% (${((r.serverCpu * r.seconds * 1000) / Math.max(1, r.done)).toFixed(1)} ms per ${unit.replace(/s$/, "")})`,
  );
  for (const [step, xs] of r.steps)
    console.log(
      `      ${step.padEnd(24)} ${String(xs.length).padStart(5)} requests   p50 ${pct(xs, 50).toFixed(1)} ms   p99 ${pct(xs, 99).toFixed(1)} ms`,
    );
  for (const f of [...new Set(r.failures)].slice(0, 5)) console.log(`      failure: ${f}`);
  return rate;
}

async function main() {
  const dbName = `yz_lifecycle_${Date.now()}`;
  await adminSql(`CREATE DATABASE ${dbName}`);
  const url = withDb(dbName);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const storageDir = mkdtempSync(join(tmpdir(), "yz-bench-lifecycle-"));
  try {
    await database.migrate();
    await seedDemo(database.db);
    const ctx: AppContext = {
      database,
      clock: systemClock,
      config: defaultConfig,
      storage: new LocalDiskStorage(storageDir),
    };
    const shapes: Shape[] = (RETURN === "both" ? [false, true] : [RETURN === "minimal"]).flatMap(
      (minimal) => [
        { minimal, dir: process.cwd(), baseline: false },
        ...(BASELINE_DIR ? [{ minimal, dir: BASELINE_DIR, baseline: true }] : []),
      ],
    );
    const runs: { shape: Shape; run: Run }[] = [];
    for (const shape of shapes) {
      process.stderr.write(`Preparing ${CASES} drafts of ${ITEM} with their materials…\n`);
      const drafts = await prepareDrafts(ctx);
      process.stderr.write(
        `Yizhan (${shapeName(shape)}): ${CASES} cases, submission to completion, ${CONCURRENCY} clients${WORKERS > 1 ? `, --workers ${WORKERS}` : ""}…\n`,
      );
      const run = await runYizhan(url, drafts, shape);
      const [{ n: completedInDb }] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(cases)
        .where(
          and(
            inArray(
              cases.id,
              drafts.map((d) => d.id),
            ),
            eq(cases.status, "completed"),
          ),
        );
      if (completedInDb !== run.done)
        throw new Error(`counted ${run.done} completed cases, the database has ${completedInDb}`);
      runs.push({ shape, run });
    }
    await database.db.execute(sql.raw(BPMN_TABLE_SQL));
    process.stderr.write(`bpmn-engine: ${CASES} instances, ${CONCURRENCY} clients…\n`);
    const bp = await runBpmn(url, CASES);
    const done = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from bpmn_instances where completed`,
    );
    const bpmnDone = Number((done as unknown as { rows: { n: number }[] }).rows[0].n);
    if (bpmnDone !== bp.done)
      throw new Error(`counted ${bp.done} completed instances, the database has ${bpmnDone}`);

    console.log(
      `\nLifecycle on PostgreSQL, ${CONCURRENCY} concurrent clients, submission to completion with two parallel reviews`,
    );
    console.log(
      `(Yizhan: 7 commands per case, ${WORKERS === 1 ? "one server process" : `--workers ${WORKERS}`}; bpmn-engine 25: 3 requests per instance, state as JSON in PostgreSQL, one process)`,
    );
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")} (2-core machine: see docs/performance.md)`,
    );
    const bpRate = report("bpmn-engine", "instances", bp);
    // Less sensitive to what else the machine runs: the server CPU each spends per case / instance.
    const cpuPer = (r: Run) => (r.serverCpu * r.seconds) / Math.max(1, r.done);
    for (const { shape, run } of runs) {
      const yzRate = report(`Yizhan ${shapeName(shape)}`, "cases", run);
      console.log(
        `      ratio cases/s ÷ bpmn-engine instances/s: ${(yzRate / bpRate).toFixed(2)}   (targets: ≥ 100 cases/s, ratio ≥ 4)`,
      );
      console.log(
        `      ratio of server CPU per instance ÷ per case (bpmn-engine ÷ Yizhan): ${(cpuPer(bp) / cpuPer(run)).toFixed(2)}; at this CPU cost one core would give Yizhan ${(1 / cpuPer(run)).toFixed(0)} cases/s, bpmn-engine ${(1 / cpuPer(bp)).toFixed(0)} instances/s`,
      );
    }
  } finally {
    await database.close();
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(storageDir, { recursive: true, force: true });
    rmSync(RUN_DIR, { recursive: true, force: true });
  }
}

/** How a measured shape is named in the report. */
function shapeName(shape: Shape): string {
  return `${shape.minimal ? "minimal answers" : "full answers"}${shape.baseline ? " BASELINE" : ""}`;
}

await main();
