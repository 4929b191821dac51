import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { closeYizhan, openYizhan } from "../../src/http/start";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data dir, migrated and loaded with the demo bureau once per run: each file copies it. */
    e2eTemplateDir: string;
  }
}

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
function buildWeb(): void {
  const sources = Math.max(newest(join(ROOT, "web")), statSync(join(ROOT, "vite.config.ts")).mtimeMs);
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/**
 * Builds the web application, and on PGlite prepares the demo database once: loading the demo bureau
 * takes about 13 s, copying its data dir well under one, and every e2e file starts from a fresh copy.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  buildWeb();
  const dir = await mkdtemp(join(tmpdir(), "yizhan-e2e-template-"));
  if (!process.env.DATABASE_URL) {
    await closeYizhan(await openYizhan({ dataDir: dir, demo: true }));
  }
  project.provide("e2eTemplateDir", process.env.DATABASE_URL ? "" : dir);
  return () => rm(dir, { recursive: true, force: true });
}
