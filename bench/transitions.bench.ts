/**
 * Case transitions through the HTTP API on PostgreSQL, against pgbench on the same server in the same
 * run (issue 5). 50 concurrent clients, each on its own case: `acceptCase` (accept + review tasks +
 * notice + outbox + assign), then `completeReviewTask`. Prints TPS, p50/p99 and the ratio to
 * pgbench's TPC-B-like TPS (pgbench -i -s 10; pgbench -c 8 -j 2 -T 20). Target: ≥ 0.40 of pgbench,
 * p99 ≤ 50 ms. Run: `npx tsx bench/transitions.bench.ts` (PGURL or DATABASE_URL names the server;
 * default postgres://postgres@127.0.0.1:5432/postgres; BENCH_CASES sets the number of cases per run).
 * BENCH_WORKERS lists the server shapes to measure, each on its own BENCH_CASES fresh cases (default
 * `1,2`: one process, then `yizhan start --workers 2`); the server CPU figure sums the primary and its
 * workers (100% = one core). BENCH_RETURN=full drops `Prefer: return=minimal`, so each command answers
 * the full case (what the web asks for).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { LocalDiskStorage } from "../src/adapters/storage/storage";
import { hasRole } from "../src/app/actor";
import { loadActor } from "../src/app/auth/loadActor";
import { checkMaterials, createApplication, submitApplication } from "../src/app/cases/intake/intake";
import { type AppContext, defaultConfig } from "../src/app/context";
import { seedDemo } from "../src/app/seed/demo";
import { openDatabase } from "../src/db/client";
import { caseMaterials, users } from "../src/db/schema";
import { systemClock } from "../src/shared/clock";

const base = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.BENCH_CASES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** BENCH_RETURN=full: the commands answer the full case (no `Prefer: return=minimal`). */
const FULL = process.env.BENCH_RETURN === "full";
const WORKERS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map((w) => {
  const n = Number(w.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_WORKERS: not a worker count: ${w}`);
  return n;
});

const withDb = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(sql: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(sql);
  await c.end();
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function pgbench(): number {
  const db = `yz_pgbench_${Date.now()}`;
  execFileSync("psql", [base, "-qc", `CREATE DATABASE ${db}`]);
  try {
    execFileSync("pgbench", ["-i", "-s", "10", "-q", withDb(db)], { stdio: "ignore" });
    const out = execFileSync("pgbench", ["-c", "8", "-j", "2", "-T", "20", withDb(db)], { encoding: "utf8" });
    const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    if (!m) throw new Error(`cannot read pgbench output:\n${out}`);
    return Number(m[1]);
  } finally {
    execFileSync("psql", [base, "-qc", `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`]);
  }
}

async function login(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo1234" }),
  });
  const body = (await res.json()) as { user: { csrfToken: string } };
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrf: body.user.csrfToken };
}

/** Runs `jobs` with `CONCURRENCY` workers; returns per-request latencies (ms) and elapsed seconds. */
async function drive(jobs: (() => Promise<Response>)[]) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        const res = await job();
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

/** The fields of `/proc/<pid>/stat` after the command name (state is [0], ppid [1], utime [11], stime [12]). */
function procStat(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
}

/**
 * CPU seconds (user + system) the server has used so far, from /proc (Linux): the process and its
 * children (the workers of `--workers N`) that are running now.
 */
function processCpuSeconds(pid: number): number {
  const cpu = (f: string[]) => (Number(f[11]) + Number(f[12])) / 100;
  let total = cpu(procStat(pid));
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = procStat(entry);
      if (Number(f[1]) === pid) total += cpu(f);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Starts `yizhan start` as its own process (the load generator must not share its event loop). */
async function startServer(
  databaseUrl: string,
  workers: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      "bin/yizhan.js",
      "start",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--log-level",
      "warn",
      ...(workers > 1 ? ["--workers", String(workers)] : []),
    ],
    {
      // An API server: background work (outbox, sweep) runs elsewhere unless BENCH_BACKGROUND=1.
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        YIZHAN_DEMO: "0",
        YIZHAN_WORKERS: undefined,
        YIZHAN_BACKGROUND: process.env.BENCH_BACKGROUND === "1" ? "1" : "0",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

type Result = { latencies: number[]; seconds: number; failures: number; serverCpu: number };

/** One server shape: starts it, accepts `caseIds` and completes their planning reviews, stops it. */
async function run(
  ctx: AppContext,
  databaseUrl: string,
  workers: number,
  caseIds: string[],
): Promise<{ accept: Result; complete: Result }> {
  const server = await startServer(databaseUrl, workers);
  try {
    const base = server.url;
    const clerkSession = await login(base, "clerk");
    const reviewerSession = await login(base, "reviewer-planning");
    const post = (sess: { cookie: string; csrf: string }, path: string, body: unknown) => () =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: sess.cookie,
          "x-csrf-token": sess.csrf,
          ...(FULL ? {} : { prefer: "return=minimal" }),
        },
        body: JSON.stringify(body),
      });
    const pid = server.pid;
    const measure = async (jobs: (() => Promise<Response>)[]) => {
      const cpu0 = processCpuSeconds(pid);
      const r = await drive(jobs);
      return { ...r, serverCpu: (processCpuSeconds(pid) - cpu0) / r.seconds };
    };
    const accept = await measure(
      caseIds.map((id) => post(clerkSession, `/api/cases/${id}/accept`, { expectedVersion: 3 })),
    );
    const tasks = await ctx.database.db.query.reviewTasks.findMany({
      where: (t, { and, inArray: inA, eq: e }) =>
        and(inA(t.caseId, caseIds), e(t.stepCode, "planning_review")),
    });
    const complete = await measure(
      tasks.map((t) =>
        post(reviewerSession, `/api/review-tasks/${t.id}/complete`, {
          expectedVersion: t.version,
          outcome: "approve",
          opinion: "符合规划条件",
        }),
      ),
    );
    return { accept, complete };
  } finally {
    await server.stop();
  }
}

async function main() {
  const dbName = `yz_bench_${Date.now()}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const database = await openDatabase({ databaseUrl: withDb(dbName), poolSize: 4 });
  await database.migrate();
  await seedDemo(database.db);
  const ctx: AppContext = {
    database,
    clock: systemClock,
    config: defaultConfig,
    storage: new LocalDiskStorage(mkdtempSync(join(tmpdir(), "yz-bench-"))),
  };
  try {
    const db = database.db;
    const ids = Object.fromEntries(
      (
        await db
          .select({ id: users.id, u: users.username })
          .from(users)
          .where(inArray(users.username, ["sanmu", "clerk"]))
      ).map((r) => [r.u, r.id]),
    );
    const sanmu = await loadActor(db, ids.sanmu);
    const clerk = await loadActor(db, ids.clerk);
    if (!sanmu || !clerk || !hasRole(clerk, "clerk")) throw new Error("demo accounts missing");
    const total = CASES * WORKERS.length;
    process.stderr.write(`Preparing ${total} submitted cases with checked materials…\n`);
    const caseIds: string[] = [];
    for (let i = 0; i < total; i++) {
      const c = await createApplication(ctx, sanmu, {
        itemCode: "construction-land-planning-permit",
        formData: {
          projectName: `基准项目${i}`,
          projectCode: "2026-340321-30-03-012345",
          location: "怀远县",
          landArea: 1000,
          landUse: "工业用地",
          contractNo: `B-${i}`,
        },
      });
      await db
        .update(caseMaterials)
        .set({ fileIds: ["00000000-0000-7000-8000-000000000000"] })
        .where(eq(caseMaterials.caseId, c.id));
      const s = await submitApplication(ctx, sanmu, c.id, c.version);
      const checks = [
        "application_form",
        "land_grant_contract",
        "planning_conditions",
        "parcel_map",
        "project_approval",
      ].map((m) => ({ materialCode: m, status: "pass" as const }));
      await checkMaterials(ctx, clerk, c.id, { expectedVersion: s.version, checks });
      caseIds.push(c.id);
      if (i % 100 === 99) process.stderr.write(`  ${i + 1}/${total}\n`);
    }
    const results = [];
    for (const [k, workers] of WORKERS.entries()) {
      process.stderr.write(`Measuring ${workers === 1 ? "one server process" : `--workers ${workers}`}…\n`);
      const r = await run(ctx, withDb(dbName), workers, caseIds.slice(k * CASES, (k + 1) * CASES));
      results.push({ workers, ...r });
    }
    process.stderr.write("Running pgbench (TPC-B-like, -c 8 -j 2 -T 20) on the same server…\n");
    const pgTps = pgbench();
    const line = (name: string, r: Result) =>
      `  ${name.padEnd(20)} ${(r.latencies.length / r.seconds).toFixed(0).padStart(6)} TPS   p50 ${pct(r.latencies, 50).toFixed(1)} ms   p99 ${pct(r.latencies, 99).toFixed(1)} ms   failures ${r.failures}   server CPU ${(r.serverCpu * 100).toFixed(0)}%`;
    const where = process.env.BENCH_BACKGROUND === "1" ? "in it" : "elsewhere";
    for (const { workers, accept, complete } of results) {
      const all = [...accept.latencies, ...complete.latencies];
      const httpTps = all.length / (accept.seconds + complete.seconds);
      const shape =
        workers === 1
          ? `server in its own process, background work ${where}`
          : `yizhan start --workers ${workers}: CPU of the primary and its workers summed, background work ${where === "in it" ? "in the primary" : where}`;
      console.log(
        `\nCase transitions via HTTP on PostgreSQL, ${CONCURRENCY} concurrent clients, ${CASES} cases (${shape})`,
      );
      console.log(line("acceptCase", accept));
      console.log(line("completeReviewTask", complete));
      console.log(
        `  ${"both".padEnd(20)} ${httpTps.toFixed(0).padStart(6)} TPS   p99 ${pct(all, 99).toFixed(1)} ms`,
      );
      console.log(`pgbench TPC-B-like (baseline, same server, same run): ${pgTps.toFixed(0)} TPS`);
      console.log(
        `ratio HTTP transitions / pgbench: ${(httpTps / pgTps).toFixed(2)}   (target ≥ 0.40, p99 ≤ 50 ms)`,
      );
    }
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

await main();
