import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { closeYizhan, openYizhan } from "../../src/http/start";
import { TEST_PII_ENV } from "../setup/piiKeys";

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

/** Written after the build: the NODE_ENV it was built with. */
const MODE = join(ROOT, "dist/web-build-mode");

/**
 * Builds the web application (`vite build`) when dist/web is missing, older than its sources, or not a
 * production build. Always a production build, as shipped: under Vitest NODE_ENV is "test", and a build
 * inheriting it is React's development build (several times slower) with rc-component's mock ids — every
 * antd Select's input gets the id "test-id" — which is not what users get and misleads the axe audit.
 */
function buildWeb(): void {
  const sources = Math.max(newest(join(ROOT, "web")), statSync(join(ROOT, "vite.config.ts")).mtimeMs);
  const fresh = existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources;
  if (fresh && existsSync(MODE) && readFileSync(MODE, "utf8") === "production") return;
  execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  writeFileSync(MODE, "production");
}

/**
 * Builds the web application, and on PGlite prepares the demo database once: loading the demo bureau
 * takes about 13 s, copying its data dir well under one, and every e2e file starts from a fresh copy.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  Object.assign(process.env, TEST_PII_ENV);
  buildWeb();
  const dir = await mkdtemp(join(tmpdir(), "yizhan-e2e-template-"));
  if (!process.env.DATABASE_URL) {
    await closeYizhan(await openYizhan({ dataDir: dir, demo: true }));
  }
  project.provide("e2eTemplateDir", process.env.DATABASE_URL ? "" : dir);
  return () => rm(dir, { recursive: true, force: true });
}
