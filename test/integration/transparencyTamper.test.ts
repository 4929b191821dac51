import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppContext, defaultConfig } from "../../src/app/context";
import { integrateTransparencyLog } from "../../src/app/transparency/sequencer";
import { type Database, openDatabase, queryRows } from "../../src/db/client";
import { buildServer } from "../../src/http/server";
import { FixedClock } from "../../src/shared/clock";
import { acceptedCase } from "../helpers/cases";
import { cliDatabase, runCliInProcess } from "../helpers/cli";
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
