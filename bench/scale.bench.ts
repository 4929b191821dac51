/**
 * At scale (issue 19 part 3): a bulk history of 1,000,000 cases over 3 years across 20 county bureaus
 * (`yizhan demo bulk`, src/app/seed/bulk.ts) on PostgreSQL, then p50/p95 of every dashboard and
 * scorecard (target p95 ≤ 200 ms) and every list and search page (target p95 ≤ 100 ms) through HTTP as
 * the people who open them, beside the same requests on a small database of the same shape (10,000
 * cases) and a trivial request (`GET /api/auth/me`), all in the same run.
 *
 *   npm run bench scale                      # generates yizhan_scale (drops it first): minutes
 *   BENCH_REUSE=1 npm run bench scale        # reuses yizhan_scale (and yizhan_scale_small) when filled
 *   BENCH_CASES=200000 npm run bench scale   # another size (the small one is BENCH_CASES / 100)
 *
 * PGURL or DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * BENCH_DB_NAME and BENCH_SMALL_DB_NAME the two databases (default yizhan_scale, yizhan_scale_small).
 * BENCH_ONLY (comma-separated parts of request names, e.g. `workbench,search`) measures those alone.
 * BENCH_SAMPLES (default 20) requests a query after 2 warm-ups, at most BENCH_SECONDS (default 20) each.
 * BENCH_DROP=1 drops both databases at the end.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { BULK_META_KEY, generateBulk, VACUUMED_AFTER_BULK } from "../src/app/seed/bulk";
import { queryRows } from "../src/db/client";
import { meta } from "../src/db/schema";
import { buildServer } from "../src/http/server";
import { closeYizhan, openYizhan } from "../src/http/start";

const base = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const REUSE = process.env.BENCH_REUSE === "1";
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BIG_DB = process.env.BENCH_DB_NAME ?? "yizhan_scale";
const SMALL_DB = process.env.BENCH_SMALL_DB_NAME ?? "yizhan_scale_small";

const withDb = (name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(text: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

type Target = { name: string; kind: "dashboard" | "list"; user: string | null; path: string };

/** Opens (creating and filling, unless reused) a database with `cases` bulk cases; serves it over HTTP. */
async function prepare(name: string, cases: number) {
  const exists = (await admin(`select 1 from pg_database where datname = '${name}'`)).length > 0;
  let generated: number | null = null;
  if (!REUSE || !exists) {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  }
  const ctx = await openYizhan({ databaseUrl: withDb(name), demo: true, env: {}, poolSize: 20 });
  const [done] = await ctx.database.db.select().from(meta).where(eq(meta.key, BULK_META_KEY));
  if (!done) {
    const t0 = performance.now();
    let last = -1;
    const r = await generateBulk(ctx, {
      cases,
      orgs: 20,
      years: 3,
      onProgress: (d, t, label) => {
        const pctDone = Math.floor((d / t) * 10);
        if (pctDone !== last) process.stderr.write(`  ${name}: ${d}/${t} batches ${label}\n`);
        last = pctDone;
      },
    });
    generated = (performance.now() - t0) / 1000;
    const cpu = await backendCpuSeconds(name);
    console.log(
      `${name}: CPU of its PostgreSQL backends ${cpu.toFixed(1)} s, of this process ${(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1)} s; ` +
        `load average during the run ${loadavg()[1].toFixed(1)} (5 min) on ${cpus().length} cores`,
    );
    console.log(
      `${name}: generated ${r.cases} cases, ${r.events} events, ${r.reviewTasks} review tasks, ${r.ratings} ratings, ` +
        `${Object.values(r.alertsByRule).reduce((a, b) => a + b, 0)} alerts in ${generated.toFixed(1)} s ` +
        `(${Math.round(r.cases / generated)} cases/s)`,
    );
  } else {
    // A reused database filled before `demo bulk` vacuumed, or after migrations that rewrote its tables:
    // vacuum what autovacuum has not yet reached, as it would on a live database, before measuring.
    const never = await queryRows<{ t: string }>(
      ctx.database.db,
      sql`select relname as t from pg_stat_user_tables where relname in ${VACUUMED_AFTER_BULK}
        and coalesce(last_vacuum, last_autovacuum) is null`,
    );
    for (const { t } of never) {
      const t0 = performance.now();
      await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${t}`));
      console.log(
        `${name}: vacuum ${t} (never vacuumed yet): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
  }
  const app = await buildServer(ctx, { logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { ctx, app, url, generated };
}

/** CPU seconds (user + system) of the PostgreSQL backends connected to a database, from /proc (Linux). */
async function backendCpuSeconds(name: string): Promise<number> {
  const pids = await admin(`select pid from pg_stat_activity where datname = '${name}'`);
  let total = 0;
  for (const { pid } of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
      total += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return total;
}

const sessions = new Map<string, string>();
async function cookieFor(url: string, username: string) {
  const key = `${url} ${username}`;
  const have = sessions.get(key);
  if (have) return have;
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo1234" }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  sessions.set(key, cookie);
  return cookie;
}

/** p50/p95 (ms) of a request, after 2 warm-ups; SAMPLES requests or SECONDS, whichever ends first. */
async function measure(url: string, t: Target) {
  const headers: Record<string, string> = t.user ? { cookie: await cookieFor(url, t.user) } : {};
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${url}${t.path}`, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200)
      throw new Error(`${t.name}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    return { ms: performance.now() - t0, bytes: body.byteLength };
  };
  await once();
  await once();
  const xs: number[] = [];
  let bytes = 0;
  const until = performance.now() + SECONDS * 1000;
  while (xs.length < SAMPLES && (xs.length < 3 || performance.now() < until)) {
    const r = await once();
    xs.push(r.ms);
    bytes = r.bytes;
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length, bytes };
}

/** Realistic parameters, read from the database: a case of bureau 2, its title word, an applicant. */
async function targets(ctx: Awaited<ReturnType<typeof prepare>>["ctx"]): Promise<Target[]> {
  const db = ctx.database.db;
  const [c] = await queryRows<{
    id: string;
    number: string;
    query_code: string;
    title: string;
    name: string;
  }>(
    db,
    sql`select c.id, c.number, c.query_code, c.title, c.applicant->>'name' as name from cases c
        join organizations o on o.id = c.org_id
        where o.code = 'B02-ZRZY' and c.title <> '' order by c.created_at desc offset 20 limit 1`,
  );
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const [y, m] = month.split("-").map(Number);
  const yearAgo = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, "0")}`;
  const word = encodeURIComponent(c.title.slice(0, 4));
  const sup = "supervisor-b02";
  return [
    {
      name: "supervision dashboard, this month",
      kind: "dashboard",
      user: sup,
      path: "/api/supervision/dashboard",
    },
    {
      name: "supervision dashboard, 12 months",
      kind: "dashboard",
      user: sup,
      path: `/api/supervision/dashboard?from=${yearAgo}&to=${month}`,
    },
    {
      name: "supervision drill-down (completed)",
      kind: "dashboard",
      user: sup,
      path: `/api/supervision/cases?figure=completed&from=${month}&to=${month}`,
    },
    { name: "scorecards, last month", kind: "dashboard", user: sup, path: "/api/supervision/scorecards" },
    { name: "alerts desk (open)", kind: "dashboard", user: sup, path: "/api/alerts?status=open" },
    { name: "ratings of the month", kind: "dashboard", user: sup, path: `/api/evaluations?month=${month}` },
    { name: "rectifications (open)", kind: "dashboard", user: sup, path: "/api/rectifications?status=open" },
    { name: "public satisfaction", kind: "dashboard", user: null, path: "/api/public/satisfaction" },
    { name: "workbench: today", kind: "list", user: "clerk-b02", path: "/api/cases?queue=today" },
    { name: "workbench: in progress", kind: "list", user: "clerk-b02", path: "/api/cases?queue=in_progress" },
    { name: "workbench: queue counts", kind: "list", user: "clerk-b02", path: "/api/cases/counts" },
    { name: "case search: title word", kind: "list", user: "clerk-b02", path: `/api/cases?q=${word}` },
    {
      name: "case search: applicant",
      kind: "list",
      user: "clerk-b02",
      path: `/api/cases?applicant=${encodeURIComponent(c.name)}`,
    },
    { name: "case by number", kind: "list", user: "clerk-b02", path: `/api/case-numbers/${c.number}` },
    { name: "case detail", kind: "list", user: "clerk-b02", path: `/api/cases/${c.id}` },
    { name: "case timeline", kind: "list", user: "clerk-b02", path: `/api/cases/${c.id}/timeline` },
    { name: "reviewer inbox", kind: "list", user: "reviewer-planning-b02", path: "/api/review-tasks" },
    {
      name: "reviewer inbox counts",
      kind: "list",
      user: "reviewer-planning-b02",
      path: "/api/review-tasks/counts",
    },
    { name: "audit log", kind: "list", user: sup, path: "/api/admin/audit-entries" },
    {
      name: "policy search",
      kind: "list",
      user: "clerk-b02",
      path: `/api/policy-documents/search?q=${encodeURIComponent("不动产登记")}`,
    },
    {
      name: "public progress lookup",
      kind: "list",
      user: null,
      path: `/api/public/progress?number=${c.number}&queryCode=${c.query_code}`,
    },
    { name: "trivial: GET /api/auth/me", kind: "list", user: "clerk-b02", path: "/api/auth/me" },
  ];
}

const load = (await admin("select pg_catalog.version() as v"))[0].v as string;
console.log(
  `PostgreSQL: ${load.split(",")[0]}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const small = await prepare(SMALL_DB, Math.max(1000, Math.round(CASES / 100)));
const big = await prepare(BIG_DB, CASES);
if (big.generated !== null)
  console.log(`generation: ${big.generated.toFixed(1)} s for ${CASES} cases (target < 600 s)`);
const [{ n: bigCases }] = await queryRows<{ n: number }>(
  big.ctx.database.db,
  sql`select count(*)::int as n from cases`,
);
const [{ n: smallCases }] = await queryRows<{ n: number }>(
  small.ctx.database.db,
  sql`select count(*)::int as n from cases`,
);

const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const chosen = (xs: Target[]) => xs.filter((t) => only.length === 0 || only.some((o) => t.name.includes(o)));
const list = chosen(await targets(big.ctx));
const smallList = chosen(await targets(small.ctx));
console.log(
  `\n${"request".padEnd(38)} ${"target".padStart(6)}  ${`${smallCases} cases p50/p95`.padStart(22)}  ${`${bigCases} cases p50/p95`.padStart(24)}  ratio p95  verdict`,
);
let missed = 0;
for (const [i, t] of list.entries()) {
  const s = await measure(small.url, smallList[i]);
  const b = await measure(big.url, t);
  const target = t.kind === "dashboard" ? 200 : 100;
  const ok = b.p95 <= target;
  if (!ok) missed++;
  console.log(
    `${t.name.padEnd(38)} ${`${target}`.padStart(6)}  ${`${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms`.padStart(22)}  ${`${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} ms`.padStart(24)}  ${(b.p95 / s.p95).toFixed(1).padStart(8)}×  ${ok ? "ok" : "MISSED"} (${b.n} samples, ${Math.round(b.bytes / 1024)} KiB)`,
  );
}
console.log(`\n${list.length - missed} of ${list.length} requests within target`);
console.log(
  `load average at the end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${cpus().length} cores`,
);
await big.app.close();
await small.app.close();
await closeYizhan(big.ctx);
await closeYizhan(small.ctx);
if (process.env.BENCH_DROP === "1") {
  await admin(`drop database if exists ${BIG_DB} with (force)`);
  await admin(`drop database if exists ${SMALL_DB} with (force)`);
}
