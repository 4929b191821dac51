import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web application with Vite when `dist/web` is missing or older than `web/`. */
export async function buildWebIfNeeded(log: (line: string) => void): Promise<void> {
  const index = join(ROOT, "dist/web/index.html");
  const srcDir = join(ROOT, "web");
  if (!existsSync(srcDir)) return;
  const sources = Math.max(newestMtime(srcDir), statSync(join(ROOT, "vite.config.ts")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log("Building the web application (vite build)…");
  const started = Date.now();
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  log(`Web application built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
