import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = process.cwd();
const BUILT = join(ROOT, "dist/web/index.html");

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Builds the web application (`vite build`) when dist/web is missing or older than its sources. */
export default function globalSetup(): void {
  const sources = Math.max(newest(join(ROOT, "web")), statSync(join(ROOT, "vite.config.ts")).mtimeMs);
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}
