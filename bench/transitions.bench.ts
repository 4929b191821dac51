/**
 * Case transitions through the HTTP API on PostgreSQL, against pgbench on the same server in the same
 * run (issue 5). 50 concurrent clients, each on its own case: `acceptCase` (accept + review tasks +
 * notice + outbox + assign), then `completeReviewTask`. Prints TPS, p50/p99 and the ratio to
 * pgbench's TPC-B-like TPS (pgbench -i -s 10; pgbench -c 8 -j 2 -T 20). Target: ≥ 0.40 of pgbench,
 * p99 ≤ 50 ms. Run: `npx tsx bench/transitions.bench.ts` (PGURL or DATABASE_URL names the server;
 * default postgres://postgres@127.0.0.1:5432/postgres; BENCH_CASES sets the number of cases).
 */
import { execFileSync } from "node:child_process";
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { hasRole } from "../src/app/actor";
import { loadActor } from "../src/app/auth/loadActor";
import { checkMaterials, createApplication, submitApplication } from "../src/app/cases/intake";
import { caseMaterials, users } from "../src/db/schema";
import { startYizhan } from "../src/http/start";

const base = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.BENCH_CASES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

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
  const cpu0 = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - started) / 1000;
  return { latencies, seconds, failures, nodeCpu: (cpu.user + cpu.system) / 1e6 / seconds };
}

async function main() {
  const dbName = `yz_bench_${Date.now()}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const yz = await startYizhan({
    databaseUrl: withDb(dbName),
    demo: true,
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    config: { loginRateLimitPerMinute: 1_000_000 },
  });
  try {
    const db = yz.ctx.database.db;
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
    process.stderr.write(`Preparing ${CASES} submitted cases with checked materials…\n`);
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = await createApplication(yz.ctx, sanmu, {
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
      const s = await submitApplication(yz.ctx, sanmu, c.id, c.version);
      const checks = [
        "application_form",
        "land_grant_contract",
        "planning_conditions",
        "parcel_map",
        "project_approval",
      ].map((m) => ({ materialCode: m, status: "pass" as const }));
      await checkMaterials(yz.ctx, clerk, c.id, { expectedVersion: s.version, checks });
      caseIds.push(c.id);
      if (i % 100 === 99) process.stderr.write(`  ${i + 1}/${CASES}\n`);
    }
    const clerkSession = await login(yz.url, "clerk");
    const reviewerSession = await login(yz.url, "reviewer-planning");
    const post = (s: { cookie: string; csrf: string }, path: string, body: unknown) => () =>
      fetch(`${yz.url}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: s.cookie,
          "x-csrf-token": s.csrf,
          prefer: "return=minimal",
        },
        body: JSON.stringify(body),
      });

    const accept = await drive(
      caseIds.map((id) => post(clerkSession, `/api/cases/${id}/accept`, { expectedVersion: 3 })),
    );
    const tasks = await yz.ctx.database.db.query.reviewTasks.findMany({
      where: (t, { and, inArray: inA, eq: e }) =>
        and(inA(t.caseId, caseIds), e(t.stepCode, "planning_review")),
    });
    const complete = await drive(
      tasks.map((t) =>
        post(reviewerSession, `/api/review-tasks/${t.id}/complete`, {
          expectedVersion: t.version,
          outcome: "approve",
          opinion: "符合规划条件",
        }),
      ),
    );
    const all = [...accept.latencies, ...complete.latencies];
    const httpTps = all.length / (accept.seconds + complete.seconds);
    process.stderr.write("Running pgbench (TPC-B-like, -c 8 -j 2 -T 20) on the same server…\n");
    const pgTps = pgbench();
    const line = (
      name: string,
      r: { latencies: number[]; seconds: number; failures: number; nodeCpu: number },
    ) =>
      `  ${name.padEnd(20)} ${(r.latencies.length / r.seconds).toFixed(0).padStart(6)} TPS   p50 ${pct(r.latencies, 50).toFixed(1)} ms   p99 ${pct(r.latencies, 99).toFixed(1)} ms   failures ${r.failures}   Node CPU ${(r.nodeCpu * 100).toFixed(0)}%`;
    console.log(
      `\nCase transitions via HTTP on PostgreSQL, ${CONCURRENCY} concurrent clients, ${CASES} cases`,
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
  } finally {
    await yz.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

await main();
