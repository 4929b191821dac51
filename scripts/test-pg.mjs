#!/usr/bin/env node
// `npm run test:pg`: runs the whole suite against a PostgreSQL server. Creates a fresh database
// (yizhan_test_<timestamp>) on the server of $DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// runs vitest with DATABASE_URL pointing at it, and drops it afterwards.
import { spawnSync } from "node:child_process";
import pg from "pg";

const base = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = `yizhan_test_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;
console.error(`Running the test suite on PostgreSQL (${url.host}/${name})`);
const res = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url.toString() },
});
const cleanup = new pg.Client({ connectionString: base });
await cleanup.connect();
await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await cleanup.end();
process.exit(res.status ?? 1);
