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
};

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
      close: () => pool.end(),
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
  return {
    db,
    kind: "pglite",
    location: opts.dataDir ?? "memory://",
    pglite,
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
