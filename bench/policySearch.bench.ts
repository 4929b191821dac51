/**
 * Policy library search latency (issue 17): searchPolicies over 10,000 generated documents — jieba words
 * in a `simple` tsvector with a GIN index, ranked, with snippets — beside the same-run baseline of a
 * plain substring scan (`ILIKE '%word%'` over title, 文号, summary and text: what a search without the
 * index does). Prints p50 and p95 per query mix. PGlite by default; PostgreSQL with DATABASE_URL (a
 * fresh database `yizhan_bench_policy` is created and dropped).
 *
 *   npx tsx bench/policySearch.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/policySearch.bench.ts
 */
import { ilike, or, sql } from "drizzle-orm";
import pg from "pg";
import { loadSeedPolicies } from "../seed/policies/load.ts";
import type { Actor } from "../src/app/actor.ts";
import type { AppContext } from "../src/app/context.ts";
import { searchPolicies } from "../src/app/policyLibrary/search.ts";
import { policySearchVector } from "../src/app/policyLibrary/searchIndex.ts";
import { openDatabase } from "../src/db/client.ts";
import { policyDocuments } from "../src/db/schema/index.ts";
import { systemClock } from "../src/shared/clock.ts";

const N = 10_000;
const ROUNDS = 200;
const QUERIES = [
  "乡镇",
  "不动产登记",
  "设施农业用地 备案",
  "自然资规〔2019〕4号",
  "耕地保护",
  "规划许可 时限",
];

let seed = 17;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed % n;
};

const base = process.env.DATABASE_URL;
let dropDb: (() => Promise<void>) | undefined;
let url: string | undefined;
if (base) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query("drop database if exists yizhan_bench_policy");
  await admin.query("create database yizhan_bench_policy");
  await admin.end();
  const u = new URL(base);
  u.pathname = "/yizhan_bench_policy";
  url = u.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query("drop database if exists yizhan_bench_policy");
    await c.end();
  };
}
const database = await openDatabase({ databaseUrl: url, dataDir: "memory://" });
await database.migrate();
const db = database.db;

// 10,000 documents made of the seed's real titles, issuers, summaries and tags, mixed and numbered.
const seedDocs = loadSeedPolicies();
const pick = <T>(xs: T[]) => xs[rand(xs.length)] as T;
const t0 = performance.now();
for (let start = 0; start < N; start += 500) {
  const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
    const i = start + k;
    const a = pick(seedDocs);
    const b = pick(seedDocs);
    const c = pick(seedDocs);
    const doc = {
      title: `${a.title}（${2000 + (i % 27)}年第${i}次汇编）`,
      docNumber: i < seedDocs.length ? (seedDocs[i]?.docNumber ?? "") : `皖演示〔${2000 + (i % 27)}〕${i}号`,
      issuer: a.issuer,
      tags: [...a.tags, ...b.tags.slice(0, 1)],
      summary: `${a.summary}${b.summary}`,
      fullText: `${a.summary}\n${b.summary}\n${c.summary}\n${c.summary}`,
    };
    return {
      ...doc,
      level: a.level,
      status: a.status,
      issuedOn: a.issuedOn,
      effectiveOn: a.effectiveOn,
      search: policySearchVector(doc),
      createdAt: new Date(),
      updatedAt: new Date(),
    };
  });
  await db.insert(policyDocuments).values(rows);
}
await db.execute(sql`analyze policy_documents`);
console.log(
  `${database.kind}: ${N.toLocaleString()} documents indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const ctx = { database, clock: systemClock } as unknown as AppContext;
const actor: Actor = {
  userId: "00000000-0000-7000-8000-000000000000",
  username: "bench",
  displayName: "bench",
  kind: "staff",
  locale: "zh-CN",
  memberships: [{ role: "clerk", orgId: null, orgCode: null, orgName: null, orgPath: "/B/" }],
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
async function timeIt(label: string, fn: (q: string) => Promise<number>) {
  for (const q of QUERIES) await fn(q); // warm up
  const ms: number[] = [];
  let found = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const q = QUERIES[i % QUERIES.length] as string;
    const s = performance.now();
    found += await fn(q);
    ms.push(performance.now() - s);
  }
  console.log(
    `${label.padEnd(44)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   (${ROUNDS} queries, ${(found / ROUNDS).toFixed(0)} hits on average)`,
  );
}

await timeIt("searchPolicies (jieba + GIN, ranked, snippets)", async (q) => {
  const r = await searchPolicies(ctx, actor, { q, limit: 20, offset: 0 });
  return r.total;
});
await timeIt("baseline: ILIKE '%word%' scan, first 20", async (q) => {
  const words = q.split(/\s+/);
  const like = (w: string) =>
    or(
      ilike(policyDocuments.title, `%${w}%`),
      ilike(policyDocuments.docNumber, `%${w}%`),
      ilike(policyDocuments.summary, `%${w}%`),
      ilike(policyDocuments.fullText, `%${w}%`),
    );
  const rows = await db
    .select({ id: policyDocuments.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(policyDocuments)
    .where(sql.join(words.map(like), sql` and `))
    .limit(20);
  return rows[0]?.total ?? 0;
});

await database.close();
await dropDb?.();
