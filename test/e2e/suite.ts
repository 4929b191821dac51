import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { AppContext } from "../../src/app/context";
import { launchBrowser, screenshot } from "./browser";
import { startTestServer, type TestServer, type TestServerOptions } from "./server";

/** How a fresh page is opened: browser locale, viewport, and a label for its errors. */
export type PageOptions = {
  locale?: string;
  width?: number;
  height?: number;
  label?: string;
  /** Lets the test inject scripts (axe-core) past the page's Content-Security-Policy. */
  bypassCSP?: boolean;
};

/**
 * Browser pages on one test server: every page has its own context (cookies, storage) and reports
 * uncaught exceptions and console errors into `errors`; `closeAll()` closes every context.
 */
export class Sessions {
  private contexts: BrowserContext[] = [];
  private pages: { page: Page; label: string }[] = [];
  readonly errors: string[] = [];
  readonly deprecations = new Set<string>();
  constructor(
    private readonly browser: () => Browser,
    private readonly base: () => string,
    private readonly server: () => TestServer | undefined = () => undefined,
  ) {}

  /** The server's application context (its database and clock), for the few tests that need them. */
  get ctx(): AppContext {
    const ctx = this.server()?.ctx;
    if (!ctx) throw new Error("no test server");
    return ctx;
  }

  /** The server's base URL. */
  get url(): string {
    return this.base();
  }

  at(path: string): string {
    return new URL(path, this.base()).toString();
  }

  /** A fresh, signed-out page in a context of its own. */
  async page(opts: PageOptions = {}): Promise<Page> {
    return this.pageIn(await this.context(opts), opts.label);
  }

  /** A fresh browser context (cookies, storage), closed by `closeAll()`; open pages in it with `pageIn`. */
  async context(opts: PageOptions = {}): Promise<BrowserContext> {
    const context = await this.browser().newContext({
      viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
      locale: opts.locale ?? "zh-CN",
      // The bureau's browsers run on China time: date pickers default to the office's day and hour.
      timezoneId: "Asia/Shanghai",
      // No animations to wait for (the app honours prefers-reduced-motion): steadier and faster tests.
      reducedMotion: "reduce",
      bypassCSP: opts.bypassCSP ?? false,
    });
    this.contexts.push(context);
    return context;
  }

  /** A new page in `context` whose uncaught exceptions and console errors go into `errors`. */
  async pageIn(context: BrowserContext, labelText?: string): Promise<Page> {
    const page = await context.newPage();
    this.pages.push({ page, label: labelText ?? "visitor" });
    const label = labelText ? `${labelText} ` : "";
    page.on("pageerror", (err) => this.errors.push(`${label}pageerror: ${err.message}`));
    page.on("console", (msg) => {
      // 4xx answers are expected (refusals under test, 401 before login); anything else is not.
      if (msg.type() !== "error" || /status of 4\d\d/.test(msg.text())) return;
      // antd deprecation notices come from pages outside a suite's area: reported, not failed.
      if (/^Warning: \[antd: \w+\] .*deprecated/.test(msg.text())) this.deprecations.add(msg.text());
      else this.errors.push(`${label}console: ${msg.text()}`);
    });
    // Generous: CI machines are slow and shared; every wait is for a state that must come.
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** Fills and sends the login form on `page` (from wherever it is). */
  async submitLogin(page: Page, username: string, password = "demo1234"): Promise<void> {
    if (!page.url().endsWith("/login")) await page.goto(this.at("/login"));
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-submit").click();
  }

  /** A fresh page signed in as a demo user, once the work shell is shown. */
  async signIn(username: string, opts: PageOptions = {}): Promise<Page> {
    const page = await this.page({ label: username, ...opts });
    await this.submitLogin(page, username);
    await page.getByTestId("app-shell").waitFor();
    return page;
  }

  /** Screenshots of every open page, named after the failed test: what CI saw when it failed. */
  async shootAll(testName: string): Promise<void> {
    const base = `failure-${testName.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 60)}`;
    await Promise.all(
      this.pages.map(({ page, label }, i) =>
        page.isClosed() ? undefined : screenshot(page, `${base}-${i}-${label}`).catch(() => undefined),
      ),
    );
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
    this.contexts = [];
    this.pages = [];
  }
}

/**
 * The frame of an e2e test file: one test server (demo data, its own database) and one Chromium for
 * the file; every test ends with its pages closed and no page error or console error seen.
 */
export function e2eSuite(opts: TestServerOptions = {}): Sessions {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const s = new Sessions(
    () => browser as Browser,
    () => (server as TestServer).url,
    () => server,
  );
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(opts), launchBrowser()]);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await s.shootAll(task.name);
    await s.closeAll();
    expect(s.errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    if (s.deprecations.size) console.warn(`antd deprecations seen:\n${[...s.deprecations].join("\n")}`);
    await browser?.close();
    await server?.close();
  });
  return s;
}

/** A full-page screenshot from the top into test-results/ (the sticky header would cover the rest). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

/** Clicks the OK button of the open Popconfirm, until the confirmation closes. */
export async function confirmPopover(page: Page): Promise<void> {
  const popover = page.locator(".ant-popconfirm:visible");
  const ok = popover.locator(".ant-popconfirm-buttons .ant-btn-primary");
  // Under load a click can land while the popover is still appearing and be lost: click again then,
  // unless the first one is being handled (the button shows its loading state).
  for (let attempt = 0; attempt < 3; attempt++) {
    await ok.click();
    try {
      await popover.waitFor({ state: "hidden", timeout: 5_000 });
      return;
    } catch {
      if ((await ok.getAttribute("class"))?.includes("ant-btn-loading")) {
        await popover.waitFor({ state: "hidden" });
        return;
      }
    }
  }
  throw new Error("the confirmation popover did not close");
}

/** Picks an option in the antd Select found by `selector` (by its visible text). */
export async function pickOption(page: Page, selector: string, text: string): Promise<void> {
  // Under load a click can land while the dropdown is still animating; retry until the choice shows.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(selector).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text })
      .first()
      .click();
    try {
      // The chosen label shows in the select box (the selector may point at the select or its input).
      await page
        .locator(selector)
        .locator(
          "xpath=ancestor-or-self::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
        )
        .getByText(text)
        .first()
        .waitFor({ timeout: 3_000 });
      return;
    } catch {
      await page.keyboard.press("Escape");
    }
  }
  throw new Error(`could not pick "${text}" in ${selector}`);
}
