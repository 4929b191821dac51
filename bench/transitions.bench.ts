/**
 * Case transitions through the HTTP API, against pgbench on the same PostgreSQL server in the same
 * run (issues 5 and 19). 50 concurrent clients, each on its own case: `acceptCase` (accept + review
 * tasks + notice + outbox + assign), then `completeReviewTask`. Prints TPS, p50/p99, the server's CPU
 * per transition and the ratio to pgbench's TPC-B-like TPS (pgbench -i -s 10; pgbench -c 8 -j 2 -T 20).
 * Target: ≥ 0.40 of pgbench, p99 ≤ 50 ms. Run: `npx tsx bench/transitions.bench.ts` (PGURL or
 * DATABASE_URL names the server; default postgres://postgres@127.0.0.1:5432/postgres; BENCH_CASES sets
 * the number of cases per run).
 * BENCH_WORKERS lists the server shapes to measure, each on its own BENCH_CASES fresh cases (default
 * `1,2`: one process, then `yizhan start --workers 2`); the server CPU figure sums the primary and its
 * workers (100% = one core). BENCH_RETURN=full drops `Prefer: return=minimal`, so each command answers
 * the full case (what the web asks for). BENCH_DB=pglite runs the server on embedded PGlite instead (one
 * process; pgbench still measures the PostgreSQL server, the machine's reference).
 * Baseline in the same run: bench/plainEndpoint.ts, a plain Fastify + Drizzle endpoint doing a
 * three-statement transaction on the same database (BENCH_PLAIN=0 skips it), with its CPU per request.
 * BENCH_POOL sets the server's PostgreSQL pool size (default: the server's own, 20). BENCH_BASELINE_DIR
 * names another checkout (with node_modules) whose server is measured after this one's, shape by
 * shape, on fresh cases of the same database: a before/after in one run. */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { LocalDiskStorage } from "../src/adapters/storage/storage";
import { hasRole } from "../src/app/actor";
import { loadActor } from "../src/app/auth/loadActor";
import { checkMaterials, createApplication, submitApplication } from "../src/app/cases/intake/intake";
import { type AppContext, defaultConfig } from "../src/app/context";
import { seedDemo } from "../src/app/seed/demo";
import { type Database, openDatabase } from "../src/db/client";
import { caseMaterials, users } from "../src/db/schema";
import { systemClock } from "../src/shared/clock";

const base = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.BENCH_CASES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** BENCH_RETURN=full: the commands answer the full case (no `Prefer: return=minimal`). */
const FULL = process.env.BENCH_RETURN === "full";
/** BENCH_DB=pglite: the server on embedded PGlite (one process), prepared in a data directory of its own. */
const PGLITE = process.env.BENCH_DB === "pglite";
const PLAIN = process.env.BENCH_PLAIN !== "0";
/** BENCH_BASELINE_DIR: another checkout of Yizhan (e.g. `git archive` of an older commit) measured in the same run. */
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;
const WORKERS = (process.env.BENCH_WORKERS ?? (PGLITE ? "1" : "1,2")).split(",").map((w) => {
  const n = Number(w.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_WORKERS: not a worker count: ${w}`);
  if (PGLITE && n > 1) throw new Error("BENCH_WORKERS: PGlite serves from one process");
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
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
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
        const body = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 200 && failures++ === 0)
          process.stderr.write(`first failure: ${res.status} ${body}\n`);
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

type Server = { url: string; pid: number; stop(): Promise<void> };

/** Spawns a server process (`args` after node's own) and waits for the `running at <url>` it prints. */
async function spawnServer(args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<Server> {
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
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

/** Starts `yizhan start` as its own process (the load generator must not share its event loop). */
function startServer(
  databaseUrl: string | null,
  dataDir: string | null,
  workers: number,
  dir: string,
): Promise<Server> {
  return spawnServer(
    [
      "bin/yizhan.js",
      "start",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--log-level",
      "warn",
      ...(dataDir ? ["--data-dir", dataDir] : []),
      ...(workers > 1 ? ["--workers", String(workers)] : []),
    ],
    // An API server: background work (outbox, sweep) runs elsewhere unless BENCH_BACKGROUND=1.
    {
      DATABASE_URL: databaseUrl ?? undefined,
      YIZHAN_DEMO: "0",
      // One keyring for every server of the run (personal data at rest, ADR 0016), whatever its checkout.
      YIZHAN_KEYS_DIR: KEYS_DIR,
      YIZHAN_WORKERS: undefined,
      YIZHAN_BACKGROUND: process.env.BENCH_BACKGROUND === "1" ? "1" : "0",
      ...(process.env.BENCH_POOL ? { YIZHAN_DB_POOL: process.env.BENCH_POOL } : {}),
    },
    dir,
  );
}

/**
 * The keys (signing, personal data at rest: ADR 0016) of this process, which prepares the cases, and of
 * every server of the run, whatever its checkout.
 */
const KEYS_DIR = mkdtempSync(join(tmpdir(), "yz-bench-keys-"));
process.env.YIZHAN_KEYS_DIR = KEYS_DIR;

/** A server to measure: how many workers, from which checkout (this one, or BENCH_BASELINE_DIR's). */
type Shape = { workers: number; dir: string; baseline: boolean };

type Result = { latencies: number[]; seconds: number; failures: number; serverCpu: number };

/** Server CPU per request, in ms (user + system over the measurement, over the requests answered). */
const cpuPerRequest = (r: Result) => (r.serverCpu * r.seconds * 1000) / r.latencies.length;

/** Drives `jobs` against the server `pid` and measures its CPU meanwhile. */
async function measure(pid: number, jobs: (() => Promise<Response>)[]): Promise<Result> {
  const cpu0 = processCpuSeconds(pid);
  const r = await drive(jobs);
  return { ...r, serverCpu: (processCpuSeconds(pid) - cpu0) / r.seconds };
}

/** One server shape: starts it, accepts `caseIds` and completes their planning reviews, stops it. */
async function run(
  databaseUrl: string | null,
  dataDir: string | null,
  shape: Shape,
  caseIds: string[],
): Promise<{ accept: Result; complete: Result }> {
  const server = await startServer(databaseUrl, dataDir, shape.workers, shape.dir);
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
    const accept = await measure(
      server.pid,
      caseIds.map((id) => post(clerkSession, `/api/cases/${id}/accept`, { expectedVersion: 3 })),
    );
    // The planning review of each case, read through the API (not measured; PGlite is the server's alone).
    const tasks: { id: string; version: number }[] = [];
    for (let i = 0; i < caseIds.length; i += CONCURRENCY)
      await Promise.all(
        caseIds.slice(i, i + CONCURRENCY).map(async (id) => {
          const res = await fetch(`${base}/api/cases/${id}`, { headers: { cookie: reviewerSession.cookie } });
          const c = (await res.json()) as {
            reviewTasks?: { id: string; stepCode: string; version: number }[];
          };
          const t = c.reviewTasks?.find((x) => x.stepCode === "planning_review");
          if (t) tasks.push(t);
        }),
      );
    const complete = await measure(
      server.pid,
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

/**
 * The baseline: bench/plainEndpoint.ts on the same database (an in-memory PGlite of its own with
 * BENCH_DB=pglite), `requests` three-statement transactions, each client on its own account.
 */
async function runPlain(databaseUrl: string | null, requests: number): Promise<Result> {
  const server = await spawnServer(
    ["--import", "tsx", "bench/plainEndpoint.ts", databaseUrl ?? "pglite", process.env.BENCH_POOL ?? "20"],
    {},
  );
  try {
    return await measure(
      server.pid,
      Array.from(
        { length: requests },
        (_, i) => () =>
          fetch(`${server.url}/tx/${i + 1}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ delta: 1 }),
          }),
      ),
    );
  } finally {
    await server.stop();
  }
}

/** Opens the database the cases are prepared in: a fresh PostgreSQL database, or a PGlite data dir. */
async function prepareDatabase(): Promise<{
  database: Database;
  databaseUrl: string | null;
  dataDir: string | null;
  drop(): Promise<void>;
}> {
  if (PGLITE) {
    const dataDir = mkdtempSync(join(tmpdir(), "yz-bench-pglite-"));
    const database = await openDatabase({ dataDir });
    return {
      database,
      databaseUrl: null,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const dbName = `yz_bench_${Date.now()}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const databaseUrl = withDb(dbName);
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  return {
    database,
    databaseUrl,
    dataDir: null,
    drop: () => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
  };
}

async function main() {
  const prepared = await prepareDatabase();
  const { database, databaseUrl, dataDir } = prepared;
  let open = true;
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
    // With BENCH_BASELINE_DIR, each shape is measured on this checkout and then on the baseline one.
    const shapes: Shape[] = WORKERS.flatMap((workers) => [
      { workers, dir: process.cwd(), baseline: false },
      ...(BASELINE_DIR ? [{ workers, dir: BASELINE_DIR, baseline: true }] : []),
    ]);
    const total = CASES * shapes.length;
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
    // PGlite's data directory is one process's: the server opens it now.
    if (PGLITE) {
      await database.close();
      open = false;
    }
    const results = [];
    for (const [k, shape] of shapes.entries()) {
      process.stderr.write(
        `Measuring ${shape.workers === 1 ? "one server process" : `--workers ${shape.workers}`}${shape.baseline ? " (baseline checkout)" : ""}…\n`,
      );
      const r = await run(databaseUrl, dataDir, shape, caseIds.slice(k * CASES, (k + 1) * CASES));
      results.push({ ...shape, ...r });
    }
    let plain: Result | undefined;
    if (PLAIN) {
      process.stderr.write("Measuring the plain endpoint (Fastify + Drizzle, three statements)…\n");
      plain = await runPlain(databaseUrl, 2 * CASES);
    }
    process.stderr.write("Running pgbench (TPC-B-like, -c 8 -j 2 -T 20) on the same server…\n");
    const pgTps = pgbench();
    // The machine may be shared: how busy it was is part of the figures.
    console.log(
      `\nload average (1, 5, 15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")} on ${cpus().length} CPUs`,
    );
    const line = (name: string, r: Result) =>
      `  ${name.padEnd(20)} ${(r.latencies.length / r.seconds).toFixed(0).padStart(6)} TPS   p50 ${pct(r.latencies, 50).toFixed(1)} ms   p99 ${pct(r.latencies, 99).toFixed(1)} ms   failures ${r.failures}   server CPU ${(r.serverCpu * 100).toFixed(0)}% = ${cpuPerRequest(r).toFixed(2)} ms/request`;
    const where = process.env.BENCH_BACKGROUND === "1" ? "in it" : "elsewhere";
    const engine = PGLITE ? "PGlite (embedded, in the server's process)" : "PostgreSQL";
    for (const { workers, baseline, dir, accept, complete } of results) {
      const all = [...accept.latencies, ...complete.latencies];
      const httpTps = all.length / (accept.seconds + complete.seconds);
      const cpuPerTransition =
        ((accept.serverCpu * accept.seconds + complete.serverCpu * complete.seconds) * 1000) / all.length;
      const shape =
        workers === 1
          ? `server in its own process, background work ${where}`
          : `yizhan start --workers ${workers}: CPU of the primary and its workers summed, background work ${where === "in it" ? "in the primary" : where}`;
      console.log(
        `\nCase transitions via HTTP on ${engine}, ${CONCURRENCY} concurrent clients, ${CASES} cases (${shape})${baseline ? `\n  BASELINE CHECKOUT ${dir}` : ""}`,
      );
      console.log(line("acceptCase", accept));
      console.log(line("completeReviewTask", complete));
      console.log(
        `  ${"both".padEnd(20)} ${httpTps.toFixed(0).padStart(6)} TPS   p99 ${pct(all, 99).toFixed(1)} ms   server CPU ${cpuPerTransition.toFixed(2)} ms/transition${plain ? ` = ${(cpuPerTransition / cpuPerRequest(plain)).toFixed(1)}× the plain endpoint's` : ""}`,
      );
      console.log(`pgbench TPC-B-like (baseline, PostgreSQL server, same run): ${pgTps.toFixed(0)} TPS`);
      console.log(
        `ratio HTTP transitions / pgbench: ${(httpTps / pgTps).toFixed(2)}   (target ≥ 0.40, p99 ≤ 50 ms)`,
      );
    }
    if (plain) {
      const tps = plain.latencies.length / plain.seconds;
      console.log(
        `\nPlain endpoint (baseline: Fastify + Drizzle, three-statement transaction, ${engine}, same run, ${CONCURRENCY} clients)`,
      );
      console.log(line("POST /tx/:aid", plain));
      console.log(`ratio plain endpoint / pgbench: ${(tps / pgTps).toFixed(2)}`);
    }
  } finally {
    if (open) await database.close();
    await prepared.drop();
    rmSync(KEYS_DIR, { recursive: true, force: true });
  }
}

await main();
