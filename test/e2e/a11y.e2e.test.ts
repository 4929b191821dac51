import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../web/src/api/ApiError";
import { EN_CHINESE_KEYS, GLOSS } from "../../web/src/i18n/chineseInEnglish";
import { enUS } from "../../web/src/i18n/en-US";
import {
  concrete,
  isPublicArea,
  oneAccountPerRoleSet,
  openInApp,
  publicRoutes,
  routesFor,
  settle,
} from "./pages";
import { e2eSuite } from "./suite";

/**
 * Accessibility (issue 15): axe-core with the WCAG 2.1 A and AA rules on every page of every role — one
 * demo account per role set (seed/demo/users.yaml), the public pages signed out and as an applicant (staff
 * see the same public pages in the same frame as their own pages, so they are not audited again per staff
 * role) — in Chinese and in English, each page once per language. No serious and no critical violation is
 * allowed; the failure lists each rule, its pages and examples.
 *
 * Quick enough for CI: one browser, one signed-in context per account (signed in through the API), a few
 * pages audited at once (`YIZHAN_A11Y_PAGES`, default 3), each page reached inside the loaded application
 * the way a link is followed, and no fixed sleeps. The whole audit runs once (the first test waits for it);
 * each test then reports its own account.
 */
const s = e2eSuite();
const AXE = join(dirname(createRequire(import.meta.url).resolve("axe-core/package.json")), "axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AT_ONCE = Number(process.env.YIZHAN_A11Y_PAGES ?? 3);
/** Routes audited in one browser page, one after the other (the application is loaded once per chunk). */
const CHUNK = 5;
const LANGS: Locale[] = ["zh-CN", "en-US"];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] };
type Finding = { page: string; violation: Violation };
type Report = {
  findings: Finding[];
  /** The paths audited in each language. */
  seen: Record<Locale, string[]>;
  problems: string[];
  words: string[];
  chinese: string[];
};

/**
 * Language (issue 15 item 8), checked on the same visits: on a Chinese page the labels the product owns —
 * column heads, form labels and help, buttons, menu entries, tabs, label cells, empty states,
 * placeholders, accessible names — show no English word (codes in capitals and a few proper names aside;
 * a part marked as another language with `lang` or as a name with `translate="no"` aside).
 * (The English pages are checked the other way round: `chineseOnEnglishPage`.)
 */
/**
 * Chinese that may stand on an English page outside `lang="zh-CN"`, kept as data: the runs of Chinese in
 * the en-US texts listed in web/src/i18n/chineseInEnglish.ts (the brand, the language's own name, the
 * State Council notice to paste, sample item names), and glosses in parentheses ("Ratings (好差评)").
 */
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const ZH_ALLOWED = new Set(
  [...EN_CHINESE_KEYS].flatMap((k) => (enUS as Record<string, string>)[k]?.match(HAN_RUN) ?? []),
);
function unmarkedChinese(text: string): boolean {
  return (text.replace(GLOSS, "").match(HAN_RUN) ?? []).some((run) => !ZH_ALLOWED.has(run));
}

const OWNED =
  "th, label, button, .ant-menu-title-content, .ant-tabs-tab-btn, .ant-descriptions-item-label, " +
  ".ant-form-item-extra, .ant-empty-description, .ant-select-placeholder, .ant-pagination, [placeholder], [aria-label]";
/** Proper names, formats and the JSON Schema keywords the item editor quotes. */
const LATIN_NAMES = new Set([
  ...["English", "Yizhan", "PDF", "JSON", "Excel", "WebP", "txt", "json", "EN", "Ed25519"],
  ...["Schema", "type", "object"],
]);

async function strayWords(page: Page, lang: Locale, label: string): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (
        el.closest("[hidden], [aria-hidden=true], [translate=no], .ant-select-dropdown, .ant-picker-dropdown")
      )
        continue;
      if ((el.closest("[lang]")?.getAttribute("lang") ?? "") !== document.documentElement.lang) continue;
      // A text area's placeholder shows a sample of what to paste (a notice, a JSON record): not a label.
      const own = [
        el.matches("textarea") ? null : el.getAttribute("placeholder"),
        el.getAttribute("aria-label"),
      ];
      if (!el.matches("[placeholder], [aria-label]") || el.matches("button, th, label"))
        own.push(el.innerText);
      for (const t of own) if (t?.trim()) out.push(t.trim().slice(0, 120));
    }
    return [...new Set(out)];
  }, OWNED);
  const bad: string[] = [];
  for (const text of texts) {
    if (lang === "zh-CN") {
      // Proper names, codes and values written in Latin letters may stand; words may not.
      const words = (text.replace(/\S+@\S+|https?:\/\/\S+/g, "").match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter(
        (w) => w.length > 1 && !/^[A-Z0-9]+$/.test(w) && !LATIN_NAMES.has(w),
      );
      if (words.length) bad.push(`${label}: "${text}" (${words.join(", ")})`);
    }
  }
  return bad;
}

/**
 * English pages (issue 15 item 8): every text and accessible name on the page — not only the labels —
 * carries no Chinese character, except inside an element marked `lang="zh-CN"` (Chinese data: item
 * names, form field titles from item schemas, documents' titles, people's and organizations' names,
 * rendered through `web/src/components/ZhText.tsx`) and what `ZH_ALLOWED` keeps. Hidden parts are
 * skipped.
 */
async function chineseOnEnglishPage(page: Page, label: string): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
    const out = new Set<string>();
    const skip = (el: Element | null) =>
      !el ||
      // What is typed in a field or picked in a select is the user's data, not a label.
      !!el.closest(
        "[hidden], [aria-hidden=true], script, style, noscript, template, textarea, .ant-select-selection-item, .ant-select-content-value",
      ) ||
      (!!el.closest(".ant-select-content") && !el.closest(".ant-select-placeholder")) ||
      (el.closest("[lang]")?.getAttribute("lang") ?? "") !== document.documentElement.lang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? "";
      if (!HAN.test(text) || skip(n.parentElement)) continue;
      // The whole element's text names the place better than one text node.
      const whole = (n.parentElement as HTMLElement).innerText || text;
      out.add(whole.trim().replace(/\s+/g, " ").slice(0, 120));
    }
    // An attribute cannot mark a part of itself: an accessible name or a title may quote Chinese data
    // that the page shows, marked, as text ("File: 营业执照" beside the cell 营业执照).
    const marked = new Set<string>();
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("[lang='zh-CN']")))
      for (const run of el.innerText.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) marked.add(run);
    for (const el of Array.from(
      document.querySelectorAll("[placeholder], [aria-label], [title], img[alt]"),
    )) {
      if (skip(el)) continue;
      for (const a of ["placeholder", "aria-label", "title", "alt"]) {
        const v = el.getAttribute(a);
        const own = v?.replace(/[\u3400-\u9fff\uf900-\ufaff]+/g, (run) => (marked.has(run) ? "" : run));
        if (v && own && HAN.test(own)) out.add(`@${a}=${v.trim().slice(0, 120)}`);
      }
    }
    return [...out];
  });
  return texts.filter((t) => unmarkedChinese(t.replace(/^@\w+=/, ""))).map((t) => `${label}: "${t}"`);
}

async function audit(page: Page, label: string): Promise<Finding[]> {
  const violations = (await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations),
    TAGS,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((violation) => ({ page: label, violation }));
}

/** One block per rule: how many elements on which pages, and up to four distinct examples. */
function summary(findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.violation.id, [...(byRule.get(f.violation.id) ?? []), f]);
  return [...byRule.entries()]
    .map(([id, fs]) => {
      const nodes = fs.flatMap((f) => f.violation.nodes);
      const first = fs[0].violation;
      const pages = [...new Set(fs.map((f) => f.page))];
      const examples = [...new Map(nodes.map((n) => [n.html.slice(0, 90), n])).values()].slice(0, 4);
      return `${first.impact} ${id} (${first.help}): ${nodes.length} elements on ${pages.length} pages\n    pages: ${pages.slice(0, 8).join(", ")}${pages.length > 8 ? " …" : ""}\n${examples.map((n) => `    e.g. ${n.target.join(" ")}: ${n.html.slice(0, 200)}`).join("\n")}`;
    })
    .join("\n");
}

/** At most `n` tasks at a time. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** A signed-in user's language is the account's preference (the visitor's is kept in the browser). */
async function setAccountLanguage(context: BrowserContext, request: APIRequestContext, locale: Locale) {
  const csrf = (await context.cookies()).find((c) => c.name === "yz_csrf")?.value ?? "";
  const res = await request.put(s.at("/api/auth/me/preferences"), {
    data: { locale },
    headers: { "x-csrf-token": csrf },
  });
  if (!res.ok()) throw new Error(`preferences: ${res.status()} ${await res.text()}`);
}

const run = limiter(AT_ONCE);

/**
 * A wait for the page's network to be quiet — no request in flight for 300 ms (Playwright's `networkidle`
 * is reached once per document load, not after each in-app navigation).
 */
function networkQuiet(page: Page): () => Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  page.on("request", () => {
    inFlight++;
    last = Date.now();
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return async () => {
    const until = Date.now() + 10_000;
    while (Date.now() < until && (inFlight > 0 || Date.now() - last < 300)) await page.waitForTimeout(50);
  };
}

/**
 * Audits the given addresses in one page of `context`. A signed-in user's pages are reached inside the
 * loaded application, as a link would be. The visitor's are each loaded afresh (`fresh`): some of them
 * send a visitor to /login, and inside one loaded application such a redirect can land after the next
 * navigation has begun, which made which page was skipped depend on the machine's load.
 */
async function auditChunk(
  context: BrowserContext,
  who: string,
  lang: Locale,
  paths: string[],
  report: Report,
  fresh = false,
): Promise<void> {
  await run(async () => {
    const page = await s.pageIn(context, who);
    const quiet = networkQuiet(page);
    try {
      for (const path of paths) {
        if (fresh) await page.goto(s.at(path));
        else await openInApp(page, s.at(path));
        // Inside the loaded application the router may keep the previous page on screen while the next
        // page's code and data load: wait until nothing is in flight, then until it has settled.
        await quiet();
        await settle(page);
        // A page that needs a sign-in shows nothing and sends the visitor on to /login: wait until either
        // the login form or the page's own content is there.
        if (fresh)
          await page.waitForFunction(
            () => !!document.querySelector("[data-testid=login-page], #yz-main > *"),
            undefined,
            { polling: 100 },
          );
        if (new URL(page.url()).pathname === "/login" && path !== "/login") continue;
        const shown = await page.evaluate(() => document.documentElement.lang);
        if (shown !== lang) report.problems.push(`${who} ${path}: shown in ${shown}, not ${lang}`);
        report.seen[lang].push(path);
        report.findings.push(...(await audit(page, `${who}@${lang} ${path}`)));
        report.words.push(...(await strayWords(page, lang, `${who}@${lang} ${path}`)));
        if (lang === "en-US") report.chinese.push(...(await chineseOnEnglishPage(page, `${who} ${path}`)));
      }
    } finally {
      await page.close();
    }
  });
}

/** Every page of one user (or of the visitor), in both languages, a few pages at once. */
async function auditUser(username: string | undefined, routes: string[]): Promise<Report> {
  const report: Report = {
    findings: [],
    seen: { "zh-CN": [], "en-US": [] },
    problems: [],
    words: [],
    chinese: [],
  };
  const who = username ?? "visitor";
  if (!username) {
    // The visitor's language lives in the browser: one context per language, both at once.
    await Promise.all(
      LANGS.map(async (lang) => {
        const context = await s.context({ label: who });
        await context.addInitScript({ path: AXE });
        await context.addInitScript((l) => localStorage.setItem("yz_locale", l), lang);
        await Promise.all(
          chunks(routes, CHUNK).map((paths) => auditChunk(context, who, lang, paths, report, true)),
        );
      }),
    );
    return report;
  }
  const context = await s.context({ label: who });
  await context.addInitScript({ path: AXE });
  const login = await context.request.post(s.at("/api/auth/login"), {
    data: { username, password: "demo1234" },
  });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()}`);
  const sampler = { request: context.request, url: () => s.url };
  const paths: string[] = [];
  for (const route of routes) {
    const path = await concrete(sampler, route);
    if (path) paths.push(path);
  }
  // The account's language is one for all its pages: Chinese first, then English.
  for (const lang of LANGS) {
    await setAccountLanguage(context, context.request, lang);
    await Promise.all(chunks(paths, CHUNK).map((c) => auditChunk(context, who, lang, c, report)));
  }
  return report;
}

const accounts = oneAccountPerRoleSet();
let all: Promise<Map<string, Report>> | undefined;

/** Audits everyone at once, the first time it is asked. */
function auditEveryone(): Promise<Map<string, Report>> {
  all ??= (async () => {
    const entries = await Promise.all([
      auditUser(undefined, ["/login", ...publicRoutes()]).then((r) => ["visitor", r] as const),
      ...accounts.map(async (account) => {
        const staff = !account.roles.includes("applicant");
        const routes = routesFor(account.roles).filter((r) => !(staff && isPublicArea(r)));
        return [account.username, await auditUser(account.username, routes)] as const;
      }),
    ]);
    return new Map(entries);
  })();
  return all;
}

function expectClean(report: Report, minPages: number): void {
  expect(report.problems).toEqual([]);
  expect(report.seen["zh-CN"].length).toBeGreaterThanOrEqual(minPages);
  expect(report.seen["en-US"].toSorted()).toEqual(report.seen["zh-CN"].toSorted());
  expect(report.findings.length, `\n${summary(report.findings)}`).toBe(0);
}

describe("accessibility (axe-core, WCAG 2.1 AA) and language", () => {
  it("public pages signed out: no serious or critical violation, in Chinese and English", async () => {
    const reports = await auditEveryone();
    expectClean(reports.get("visitor") as Report, 6);
    // The first test waits for the whole audit (every account): generous for a loaded machine.
  }, 600_000);

  for (const account of accounts) {
    it(`${account.username} (${account.roles.join(", ")}): every page, in Chinese and English`, async () => {
      const reports = await auditEveryone();
      expectClean(reports.get(account.username) as Report, 3);
    }, 300_000);
  }

  for (const who of ["visitor", ...accounts.map((a) => a.username)]) {
    it(`${who}: no English word in the labels of Chinese pages`, async () => {
      const words = [...new Set((await auditEveryone()).get(who)?.words)];
      expect(words, `\n${words.slice(0, 30).join("\n")}`).toEqual([]);
    }, 300_000);

    it(`${who}: no Chinese on English pages outside data marked lang="zh-CN"`, async () => {
      const texts = [...new Set((await auditEveryone()).get(who)?.chinese)];
      if (process.env.YIZHAN_A11Y_DUMP) appendFileSync(process.env.YIZHAN_A11Y_DUMP, `${texts.join("\n")}\n`);
      expect(texts, `\n${texts.slice(0, 40).join("\n")}`).toEqual([]);
    }, 300_000);
  }
});
