import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./dataDirLock";
import * as schema from "./schema";

/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: every command runs inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: read helpers accept both. */
export type Executor = Db | Tx;

export type DatabaseKind = "pglite" | "postgresql";

/** An open database: Drizzle handle, its kind, and how to close it. */
export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the underlying instance (to dump a migrated data dir in tests). */
  pglite?: PGlite;
  /**
   * This process among those using the database (taken once, held until `close()`): an id to sign the
   * claims it makes (idempotency keys), and whether the holder of a claim is still alive — so that a
   * killed server's claims are taken over at once, not when their lease runs out.
   */
  instance(): Promise<DatabaseInstance>;
};

/** See {@link Database.instance}. */
export type DatabaseInstance = { id: string; alive(id: string): Promise<boolean> };

/** The advisory-lock key of an instance (PostgreSQL): a session lock held by its process while it lives. */
const INSTANCE_KEY = "hashtextextended('yizhan-instance:' || $1, 7363002)";

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

/** Options for {@link openDatabase}: a PostgreSQL URL, or a PGlite data dir (or an in-memory dump). */
export type OpenDatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  loadDataDir?: Blob | File;
  poolSize?: number;
};

/**
 * Opens PostgreSQL when `databaseUrl` is given (the production path), otherwise the embedded PGlite
 * with its data in `dataDir` (in memory when neither is given). Same schema, same SQL on both.
 * A PGlite data directory is locked for this process until `close()`: another process holding it
 * makes this throw `DataDirLockedError` (see `dataDirLock.ts`) — every command and the server open
 * their database here, so none of them can run a second, silent copy of it.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // An idle connection the server closes (restart, failover, pg_terminate_backend) must not crash the
    // process: the pool drops it and opens a new one on the next query; queries in flight still fail.
    pool.on("error", (err) => {
      if ((err as { code?: string }).code !== "57P01")
        process.emitWarning(`PostgreSQL idle connection error: ${err.message}`);
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    let held: pg.PoolClient | null = null;
    let instance: Promise<DatabaseInstance> | null = null;
    const url = new URL(opts.databaseUrl);
    url.password = "";
    return {
      db,
      kind: "postgresql",
      location: url.toString(),
      async migrate() {
        // Several app servers may start at once: one migrates, the others wait on the lock.
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock(7363001)");
          await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query("SELECT pg_advisory_unlock(7363001)").catch(() => undefined);
          client.release();
        }
      },
      instance() {
        instance ??= (async () => {
          const id = randomUUID();
          // One connection holds the instance's lock for the life of the process; PostgreSQL drops it
          // when the process dies (its connection closes), which is how the others know.
          held = await pool.connect();
          await held.query(`SELECT pg_advisory_lock(${INSTANCE_KEY})`, [id]);
          return {
            id,
            async alive(other: string) {
              if (other === id) return true;
              const r = await pool.query<{ alive: boolean }>(
                `SELECT CASE WHEN pg_try_advisory_lock(${INSTANCE_KEY}) THEN NOT pg_advisory_unlock(${INSTANCE_KEY}) ELSE true END AS alive`,
                [other],
              );
              return r.rows[0]?.alive ?? true;
            },
          };
        })();
        return instance;
      },
      async close() {
        held?.release();
        await pool.end();
      },
    };
  }
  const onDisk = opts.dataDir && !opts.dataDir.includes("://") ? opts.dataDir : undefined;
  const lock = onDisk ? await lockDataDir(onDisk) : null;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  const pgliteInstance = randomUUID();
  return {
    db,
    kind: "pglite",
    location: opts.dataDir ?? "memory://",
    pglite,
    // One process per data directory (dataDirLock.ts): a claim by any other instance is a dead one's.
    instance: async () => ({ id: pgliteInstance, alive: async (other) => other === pgliteInstance }),
    async migrate() {
      await migratePglite(drizzlePglite(pglite), { migrationsFolder: MIGRATIONS_DIR });
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Runs a statement and returns its rows, the same on both drivers. */
export async function queryRows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
