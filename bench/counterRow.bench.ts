/**
 * The ceiling of one number sequence (ADR 0005, 0017c; issue 19): 50 pgbench clients each running the
 * counter upsert of a number draw in autocommit — all on one key (one office's 受理通知书 of a year),
 * then each on its own key — in the same run on the same PostgreSQL server. One key takes turns on one
 * row, one commit (WAL flush) after the other: that is what drawing one number per statement costs as
 * load grows, and why draws are batched (src/app/cases/commands/numberDraws.ts).
 *
 *   npx tsx bench/counterRow.bench.ts   (PGURL or DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const db = `yz_counter_${Date.now()}`;
const u = new URL(base);
u.pathname = `/${db}`;
const url = u.toString();
const dir = mkdtempSync(join(tmpdir(), "yz-counter-"));
const upsert = (key: string) =>
  `insert into counters (key, value) values (${key}, 1) on conflict (key) do update set value = counters.value + 1;\n`;
writeFileSync(join(dir, "one.sql"), upsert("'doc:怀自然资:acceptance:2026'"));
writeFileSync(join(dir, "many.sql"), `\\set k random(1, 1000000)\n${upsert(":k::text")}`);

function tps(script: string): number {
  const out = execFileSync(
    "pgbench",
    ["-n", "-c", "50", "-j", "2", "-T", String(SECONDS), "-f", script, url],
    {
      encoding: "utf8",
    },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  if (!m) throw new Error(`cannot read pgbench output:\n${out}`);
  return Number(m[1]);
}

execFileSync("psql", [base, "-qc", `CREATE DATABASE ${db}`]);
try {
  execFileSync("psql", [url, "-qc", "CREATE TABLE counters (key text PRIMARY KEY, value integer NOT NULL)"]);
  const one: number[] = [];
  const many: number[] = [];
  // Interleaved, twice: the machine may be shared.
  for (let i = 0; i < 2; i++) {
    one.push(tps(join(dir, "one.sql")));
    many.push(tps(join(dir, "many.sql")));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`Counter upserts in autocommit, 50 clients, ${SECONDS} s each, interleaved runs:`);
  console.log(`  one key (one sequence)      ${one.map((x) => x.toFixed(0)).join(" / ")} per second`);
  console.log(`  different keys (baseline)   ${many.map((x) => x.toFixed(0)).join(" / ")} per second`);
  console.log(`ratio one key / different keys (means): ${(mean(one) / mean(many)).toFixed(2)}`);
} finally {
  execFileSync("psql", [base, "-qc", `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`]);
  rmSync(dir, { recursive: true, force: true });
}
