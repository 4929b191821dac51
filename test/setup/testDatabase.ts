import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";

/**
 * Test databases. Once per run (globalSetup) a database is migrated and loaded with the demo bureau;
 * every test file then gets its own copy: a PGlite instance loaded from the dumped data dir, or, with
 * DATABASE_URL set, a fresh PostgreSQL database created from the template.
 */
declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

/** The server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A database for one test file: a copy of the migrated demo database. `drop()` removes it. */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = inject("pgTemplate");
    if (!template) throw new Error("globalSetup did not create the template database");
    const name = `yz_t_${randomBytes(6).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 10 });
    return {
      ...database,
      async drop() {
        await database.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("globalSetup did not create the PGlite snapshot");
  const bytes = await readFile(snapshot);
  const database = await openDatabase({ loadDataDir: new Blob([bytes]) });
  return { ...database, drop: () => database.close() };
}
