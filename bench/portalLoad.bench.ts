/**
 * First load of two pages on a slow 4G profile: Chromium with the network of a slow 4G connection
 * (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip) and the CPU slowed 4×, already signed in (session
 * cookie), an empty cache (issue 19 part 4):
 *   portal     the applicant portal (/portal) as the applicant sanmu on a phone (390×844), ready when
 *              the case list (or its empty state) is shown
 *   workbench  the window workbench (/workbench) as the clerk at a desk (1280×800), ready when the
 *              queue's table has its rows (or its empty state) and the tabs their counts
 * Medians of N interleaved runs, in the same run:
 *   compressed   the server as it ships: precompressed brotli assets (scripts/precompress.ts)
 *   plain        the same server and build without the .br/.gz files (the assets sent as they are)
 * Figures: first contentful paint, the page's content shown (first meaningful paint), bytes of JavaScript (and of everything)
 * over the wire; and a second visit in the same browser (immutable assets come from the cache).
 *
 *   npm run build && npx tsx bench/portalLoad.bench.ts [runs=3] [pages=portal,workbench]
 *   (or `npm run bench pages`)
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildServer } from "../src/http/server.ts";
import { DEFAULT_WEB_DIR, startYizhan } from "../src/http/start.ts";

const RUNS = Number(process.argv[2] ?? 3);
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: 750e3 / 8,
};
const CPU_SLOWDOWN = 4;

type Target = {
  path: string;
  user: string;
  viewport: { width: number; height: number };
  /** Resolves when the page shows what it is for (its first meaningful paint). */
  ready(page: Page): Promise<void>;
};

const TARGETS: Record<string, Target> = {
  portal: {
    path: "/portal",
    user: "sanmu",
    viewport: { width: 390, height: 844 },
    async ready(page) {
      await page.getByTestId("page-portal").waitFor({ timeout: 120_000 });
      await page
        .locator("[data-testid=portal-cases], [data-testid=portal-empty-cases]")
        .first()
        .waitFor({ timeout: 120_000 });
    },
  },
  workbench: {
    path: "/workbench",
    user: "clerk",
    viewport: { width: 1280, height: 800 },
    async ready(page) {
      await page.getByTestId("page-workbench").waitFor({ timeout: 120_000 });
      await page
        .locator(
          "[data-testid=queue-table-awaiting_check] .ant-table-row, [data-testid=queue-table-awaiting_check] .ant-empty",
        )
        .first()
        .waitFor({ timeout: 120_000 });
      await page.locator("[data-testid=wb-tab-awaiting_check][data-count]:not([data-count=''])").waitFor({
        timeout: 120_000,
      });
    },
  },
};
const PAGES = (process.argv[3] ?? "portal,workbench").split(",").map((p) => {
  const t = TARGETS[p];
  if (!t) throw new Error(`unknown page ${p} (portal, workbench)`);
  return [p, t] as const;
});

type Load = { fcp: number; ready: number; jsBytes: number; allBytes: number; requests: number };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function signedInContext(browser: Browser, base: string, target: Target): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: target.viewport, locale: "zh-CN" });
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { username: target.user, password: "demo1234" },
  });
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  return context;
}

/** One load of the target's page in `context` under the slow profile. */
async function load(context: BrowserContext, base: string, target: Target): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const types = new Map<string, string>();
  let jsBytes = 0;
  let allBytes = 0;
  let requests = 0;
  cdp.on("Network.responseReceived", (e) => {
    types.set(e.requestId, e.type);
    if (!e.response.fromDiskCache) requests++;
  });
  cdp.on("Network.loadingFinished", (e) => {
    allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") jsBytes += e.encodedDataLength;
  });
  await page.goto(`${base}${target.path}`, { timeout: 120_000 });
  await target.ready(page);
  const { fcp, ready } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    ready: performance.now(),
  }));
  await page.close();
  return { fcp, ready, jsBytes, allBytes, requests };
}

async function main(): Promise<void> {
  if (!existsSync(join(DEFAULT_WEB_DIR, "index.html")))
    throw new Error("build the web app first: npm run build");
  const dataDir = mkdtempSync(join(tmpdir(), "yizhan-bench-portal-"));
  const plainDir = mkdtempSync(join(tmpdir(), "yizhan-bench-plain-"));
  cpSync(DEFAULT_WEB_DIR, plainDir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const server = await startYizhan({ port: 0, dataDir, demo: true, logLevel: "silent", background: false });
  const plain = await buildServer(server.ctx, { webDir: plainDir, logger: false });
  const plainUrl = await plain.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  const targets = { compressed: server.url, plain: plainUrl };
  const first: Record<string, Load[]> = {};
  const again: Record<string, Load[]> = {};
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [pageName, target] of PAGES) {
        for (const [name, base] of Object.entries(targets)) {
          const key = `${pageName} ${name}`;
          const context = await signedInContext(browser, base, target);
          first[key] = [...(first[key] ?? []), await load(context, base, target)];
          again[key] = [...(again[key] ?? []), await load(context, base, target)];
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await plain.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(plainDir, { recursive: true, force: true });
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `First load, slow 4G (1.6 Mbit/s, 150 ms RTT), CPU ${CPU_SLOWDOWN}× slower, signed in, medians of ${RUNS}:`,
  );
  for (const [pageName, target] of PAGES) {
    console.log(
      `${pageName} (${target.path} as ${target.user}, ${target.viewport.width}×${target.viewport.height}):`,
    );
    for (const name of Object.keys(targets)) {
      const f = first[`${pageName} ${name}`];
      const a = again[`${pageName} ${name}`];
      console.log(
        `  ${name.padEnd(10)} FCP ${s(median(f.map((x) => x.fcp)))}  content shown ${s(median(f.map((x) => x.ready)))}  JS ${kb(median(f.map((x) => x.jsBytes)))}  all ${kb(median(f.map((x) => x.allBytes)))} in ${median(f.map((x) => x.requests))} requests` +
          ` | second visit: content shown ${s(median(a.map((x) => x.ready)))}, ${kb(median(a.map((x) => x.allBytes)))} in ${median(a.map((x) => x.requests))} requests`,
      );
    }
  }
}

await main();
