import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
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
 * role) — in Chinese and in English. No serious and no critical violation is allowed; the failure lists each rule, its pages and
 * an example element.
 */
const s = e2eSuite();
const AXE = createRequire(import.meta.url).resolve("axe-core");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] };
type Finding = { page: string; violation: Violation };

async function audit(page: Page, label: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
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

/** One line per rule: how many elements on which pages, and the first element's markup. */
function summary(findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.violation.id, [...(byRule.get(f.violation.id) ?? []), f]);
  return [...byRule.entries()]
    .map(([id, fs]) => {
      const nodes = fs.reduce((n, f) => n + f.violation.nodes.length, 0);
      const first = fs[0].violation;
      const pages = [...new Set(fs.map((f) => f.page))];
      return `${first.impact} ${id} (${first.help}): ${nodes} elements on ${pages.length} pages\n    pages: ${pages.slice(0, 8).join(", ")}${pages.length > 8 ? " …" : ""}\n    e.g. ${first.nodes[0]?.target.join(" ")}: ${first.nodes[0]?.html.slice(0, 160)}`;
    })
    .join("\n");
}

async function auditRoutes(
  page: Page,
  routes: string[],
  who: string,
): Promise<{ findings: Finding[]; seen: number }> {
  const findings: Finding[] = [];
  let seen = 0;
  for (const route of routes) {
    const path = await concrete(page, route);
    if (!path) continue;
    await openInApp(page, s.at(path));
    if (new URL(page.url()).pathname === "/login" && path !== "/login") continue;
    seen++;
    const lang = await page.evaluate(() => document.documentElement.lang);
    findings.push(...(await audit(page, `${who}@${lang} ${path}`)));
  }
  return { findings, seen };
}

async function switchLanguage(page: Page, to: "zh-CN" | "en-US"): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === to) return;
  await page.getByTestId("lang-toggle").first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("public pages: no serious or critical violation, in Chinese and English", async () => {
    const page = await s.page({ label: "visitor", bypassCSP: true });
    const findings: Finding[] = [];
    for (const lang of ["zh-CN", "en-US"] as const) {
      await page.goto(s.at("/login"));
      await settle(page);
      await switchLanguage(page, lang);
      const r = await auditRoutes(page, ["/login", ...publicRoutes()], "visitor");
      expect(r.seen).toBeGreaterThanOrEqual(6);
      findings.push(...r.findings);
    }
    expect(findings.length, `\n${summary(findings)}`).toBe(0);
  }, 300_000);

  for (const account of oneAccountPerRoleSet()) {
    it(`${account.username} (${account.roles.join(", ")}): every page, in Chinese and English`, async () => {
      const page = await s.signIn(account.username, { bypassCSP: true });
      const staff = !account.roles.includes("applicant");
      const routes = routesFor(account.roles).filter((r) => !(staff && isPublicArea(r)));
      const findings: Finding[] = [];
      for (const lang of ["zh-CN", "en-US"] as const) {
        await switchLanguage(page, lang);
        const r = await auditRoutes(page, routes, account.username);
        expect(r.seen).toBeGreaterThanOrEqual(3);
        findings.push(...r.findings);
      }
      await switchLanguage(page, "zh-CN");
      expect(findings.length, `\n${summary(findings)}`).toBe(0);
    }, 300_000);
  }
});
