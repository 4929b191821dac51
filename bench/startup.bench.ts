/**
 * Start and memory (issue 19 part 5): seconds from `node bin/yizhan.js start --demo` to healthy
 * (`GET /healthz` answers 200), on a fresh data directory / database and on an existing one, and the
 * resident memory (VmRSS) of each server process idle and under a transitions load (acceptCase then
 * completeReviewTask, BENCH_CONCURRENCY clients on different cases, as bench/transitions.bench.ts):
 * PGlite (the embedded default, one process) and PostgreSQL with one process and with `--workers 2`
 * (RSS of the primary and of each worker). Baseline in the same run: a bare Fastify hello-world started
 * the same way (plain node, and through tsx as bin/yizhan.js runs), its time to healthy and its RSS.
 *
 * Time to healthy is measured from the spawn to the first 200 of /healthz (polled every 25 ms on a port
 * chosen beforehand). `--demo` fills a demo history in the background once healthy (ADR 0013): the idle
 * figures are taken once it is done (or after BENCH_HISTORY_WAIT s, default 240, which is printed).
 *
 *   npm run bench startup     (PGURL or DATABASE_URL names the PostgreSQL server; BENCH_CASES: cases of
 *                              the load per shape, default 300; BENCH_PARTS=pglite,pg to choose)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { loadPiiKeyring, setPiiKeyring } from "../src/adapters/pii/keyring";
import { LocalDiskStorage } from "../src/adapters/storage/storage";
import { loadActor } from "../src/app/auth/loadActor";
import { checkMaterials, createApplication, submitApplication } from "../src/app/cases/intake/intake";
import { type AppContext, defaultConfig } from "../src/app/context";
import { openDatabase } from "../src/db/client";
import { caseMaterials, reviewTasks, users } from "../src/db/schema";
import { systemClock } from "../src/shared/clock";
import {
  adminSql,
  childPids,
  login,
  median,
  pct,
  processCpuSeconds,
  rssBytes,
  runClients,
  type Session,
  withDb,
} from "./support/processes";

const CASES = Number(process.env.BENCH_CASES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const HISTORY_WAIT_S = Number(process.env.BENCH_HISTORY_WAIT ?? 240);
const PARTS = (process.env.BENCH_PARTS ?? "pglite,pg").split(",");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

type Started = {
  pid: number;
  child: ChildProcess;
  url: string;
  /** Wall seconds from the spawn to healthy. */
  seconds: number;
  /** CPU seconds (user + system) the server's processes used to get there: what the machine's load does not change. */
  cpu: number;
  stop(): Promise<void>;
};

/** Spawns `node args…` listening on a chosen port; resolves at the first 200 of `healthPath`. */
async function startTimed(
  args: string[],
  env: NodeJS.ProcessEnv,
  healthPath: string,
  port: number,
): Promise<Started> {
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    out += b.toString();
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`server exited before it was healthy:\n${out.slice(-2000)}`);
    try {
      const res = await fetch(`${url}${healthPath}`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 600_000) throw new Error("not healthy after 10 minutes");
    await sleep(25);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = processCpuSeconds(child.pid as number);
  return {
    pid: child.pid as number,
    child,
    url,
    seconds,
    cpu,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** `yizhan start --demo` on a chosen port, with its data, keys and files in `dataDir`. */
function startYizhan(dataDir: string, databaseUrl: string | undefined, workers: number, port: number) {
  return startTimed(
    [
      "bin/yizhan.js",
      "start",
      "--demo",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--log-level",
      "warn",
      ...(workers > 1 ? ["--workers", String(workers)] : []),
    ],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PGURL: undefined,
      YIZHAN_DATA_DIR: dataDir,
      YIZHAN_KEYS_DIR: join(dataDir, "keys"),
      YIZHAN_FILES_DIR: join(dataDir, "files"),
      YIZHAN_WORKERS: undefined,
      YIZHAN_DEMO: undefined,
    },
    "/healthz",
    port,
  );
}

const HELLO = `import Fastify from "fastify";
const app = Fastify({ logger: false });
app.get("/healthz", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));`;

/** The bare Fastify hello-world, plain node or through tsx (as bin/yizhan.js runs the sources). */
async function startHello(viaTsx: boolean): Promise<Started> {
  const port = await freePort();
  return startTimed(
    [...(viaTsx ? ["--import", "tsx"] : []), "--input-type=module", "-e", HELLO],
    { ...process.env, PORT: String(port) },
    "/healthz",
    port,
  );
}

/** The processes of a server: the primary, then its workers. */
function serverPids(pid: number): number[] {
  return [pid, ...childPids(pid)];
}

/** Median RSS of each process of the server over `ms`. */
async function idleRss(pid: number, ms = 3000): Promise<number[]> {
  const pids = serverPids(pid);
  const samples = pids.map(() => [] as number[]);
  const end = performance.now() + ms;
  while (performance.now() < end) {
    pids.forEach((p, i) => {
      samples[i].push(rssBytes(p));
    });
    await sleep(200);
  }
  return samples.map(median);
}

/** Waits until the demo history generated after the start is done; returns how long it was waited. */
async function waitForHistory(url: string): Promise<{ state: string; seconds: number }> {
  const t0 = performance.now();
  let state = "none";
  while ((performance.now() - t0) / 1000 < HISTORY_WAIT_S) {
    const res = await fetch(`${url}/api/demo/history`);
    if (res.ok) state = ((await res.json()) as { state: string }).state;
    if (state !== "running" && state !== "pending") break;
    await sleep(1000);
  }
  return { state, seconds: (performance.now() - t0) / 1000 };
}

/** Submitted cases with checked materials, ready for the window to accept (as bench/transitions). */
async function prepareCases(ctx: AppContext, n: number): Promise<string[]> {
  const db = ctx.database.db;
  const rows = await db
    .select({ id: users.id, u: users.username })
    .from(users)
    .where(inArray(users.username, ["sanmu", "clerk"]));
  const ids = Object.fromEntries(rows.map((r) => [r.u, r.id]));
  const sanmu = await loadActor(db, ids.sanmu);
  const clerk = await loadActor(db, ids.clerk);
  if (!sanmu || !clerk) throw new Error("demo accounts missing");
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await createApplication(ctx, sanmu, {
      itemCode: "construction-land-planning-permit",
      formData: {
        projectName: `内存基准项目${i}`,
        projectCode: "2026-340321-30-03-012345",
        location: "怀远县",
        landArea: 1000,
        landUse: "工业用地",
        contractNo: `M-${i}`,
      },
    });
    await db
      .update(caseMaterials)
      .set({ fileIds: ["00000000-0000-7000-8000-000000000000"] })
      .where(eq(caseMaterials.caseId, c.id));
    const s = await submitApplication(ctx, sanmu, c.id, c.version);
    await checkMaterials(ctx, clerk, c.id, {
      expectedVersion: s.version,
      checks: [
        "application_form",
        "land_grant_contract",
        "planning_conditions",
        "parcel_map",
        "project_approval",
      ].map((m) => ({ materialCode: m, status: "pass" as const })),
    });
    out.push(c.id);
  }
  return out;
}

/** Opens the database the way the bench prepares it (the server must not be running on a PGlite dir). */
async function withContext<T>(
  where: { dataDir?: string; databaseUrl?: string },
  keysDir: string,
  f: (ctx: AppContext) => Promise<T>,
) {
  // The server's keyring: the personal data it encrypted is read, and what is written here is encrypted.
  setPiiKeyring(loadPiiKeyring(keysDir, {}));
  const database = await openDatabase({ ...where, poolSize: 4 });
  const storageDir = mkdtempSync(join(tmpdir(), "yz-bench-startup-"));
  try {
    return await f({
      database,
      clock: systemClock,
      config: defaultConfig,
      storage: new LocalDiskStorage(storageDir),
    });
  } finally {
    await database.close();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

type LoadResult = { tps: number; p99: number; failures: number; peak: number[] };

/** Accepts `caseIds` then completes their planning reviews; samples each process's RSS meanwhile. */
async function transitionsLoad(
  server: Started,
  caseIds: string[],
  taskIdsOf: () => Promise<{ id: string; version: number }[]>,
): Promise<LoadResult> {
  const base = server.url;
  const clerk = await login(base, "clerk");
  const reviewer = await login(base, "reviewer-planning");
  const pids = serverPids(server.pid);
  const peak = pids.map(() => 0);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      pids.forEach((p, i) => {
        try {
          peak[i] = Math.max(peak[i], rssBytes(p));
        } catch {
          // ended
        }
      });
      await sleep(100);
    }
  })();
  const post = (s: Session, path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: s.cookie,
        "x-csrf-token": s.csrf,
        prefer: "return=minimal",
      },
      body: JSON.stringify(body),
    });
  const latencies: number[] = [];
  let failures = 0;
  const one = async (req: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await req();
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (res.status !== 200) failures++;
  };
  let seconds = await runClients(caseIds.length, CONCURRENCY, (i) =>
    one(() => post(clerk, `/api/cases/${caseIds[i]}/accept`, { expectedVersion: 3 })),
  );
  const tasks = await taskIdsOf();
  seconds += await runClients(tasks.length, CONCURRENCY, (i) =>
    one(() =>
      post(reviewer, `/api/review-tasks/${tasks[i].id}/complete`, {
        expectedVersion: tasks[i].version,
        outcome: "approve",
        opinion: "符合规划条件",
      }),
    ),
  );
  sampling = false;
  await sampler;
  return { tps: latencies.length / seconds, p99: pct(latencies, 99), failures, peak };
}

function planningTasks(databaseUrl: string, keysDir: string, caseIds: string[]) {
  return withContext({ databaseUrl }, keysDir, (ctx) =>
    ctx.database.db
      .select({ id: reviewTasks.id, version: reviewTasks.version })
      .from(reviewTasks)
      .where(and(inArray(reviewTasks.caseId, caseIds), eq(reviewTasks.stepCode, "planning_review"))),
  );
}

const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  process.stderr.write(`${s}\n`);
};
const procs = (xs: number[]) =>
  xs.length === 1
    ? mb(xs[0])
    : `${xs.map((x, i) => `${i === 0 ? "primary" : `worker ${i}`} ${mb(x)}`).join(", ")}`;

async function baseline() {
  for (const viaTsx of [false, true]) {
    const times: number[] = [];
    const cpus: number[] = [];
    let rss: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await startHello(viaTsx);
      times.push(s.seconds);
      cpus.push(s.cpu);
      if (i === 2) rss = await idleRss(s.pid, 1500);
      await s.stop();
    }
    say(
      `  baseline: Fastify hello-world${viaTsx ? " via tsx" : ""}: healthy in ${median(times).toFixed(2)} s, ${median(cpus).toFixed(2)} CPU-s (medians of 3), idle RSS ${mb(rss[0])}`,
    );
  }
}

async function pglite() {
  const dir = mkdtempSync(join(tmpdir(), "yz-bench-startup-pglite-"));
  try {
    let s = await startYizhan(dir, undefined, 1, await freePort());
    say(
      `  PGlite, fresh data dir:     healthy in ${s.seconds.toFixed(2)} s, ${s.cpu.toFixed(2)} CPU-s (migrate + demo seed)`,
    );
    const h = await waitForHistory(s.url);
    say(`    demo history after the start: ${h.state} after ${h.seconds.toFixed(0)} s more`);
    say(`    idle RSS after it: ${procs(await idleRss(s.pid))}`);
    await s.stop();
    const times: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 2; i++) {
      s = await startYizhan(dir, undefined, 1, await freePort());
      times.push(s.seconds);
      cpus.push(s.cpu);
      if (i === 0) await s.stop();
    }
    say(
      `  PGlite, existing data dir:  healthy in ${median(times).toFixed(2)} s, ${median(cpus).toFixed(2)} CPU-s (medians of 2)`,
    );
    say(`    idle RSS: ${procs(await idleRss(s.pid))}`);
    await s.stop();
    const where = { dataDir: join(dir) };
    const caseIds = await withContext(where, join(dir, "keys"), (ctx) => prepareCases(ctx, CASES));
    s = await startYizhan(dir, undefined, 1, await freePort());
    const idle = await idleRss(s.pid);
    // The PGlite directory is the server's now: the tasks are read through its API instead.
    const load = await transitionsLoad(s, caseIds, async () => {
      const reviewer = await login(s.url, "reviewer-planning");
      const tasks: { id: string; version: number }[] = [];
      for (const id of caseIds) {
        const res = await fetch(`${s.url}/api/cases/${id}`, { headers: { cookie: reviewer.cookie } });
        const c = (await res.json()) as { reviewTasks?: { id: string; stepCode: string; version: number }[] };
        const t = c.reviewTasks?.find((x) => x.stepCode === "planning_review");
        if (t) tasks.push({ id: t.id, version: t.version });
      }
      return tasks;
    });
    say(
      `    under load (${CONCURRENCY} clients, ${CASES} accepts + ${CASES} review completions, ${load.tps.toFixed(0)} TPS, p99 ${load.p99.toFixed(0)} ms, failures ${load.failures}): peak RSS ${procs(load.peak)} (idle just before: ${procs(idle)})`,
    );
    await s.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres() {
  const dbName = `yz_startup_${Date.now()}`;
  await adminSql(`CREATE DATABASE ${dbName}`);
  const url = withDb(dbName);
  const dir = mkdtempSync(join(tmpdir(), "yz-bench-startup-pg-"));
  mkdirSync(join(dir, "keys"), { recursive: true });
  try {
    let s = await startYizhan(dir, url, 1, await freePort());
    say(
      `  PostgreSQL, fresh database:    healthy in ${s.seconds.toFixed(2)} s, ${s.cpu.toFixed(2)} CPU-s (migrate + demo seed)`,
    );
    const h = await waitForHistory(s.url);
    say(`    demo history after the start: ${h.state} after ${h.seconds.toFixed(0)} s more`);
    await s.stop();
    for (const workers of [1, 2]) {
      const times: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < 2; i++) {
        s = await startYizhan(dir, url, workers, await freePort());
        times.push(s.seconds);
        cpus.push(s.cpu);
        if (i === 0) await s.stop();
      }
      const shape = workers === 1 ? "one process" : `--workers ${workers}`;
      say(
        `  PostgreSQL, existing database, ${shape}: healthy in ${median(times).toFixed(2)} s, ${median(cpus).toFixed(2)} CPU-s (medians of 2)`,
      );
      await sleep(1000);
      const idle = await idleRss(s.pid);
      say(`    idle RSS: ${procs(idle)}`);
      const caseIds = await withContext({ databaseUrl: url }, join(dir, "keys"), (ctx) =>
        prepareCases(ctx, CASES),
      );
      const load = await transitionsLoad(s, caseIds, () => planningTasks(url, join(dir, "keys"), caseIds));
      say(
        `    under load (${CONCURRENCY} clients, ${CASES} accepts + ${CASES} review completions, ${load.tps.toFixed(0)} TPS, p99 ${load.p99.toFixed(0)} ms, failures ${load.failures}): peak RSS ${procs(load.peak)}`,
      );
      await s.stop();
    }
  } finally {
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  say(
    `Start and memory, node ${process.version}, \`node bin/yizhan.js start --demo\` to the first 200 of /healthz`,
  );
  await baseline();
  if (PARTS.includes("pglite")) await pglite();
  if (PARTS.includes("pg")) await postgres();
  console.log(lines.join("\n"));
}

await main();
