/**
 * The plain-endpoint baseline of bench/transitions.bench.ts (issue 19): Fastify + Drizzle on
 * node-postgres — the same stack as `yizhan start`, none of its work — answering `POST /tx/:aid` with a
 * three-statement transaction in the manner of pgbench's TPC-B (update an account's balance, read it
 * back, append a history row). Started as its own process by the bench, which measures its requests per
 * second, latencies and CPU per request beside the server's CPU per transition.
 *
 *   node --import tsx bench/plainEndpoint.ts <database url | pglite> [pool size]
 *
 * Creates its tables (`bench_accounts`, `bench_history`) in that database (`pglite`: an in-memory PGlite
 * in this process, as `yizhan start` without DATABASE_URL), prints `running at <url>`.
 */
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import {
  bigint,
  integer,
  type PgDatabase,
  type PgQueryResultHKT,
  pgTable,
  serial,
  timestamp,
} from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import Fastify from "fastify";
import pg from "pg";

const accounts = pgTable("bench_accounts", {
  aid: integer("aid").primaryKey(),
  balance: bigint("balance", { mode: "number" }).notNull(),
});
const history = pgTable("bench_history", {
  id: serial("id").primaryKey(),
  aid: integer("aid").notNull(),
  delta: integer("delta").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});

/** Accounts the load spreads over (each client updates its own, as each transition has its own case). */
export const PLAIN_ACCOUNTS = 100_000;

const [url, poolArg] = process.argv.slice(2);
if (!url) throw new Error("usage: bench/plainEndpoint.ts <database url> [pool size]");
const pool = url === "pglite" ? null : new pg.Pool({ connectionString: url, max: Number(poolArg ?? 20) });
const pglite = pool ? null : await PGlite.create();
const db: PgDatabase<PgQueryResultHKT> = pool ? drizzleNodePg(pool) : drizzlePglite(pglite as PGlite);
const setup = `
  CREATE TABLE IF NOT EXISTS bench_accounts (aid integer PRIMARY KEY, balance bigint NOT NULL);
  CREATE TABLE IF NOT EXISTS bench_history (id serial PRIMARY KEY, aid integer NOT NULL, delta integer NOT NULL,
    at timestamptz NOT NULL);
  INSERT INTO bench_accounts SELECT g, 0 FROM generate_series(1, ${PLAIN_ACCOUNTS}) g ON CONFLICT DO NOTHING;
`;
if (pool) await pool.query(setup);
else await pglite?.exec(setup);

const app = Fastify({ logger: false });
app.post<{ Params: { aid: string }; Body: { delta?: number } }>("/tx/:aid", async (req) => {
  const aid = Number(req.params.aid);
  const delta = Number(req.body?.delta ?? 1);
  return db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ balance: sql`${accounts.balance} + ${delta}` })
      .where(eq(accounts.aid, aid));
    const [row] = await tx.select({ balance: accounts.balance }).from(accounts).where(eq(accounts.aid, aid));
    await tx.insert(history).values({ aid, delta, at: new Date() });
    return { aid, balance: row?.balance ?? null };
  });
});
const address = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`running at ${address}`);
process.on("SIGTERM", () => {
  app
    .close()
    .then(() => (pool ? pool.end() : pglite?.close()))
    .then(() => process.exit(0));
});
