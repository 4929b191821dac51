import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBytes } from "../../src/adapters/signing";
import { canonicalJson } from "../../src/adapters/signing/canonicalJson";
import { activeSigningKey } from "../../src/app/certificates/keys";
import { type AppContext, defaultConfig } from "../../src/app/context";
import { chainHash } from "../../src/app/transparency/entries";
import { integrateTransparencyLog, logKeyOwner } from "../../src/app/transparency/sequencer";
import { type Database, openDatabase, queryRows } from "../../src/db/client";
import { buildServer } from "../../src/http/server";
import { FixedClock } from "../../src/shared/clock";
import { acceptedCase } from "../helpers/cases";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
import {
  auditPath,
  consistencyProof,
  hex,
  leafHash,
  mth,
  unhex,
  verifyConsistency,
  verifyInclusion,
  verifyNoteSignature,
} from "../helpers/rfc6962";
import { TEST_NOW, testAppOn } from "../helpers/testApp";

// The attacker with database access (issue 18, item 3): with the append-only trigger switched off,
// they update, delete, reorder and insert case event rows. `yizhan verify-log` (database mode) must
// pass the untouched log and name the first bad leaf — and the case and seq — every time. Runs on
// PGlite by default and on PostgreSQL with `npm run test:pg -- test/integration/transparencyTamper.test.ts`.

let env: Record<string, string | undefined> = {};
let drop: () => Promise<void> = async () => {};

/** Opens the command's database, runs `fn`, closes it (PGlite's data dir is one process's at a time). */
async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = env.DATABASE_URL
    ? await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 })
    : await openDatabase({ dataDir: env.YIZHAN_DATA_DIR as string });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Runs statements as the attacker: the append-only trigger of case_events is off meanwhile. */
async function asAttacker(statements: ReturnType<typeof sql>[]): Promise<void> {
  await withDb(async ({ db }) => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table case_events disable trigger user`);
      for (const s of statements) await tx.execute(s);
      await tx.execute(sql`alter table case_events enable trigger user`);
    });
  });
}

const verify = () => runCliInProcess(["verify-log"], env);

type Ev = { id: string; case_id: string; seq: number; leaf_index: number };
/** A case with at least three logged events, and those events with their leaves. */
let target: Ev[] = [];
let treeSize = 0;

beforeAll(async () => {
  const cli = await cliDatabase();
  env = cli.env;
  drop = cli.drop;
  await withDb(async (database) => {
    const ctx: AppContext = {
      database,
      clock: new FixedClock(TEST_NOW),
      config: { ...defaultConfig, demo: true },
    };
    // Two cases filed, checked and accepted through the API: events written by the one command path.
    const app = await buildServer(ctx, { logger: false });
    await app.ready();
    try {
      const t = testAppOn(app, ctx);
      await acceptedCase(t);
      await integrateTransparencyLog(ctx, { batchSize: 2 });
      await acceptedCase(t);
    } finally {
      await app.close();
    }
    // Integrate everything queued, in small batches so that there are several checkpoints.
    while ((await integrateTransparencyLog(ctx, { batchSize: 3 })).integrated > 0) {}
    const rows = await queryRows<Ev>(
      database.db,
      sql`select e.id, e.case_id, e.seq, l.leaf_index::int as leaf_index
            from case_events e join transparency_leaves l on l.source_id = e.id
           where e.case_id = (select e2.case_id from case_events e2 join transparency_leaves l2 on l2.source_id = e2.id
                               group by e2.case_id having count(*) >= 3 order by min(l2.leaf_index) limit 1)
           order by e.seq`,
    );
    target = rows.map((r) => ({ ...r, seq: Number(r.seq), leaf_index: Number(r.leaf_index) }));
    const [n] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from transparency_leaves`,
    );
    treeSize = Number(n?.n);
  });
}, 120_000);

afterAll(async () => {
  await drop();
});

function firstBad(stdout: string): { leaf: number; caseId?: string; seq?: number } {
  const m = /first bad leaf index (\d+)(?: \(case (\S+), seq (\d+)\))?/.exec(stdout);
  if (!m) throw new Error(`no first bad leaf in:\n${stdout}`);
  return { leaf: Number(m[1]), caseId: m[2], seq: m[3] === undefined ? undefined : Number(m[3]) };
}

describe("verify-log against the database, and an attacker with database access", () => {
  it("passes the untouched log", async () => {
    expect(target.length).toBeGreaterThanOrEqual(3);
    expect(treeSize).toBeGreaterThan(target.length);
    const r = await verify();
    expect(r.stderr + r.stdout).toContain("OK");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${treeSize} entries`);
  });

  it("an updated event row: the first bad leaf is that event's", async () => {
    const e = target[1] as Ev;
    await asAttacker([
      sql`update case_events set data = data || '{"note":"改过"}'::jsonb where id = ${e.id}`,
    ]);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(firstBad(r.stdout)).toEqual({ leaf: e.leaf_index, caseId: e.case_id, seq: e.seq });
    expect(r.stdout).toContain("row_changed");
    await asAttacker([sql`update case_events set data = data - 'note' where id = ${e.id}`]);
  });

  it("a deleted event row: the first bad leaf is the deleted event's, with its case and seq", async () => {
    const e = target[1] as Ev;
    const [saved] = await withDb(({ db }) =>
      queryRows<Record<string, unknown>>(
        db,
        sql`select to_jsonb(e) as row from case_events e where id = ${e.id}`,
      ),
    );
    await asAttacker([sql`delete from case_events where id = ${e.id}`]);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(firstBad(r.stdout)).toEqual({ leaf: e.leaf_index, caseId: e.case_id, seq: e.seq });
    expect(r.stdout).toContain("row_missing");
    await asAttacker([
      sql`insert into case_events select * from jsonb_populate_record(null::case_events, ${JSON.stringify(saved?.row)}::jsonb)`,
    ]);
  });

  it("two events swapped (seq renumbered): the first bad leaf is the earlier one", async () => {
    const [a, b] = [target[1] as Ev, target[2] as Ev];
    const swap = [
      sql`update case_events set seq = -1 where id = ${a.id}`,
      sql`update case_events set seq = ${a.seq} where id = ${b.id}`,
      sql`update case_events set seq = ${b.seq} where id = ${a.id}`,
    ];
    await asAttacker(swap);
    const r = await verify();
    expect(r.code).toBe(1);
    // The row logged at a's leaf is now b's seq: that leaf is the first that no longer matches.
    expect(firstBad(r.stdout)).toEqual({ leaf: a.leaf_index, caseId: a.case_id, seq: b.seq });
    expect(r.stdout).toContain("row_changed");
    await asAttacker([
      sql`update case_events set seq = -1 where id = ${a.id}`,
      sql`update case_events set seq = ${b.seq} where id = ${b.id}`,
      sql`update case_events set seq = ${a.seq} where id = ${a.id}`,
    ]);
  });

  it("an inserted event row: reported at the end of the log, with its case and seq", async () => {
    const last = target.at(-1) as Ev;
    const [{ max } = { max: 0 }] = await withDb(({ db }) =>
      queryRows<{ max: number }>(
        db,
        sql`select max(seq)::int as max from case_events where case_id = ${last.case_id}`,
      ),
    );
    const id = "01900000-0000-7000-8000-00000000abcd";
    await asAttacker([
      sql`insert into case_events (id, case_id, seq, type, actor_name, at, data, salt, prev_hash, hash)
          select ${id}, case_id, ${Number(max) + 1}, type, actor_name, at, data, salt, hash, repeat('a', 64)
            from case_events where case_id = ${last.case_id} and seq = ${Number(max)}`,
    ]);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(firstBad(r.stdout)).toEqual({ leaf: treeSize, caseId: last.case_id, seq: Number(max) + 1 });
    expect(r.stdout).toContain("row_unlogged");
    await asAttacker([sql`delete from case_events where id = ${id}`]);
  });

  it("passes again once every row is as it was", async () => {
    const r = await verify();
    expect(r.stdout).toContain("OK");
    expect(r.code).toBe(0);
  });
});

type Cp = {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  algorithm: string;
  note: string;
  signature: string;
};
type Entry = { leafIndex: number; kind: string; entry: string; leafHash: string };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Everything a server publishes, read once: keys, every checkpoint (oldest first), every entry. */
async function published(base: string) {
  const api = `${base}/api/transparency`;
  const keys = (
    await getJson<{ items: { keyId: string; algorithm: string; publicKeyPem: string }[] }>(`${api}/keys`)
  ).items;
  const latest = await getJson<Cp>(`${api}/checkpoints/latest`);
  const checkpoints = (await getJson<{ items: Cp[] }>(`${api}/checkpoints?limit=100`)).items.reverse();
  const entries = (await getJson<{ items: Entry[] }>(`${api}/entries?start=0&end=${latest.treeSize}`)).items;
  return { keys, latest, checkpoints, entries };
}

describe("verify-log --from-url: a server's published log, checked without its database", () => {
  let database: Database;
  let ctx: AppContext;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let base = "";
  const stateDir = mkdtempSync(join(tmpdir(), "yizhan-vlog-"));
  const state = join(stateDir, "seen.json");

  beforeAll(async () => {
    database = env.DATABASE_URL
      ? await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 4 })
      : await openDatabase({ dataDir: env.YIZHAN_DATA_DIR as string });
    ctx = { database, clock: new FixedClock(TEST_NOW), config: { ...defaultConfig, demo: true } };
    app = await buildServer(ctx, { logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("the independent RFC 6962 verifier accepts every checkpoint, entry and proof the server publishes", async () => {
    const { keys, latest, checkpoints, entries } = await published(base);
    expect(checkpoints.length).toBeGreaterThan(2);
    expect(entries.map((e) => e.leafIndex)).toEqual([...Array(latest.treeSize).keys()]);
    for (const cp of checkpoints) {
      const key = keys.find((k) => k.keyId === cp.keyId);
      expect(
        verifyNoteSignature(cp.algorithm, key?.publicKeyPem ?? "", cp.note, cp.signature),
        `checkpoint ${cp.treeSize}`,
      ).toBe(true);
      expect(cp.note).toBe(
        `yizhan-transparency/v1\n${defaultConfig.publicUrl}\n${cp.treeSize}\n${cp.rootHash}\n${cp.timestamp}\n`,
      );
    }
    const leaves = entries.map((e) => leafHash(e.entry));
    expect(leaves.map(hex)).toEqual(entries.map((e) => e.leafHash));
    for (const cp of checkpoints)
      expect(hex(mth(leaves.slice(0, cp.treeSize))), `root at ${cp.treeSize}`).toBe(cp.rootHash);
    const api = `${base}/api/transparency`;
    for (let i = 0; i < latest.treeSize; i++) {
      const p = await getJson<{ leafHash: string; auditPath: string[] }>(
        `${api}/proofs/inclusion?leafIndex=${i}&treeSize=${latest.treeSize}`,
      );
      expect(
        verifyInclusion(
          i,
          latest.treeSize,
          unhex(p.leafHash),
          p.auditPath.map(unhex),
          unhex(latest.rootHash),
        ),
        `leaf ${i}`,
      ).toBe(true);
      expect(p.leafHash).toBe(hex(leaves[i] as Buffer));
    }
    for (let j = 1; j < checkpoints.length; j++) {
      const [a, b] = [checkpoints[j - 1] as Cp, checkpoints[j] as Cp];
      if (a.treeSize === 0) continue;
      const p = await getJson<{ proof: string[] }>(
        `${api}/proofs/consistency?first=${a.treeSize}&second=${b.treeSize}`,
      );
      expect(
        verifyConsistency(a.treeSize, b.treeSize, unhex(a.rootHash), unhex(b.rootHash), p.proof.map(unhex)),
        `${a.treeSize} → ${b.treeSize}`,
      ).toBe(true);
      // …and the same proof does not vouch for another history.
      expect(
        verifyConsistency(a.treeSize, b.treeSize, leafHash("forged"), unhex(b.rootHash), p.proof.map(unhex)),
      ).toBe(false);
    }
  });

  it("passes an honest server and keeps its latest checkpoint in --state", async () => {
    const r = await runCliInProcess(
      ["verify-log", "--from-url", base, "--state", state, "--origin", defaultConfig.publicUrl],
      env,
    );
    expect(r.stdout).toContain("OK");
    expect(r.code).toBe(0);
    const latest = await getJson<Cp>(`${base}/api/transparency/checkpoints/latest`);
    expect(JSON.parse(readFileSync(state, "utf8"))).toEqual({
      treeSize: latest.treeSize,
      rootHash: latest.rootHash,
    });
    expect(r.stdout).toMatch(/\d+ consistency proofs, \d+ inclusion proofs/);
  });

  /**
   * A server in front of the honest one that rewrites history: the first case event gets another time,
   * its case's chain is re-linked after it, the tree recomputed, and the checkpoints re-signed with the
   * bureau's own key (the attacker is the operator). `partial`: the archive it already published stays
   * as it was and only the latest checkpoint is forged; `full`: every checkpoint and proof is forged.
   */
  async function forgingServer(mode: "partial" | "full"): Promise<{ url: string; close(): Promise<void> }> {
    const real = await published(base);
    const parsed = real.entries.map((e) => JSON.parse(e.entry) as Record<string, unknown>);
    const victim = parsed.findIndex((e) => e.kind === "case_event");
    (parsed[victim] as Record<string, unknown>).at = "2020-01-01T00:00:00.000Z";
    let prev: string | null = null;
    for (const e of parsed) {
      if (e.caseId !== parsed[victim]?.caseId) continue;
      if (prev !== null) e.prevHash = prev;
      const { prevHash, hash: _h, ...body } = e;
      e.hash = chainHash(prevHash as string, body);
      prev = e.hash as string;
    }
    const entries = parsed.map((e, i) => {
      const entry = canonicalJson(e);
      return { leafIndex: i, kind: String(e.kind), entry, leafHash: hex(leafHash(entry)) };
    });
    const leaves = entries.map((e) => unhex(e.leafHash));
    const key = await activeSigningKey(
      database.db,
      await logKeyOwner(database.db),
      TEST_NOW,
      ctx.config.keysDir,
    );
    const forge = (cp: Cp): Cp => {
      const rootHash = hex(mth(leaves.slice(0, cp.treeSize)));
      const note = `yizhan-transparency/v1\n${defaultConfig.publicUrl}\n${cp.treeSize}\n${rootHash}\n${cp.timestamp}\n`;
      return {
        ...cp,
        rootHash,
        note,
        signature: signBytes(key.algorithm, key.privateKeyPem, Buffer.from(note)).toString("base64"),
      };
    };
    const latest = forge(real.latest);
    const archive =
      mode === "full" ? real.checkpoints.map(forge) : [...real.checkpoints.slice(0, -1), latest];
    const server = createServer(async (req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      const q = (k: string) => (u.searchParams.has(k) ? Number(u.searchParams.get(k)) : undefined);
      const send = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const path = u.pathname.replace("/api/transparency/", "");
      if (path === "keys") return send({ items: real.keys });
      if (path === "checkpoints/latest") return send(latest);
      if (path === "checkpoints") {
        const before = q("beforeSize") ?? Number.MAX_SAFE_INTEGER;
        return send({
          items: archive
            .filter((c) => c.treeSize < before)
            .reverse()
            .slice(0, q("limit") ?? 20),
        });
      }
      if (path === "entries") return send({ items: entries.slice(q("start"), q("end")) });
      if (path === "proofs/inclusion") {
        const [m, n] = [q("leafIndex") as number, q("treeSize") as number];
        return send({
          leafIndex: m,
          treeSize: n,
          leafHash: hex(leaves[m] as Buffer),
          auditPath: auditPath(leaves, m, n).map(hex),
        });
      }
      if (path === "proofs/consistency") {
        const [m, n] = [q("first") as number, q("second") as number];
        if (mode === "partial") return send(await getJson(`${base}${u.pathname}${u.search}`));
        return send({ first: m, second: n, proof: consistencyProof(leaves, m, n).map(hex) });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it("a server that rewrote history but kept its published archive is caught by the consistency proofs", async () => {
    const forged = await forgingServer("partial");
    try {
      const r = await runCliInProcess(["verify-log", "--from-url", forged.url], env);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("FAILED");
      expect(r.stdout).toMatch(
        /consistency: no valid consistency proof from tree size \d+ .* the log has rewritten its history/,
      );
    } finally {
      await forged.close();
    }
  });

  it("a server that rewrote everything, signatures included, is caught by a verifier that saw the old root (--state)", async () => {
    const forged = await forgingServer("full");
    try {
      // A verifier that never saw this log cannot tell a complete, re-signed forgery from the truth…
      const fresh = await runCliInProcess(["verify-log", "--from-url", forged.url], env);
      expect(fresh.code).toBe(0);
      // …one that kept the checkpoint it verified before can: the new root for that size is not consistent.
      const r = await runCliInProcess(["verify-log", "--from-url", forged.url, "--state", state], env);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/consistency: no valid consistency proof from tree size \d+/);
      // The state file still holds the honest checkpoint.
      const honest = await getJson<Cp>(`${base}/api/transparency/checkpoints/latest`);
      expect(JSON.parse(readFileSync(state, "utf8")).rootHash).toBe(honest.rootHash);
    } finally {
      await forged.close();
    }
  });
});
