/**
 * The transparency log's costs (issue 18), each beside a baseline measured in the same run:
 *
 *   1. sequencer     entries integrated per second (leaf hashes, perfect-subtree nodes, a signed checkpoint
 *                    per batch) — baseline: plain INSERTs of the same event rows into a copy of the table
 *   2. proofs        inclusion-proof latency over HTTP, p50/p95 — baseline: GET /healthz, interleaved
 *   3. verify-log    full database verification of N entries (default 1,000,000; every entry recomputed
 *                    from its row, chains, tree, nodes, checkpoint) — baseline: plain SHA-256 over the same
 *                    entry bytes
 *
 * PostgreSQL (PGURL or DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) for all three;
 * PGlite for 1 and 2 and a smaller 3 (PGLITE_VERIFY entries, default 100,000; 0 skips PGlite).
 *
 *   npm run bench transparency            npx tsx bench/transparencyLog.bench.ts [entries=1000000]
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { signBytes } from "../src/adapters/signing/index.ts";
import { activeSigningKey } from "../src/app/certificates/keys.ts";
import { type AppContext, defaultConfig } from "../src/app/context.ts";
import { seedDemo } from "../src/app/seed/demo.ts";
import { caseEventEntry, entryString, leafHashOf, sealCaseEvents } from "../src/app/transparency/entries.ts";
import { logKeys } from "../src/app/transparency/read.ts";
import { checkpointNote, integrateTransparencyLog, logKeyOwner } from "../src/app/transparency/sequencer.ts";
import { CompactRange } from "../src/app/transparency/verify/compactRange.ts";
import { verifyDatabaseLog } from "../src/app/transparency/verify/databaseLog.ts";
import { type Database, openDatabase, queryRows } from "../src/db/client.ts";
import { buildServer } from "../src/http/server.ts";
import { systemClock } from "../src/shared/clock.ts";
import { LAND_PERMIT_FORM } from "../test/helpers/cases.ts";
import { TestClient } from "../test/helpers/client.ts";

const PGURL = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const VERIFY_N = Number(process.argv[2] ?? 1_000_000);
const PGLITE_VERIFY_N = Number(process.env.PGLITE_VERIFY ?? 100_000);
const SEQ_N = 20_000;
const PROOF_REQUESTS = 300;
const EVENTS_PER_CASE = 1000;

const fmt = (n: number, d = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}
function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

type Bench = { database: Database; ctx: AppContext; label: string; cleanup(): Promise<void> };

async function open(kind: "postgresql" | "pglite"): Promise<Bench> {
  const keysDir = mkdtempSync(join(tmpdir(), "yizhan-bench-keys-"));
  let database: Database;
  let dropDb = async () => {};
  if (kind === "postgresql") {
    const name = `yz_bench_tlog_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: PGURL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: withDatabaseName(PGURL, name), poolSize: 4 });
    dropDb = async () => {
      const a = new pg.Client({ connectionString: PGURL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else database = await openDatabase({});
  await database.migrate();
  await seedDemo(database.db);
  const ctx: AppContext = { database, clock: systemClock, config: { ...defaultConfig, keysDir } };
  // One case filed through the API (the demo has none): the model the benchmark's cases are cloned from.
  const app = await buildServer(ctx, { logger: false });
  await app.ready();
  const applicant = new TestClient(app);
  await applicant.login("sanmu");
  const created = await applicant.post("/api/cases", {
    itemCode: "construction-land-planning-permit",
    formData: LAND_PERMIT_FORM,
  });
  if (created.status !== 201) throw new Error(`create case: ${created.status} ${created.text}`);
  await app.close();
  // The events so far first: the log starts from them.
  while ((await integrateTransparencyLog(ctx)).integrated > 0) {}
  return {
    database,
    ctx,
    label: kind === "postgresql" ? "PostgreSQL" : "PGlite",
    async cleanup() {
      await database.close();
      await dropDb();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** `count` new cases, cloned from a demo case: the events need a case row each. */
async function cloneCases(b: Bench, count: number): Promise<string[]> {
  const tag = randomBytes(3).toString("hex");
  const rows = await queryRows<{ id: string }>(
    b.database.db,
    sql`insert into cases
        select (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
                 'id', gen_random_uuid(), 'number', c.number || ${`-B${tag}-`} || g, 'event_seq', 0, 'event_head', null))).*
          from (select * from cases order by number limit 1) c, generate_series(1, ${count}::int) g
        returning id`,
  );
  return rows.map((r) => r.id);
}

type EventRow = ReturnType<typeof sealCaseEvents>["rows"][number];

/** Sealed events (salts, chain links) for `caseIds`, `perCase` each, as the runner writes them. */
function* eventBatches(caseIds: string[], perCase: number, chunk: number): Generator<EventRow[]> {
  const at = new Date("2026-11-24T01:00:00.000Z");
  let out: EventRow[] = [];
  for (const caseId of caseIds) {
    const sealed = sealCaseEvents(
      { eventSeq: 0, eventHead: null },
      Array.from({ length: perCase }, (_, i) => ({
        id: crypto.randomUUID(),
        caseId,
        type: i === 0 ? "submit" : "note",
        actorId: null,
        actorName: "系统",
        actorRole: null,
        at: new Date(at.getTime() + i * 1000),
        ip: "10.0.0.1",
        fromStatus: null,
        toStatus: null,
        before: null,
        after: { status: "submitted", n: i },
        data: { note: `第${i}条` },
      })),
    );
    for (const r of sealed.rows) {
      out.push(r);
      if (out.length === chunk) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length) yield out;
}

/** One INSERT … SELECT FROM jsonb_to_recordset(…) of event rows into `table` (case_events or its plain copy). */
async function insertEvents(b: Bench, table: string, rows: EventRow[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      case_id: r.caseId,
      seq: r.seq,
      type: r.type,
      actor_name: r.actorName,
      at: r.at.toISOString(),
      ip: r.ip,
      after: r.after,
      data: r.data,
      salt: r.salt,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
  await b.database.db.execute(sql`insert into ${sql.raw(table)}
      (id, case_id, seq, type, actor_name, at, ip, after, data, salt, prev_hash, hash)
      select id, case_id, seq, type, actor_name, at, ip, after, data, salt, prev_hash, hash
        from jsonb_to_recordset(${json}::jsonb)
          as t(id uuid, case_id uuid, seq int, type text, actor_name text, at timestamptz, ip text, after jsonb,
               data jsonb, salt text, prev_hash text, hash text)`);
}

async function benchSequencer(b: Bench): Promise<void> {
  const cases = await cloneCases(b, SEQ_N / 200);
  const batches = [...eventBatches(cases, 200, 1000)];
  await b.database.db.execute(sql`create table bench_plain_events (like case_events including defaults)`);
  let t = performance.now();
  for (const rows of batches) await insertEvents(b, "bench_plain_events", rows);
  const plainMs = performance.now() - t;
  for (const rows of batches) {
    await insertEvents(b, "case_events", rows);
    await b.database.db.execute(
      sql`insert into transparency_queue (kind, source_id)
          select 'case_event', id from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id })))}::jsonb) as t(id uuid)`,
    );
  }
  t = performance.now();
  let integrated = 0;
  for (
    let r = await integrateTransparencyLog(b.ctx);
    r.integrated > 0;
    r = await integrateTransparencyLog(b.ctx)
  )
    integrated += r.integrated;
  const seqMs = performance.now() - t;
  const rate = (integrated / seqMs) * 1000;
  const base = (SEQ_N / plainMs) * 1000;
  console.log(
    `[${b.label}] sequencer: ${fmt(integrated)} entries integrated in ${fmt(seqMs / 1000, 2)} s = ${fmt(rate)} entries/s` +
      `  | baseline plain INSERT of the same rows: ${fmt(base)} rows/s  | ratio ${fmt(base / rate, 1)}× slower`,
  );
}

/**
 * One GET as a new client address every 50 requests (X-Forwarded-For from the trusted loopback proxy):
 * the public operations allow 60 a minute per client, and this measures latency, not the rate limit.
 */
function timedGet(url: string, i: number): Promise<{ status: number; ms: number }> {
  const client = `10.9.${Math.floor(i / 50 / 250)}.${(Math.floor(i / 50) % 250) + 1}`;
  return new Promise((resolve, reject) => {
    const t = performance.now();
    request(url, { headers: { "x-forwarded-for": client } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
    })
      .on("error", reject)
      .end();
  });
}

async function benchProofs(b: Bench): Promise<void> {
  const app = await buildServer(
    { ...b.ctx, config: { ...b.ctx.config, trustProxy: ["127.0.0.1"] } },
    { logger: false },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const latest = (await (await fetch(`${base}/api/transparency/checkpoints/latest`)).json()) as {
      treeSize: number;
    };
    const proof: number[] = [];
    const health: number[] = [];
    let refused = 0;
    const refusals = new Set<number>();
    for (let i = 0; i < PROOF_REQUESTS; i++) {
      const leaf = Math.floor(Math.random() * latest.treeSize);
      const p = await timedGet(
        `${base}/api/transparency/proofs/inclusion?leafIndex=${leaf}&treeSize=${latest.treeSize}`,
        i,
      );
      if (p.status === 200) proof.push(p.ms);
      else {
        refused++;
        refusals.add(p.status);
      }
      health.push((await timedGet(`${base}/healthz`, i)).ms);
    }
    console.log(
      `[${b.label}] inclusion proof over HTTP (tree of ${fmt(latest.treeSize)}), ${proof.length} requests: p50 ${fmt(quantile(proof, 0.5), 2)} ms, p95 ${fmt(quantile(proof, 0.95), 2)} ms` +
        `  | baseline GET /healthz: p50 ${fmt(quantile(health, 0.5), 2)} ms, p95 ${fmt(quantile(health, 0.95), 2)} ms` +
        (refused ? `  (${refused} proof requests refused: HTTP ${[...refusals].join(", ")})` : ""),
    );
  } finally {
    await app.close();
  }
}

/**
 * Writes `n` more logged entries straight into the tables (events, leaves, perfect-subtree nodes) and
 * one signed checkpoint — what the sequencer would have written, without waiting for it — and times
 * plain SHA-256 over the same entry bytes on the way (the baseline).
 */
async function generateLog(b: Bench, n: number): Promise<{ hashMs: number; bytes: number; genMs: number }> {
  const t0 = performance.now();
  const db = b.database.db;
  const start =
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from transparency_leaves`))[0]?.n ?? 0;
  // The tree so far, rebuilt to continue it.
  const tree = new CompactRange();
  for (let s = 0; s < start; s += 10_000) {
    const rows = await queryRows<{ h: string }>(
      db,
      sql`select leaf_hash as h from transparency_leaves where leaf_index >= ${s} and leaf_index < ${s + 10_000} order by leaf_index`,
    );
    for (const r of rows) tree.append(Buffer.from(r.h, "hex"));
  }
  const cases = await cloneCases(b, Math.ceil(n / EVENTS_PER_CASE));
  let hashMs = 0;
  let bytes = 0;
  let leafIndex = start;
  let written = 0;
  for (const rows of eventBatches(cases, EVENTS_PER_CASE, 5000)) {
    const batch = rows.slice(0, n - written);
    if (batch.length === 0) break;
    const entries = batch.map((r) => entryString(caseEventEntry(r)));
    const th = performance.now();
    for (const e of entries) createHash("sha256").update(e, "utf8").digest();
    hashMs += performance.now() - th;
    for (const e of entries) bytes += Buffer.byteLength(e);
    const leafHashes = entries.map(leafHashOf);
    const nodes: { level: number; index: number; hash: string }[] = [];
    for (const h of leafHashes)
      tree.append(Buffer.from(h, "hex"), (level, index, hash) =>
        nodes.push({ level, index, hash: hash.toString("hex") }),
      );
    await insertEvents(b, "case_events", batch);
    const leafJson = JSON.stringify(batch.map((r, i) => ({ i: leafIndex + i, s: r.id, h: leafHashes[i] })));
    await db.execute(sql`insert into transparency_leaves (leaf_index, kind, source_id, leaf_hash, integrated_at)
        select i, 'case_event', s, h, now() from jsonb_to_recordset(${leafJson}::jsonb) as t(i bigint, s uuid, h text)`);
    if (nodes.length)
      await db.execute(sql`insert into transparency_nodes (level, idx, hash)
          select l, i, h from jsonb_to_recordset(${JSON.stringify(nodes.map((x) => ({ l: x.level, i: x.index, h: x.hash })))}::jsonb)
            as t(l smallint, i bigint, h text)`);
    leafIndex += batch.length;
    written += batch.length;
    if (written % 100_000 < 5000) process.stderr.write(`  generated ${fmt(written)} / ${fmt(n)}\n`);
  }
  // Chain heads onto the cases, and the signed checkpoint of the whole tree.
  await db.execute(sql`update cases c set event_seq = e.seq, event_head = e.hash
      from (select distinct on (case_id) case_id, seq, hash from case_events order by case_id, seq desc) e
     where e.case_id = c.id and c.id in (select (jsonb_array_elements_text(${JSON.stringify(cases)}::jsonb))::uuid)`);
  const now = new Date();
  const key = await activeSigningKey(db, await logKeyOwner(db), now, b.ctx.config.keysDir);
  const rootHash = tree.root().toString("hex");
  const note = checkpointNote(b.ctx.config.publicUrl, tree.size, rootHash, now.toISOString());
  await db.execute(sql`insert into transparency_checkpoints (tree_size, root_hash, timestamp, key_id, algorithm, note, signature)
      values (${tree.size}, ${rootHash}, ${now.toISOString()}::timestamptz, ${key.kid}, ${key.algorithm}, ${note},
              ${signBytes(key.algorithm, key.privateKeyPem, Buffer.from(note, "utf8")).toString("base64")})`);
  if (b.database.kind === "postgresql") await db.execute(sql`vacuum analyze`);
  return { hashMs, bytes, genMs: performance.now() - t0 };
}

async function benchVerify(b: Bench, n: number): Promise<void> {
  const { hashMs, bytes, genMs } = await generateLog(b, n);
  const keys = (await logKeys(b.ctx)).items;
  const t = performance.now();
  const report = await verifyDatabaseLog(b.database.db, { keys });
  const ms = performance.now() - t;
  console.log(
    `[${b.label}] verify-log (database) of ${fmt(report.treeSize)} entries: ${fmt(ms / 1000, 2)} s (${fmt((report.treeSize / ms) * 1000)} entries/s), ` +
      `${report.ok ? "OK" : `FAILED (${report.findings[0]?.message})`}` +
      `  | baseline plain SHA-256 over the same ${fmt(bytes / 1e6, 1)} MB of entries: ${fmt(hashMs / 1000, 2)} s  | ratio ${fmt(ms / hashMs, 1)}×` +
      `  (generating the log took ${fmt(genMs / 1000, 1)} s)`,
  );
}

async function run(kind: "postgresql" | "pglite", verifyN: number): Promise<void> {
  const b = await open(kind);
  try {
    await benchSequencer(b);
    await benchProofs(b);
    if (verifyN > 0) await benchVerify(b, verifyN);
  } finally {
    await b.cleanup();
  }
}

await run("postgresql", VERIFY_N);
if (PGLITE_VERIFY_N >= 0 && process.env.PGLITE !== "0") await run("pglite", PGLITE_VERIFY_N);
