import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Flags for Debian's Chromium as root on a closed network (see TESTING.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const RESULTS_DIR = join(process.cwd(), "test-results");

/**
 * Launches the system Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) through playwright-core;
 * no browser is ever downloaded. Playwright gives every launch a fresh temporary profile
 * (user-data-dir) and every `browser.newContext()` its own cookies and storage.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Saves a full-page screenshot to `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  // Wait for web fonts so Chinese text is rendered in Noto Sans SC, not a fallback.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A full-page capture of a long page took over 20 s (the page default) on 2 cores under load.
  await page.screenshot({ path, fullPage: true, timeout: 60_000 });
  return path;
}
