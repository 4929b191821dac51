#!/usr/bin/env node
// `npm run bench [name…]`: runs the benchmarks in bench/ one after another (each prints its figures
// beside the baseline it measures in the same run). Names filter by file name, e.g. `npm run bench calendar`;
// the parts of issue 19 also by their names: transitions, lifecycle, pages (portalLoad: the portal and the
// workbench), startup. bench/transitions, lifecycle and startup need PostgreSQL (PGURL or DATABASE_URL;
// default 127.0.0.1:5432); transitions also pgbench; pages a built web app (npm run build) and Chromium.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

/** Names of the parts of issue 19 that are not (only) their file's name. */
const ALIASES = { pages: "portalLoad" };
const filters = process.argv.slice(2).map((x) => ALIASES[x] ?? x);
const files = readdirSync(new URL("../bench/", import.meta.url))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const res = spawnSync(process.execPath, ["--import", "tsx", `bench/${f}`], { stdio: "inherit" });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
