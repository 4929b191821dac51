import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { concrete, demoAccounts, openInApp, publicRoutes, routesFor } from "./pages";
import { e2eSuite } from "./suite";

/**
 * Phones (issue 15): every public page and every page an applicant may open, at 390×844 (and the
 * narrowest common phone, 360), found from web/src/routes.tsx and layout/nav.ts: no horizontal scroll,
 * no table column squeezed to a character per line, controls at least 44 px tall.
 */
const s = e2eSuite();

type Defect = { path: string; what: string };

/** What is wrong with the page as laid out now (empty when nothing is). */
async function phoneDefects(page: Page, path: string): Promise<Defect[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement as HTMLElement;
    if (root.scrollWidth > window.innerWidth) {
      // Name the widest element that sticks out, so the report says where to look.
      let worst = "";
      let right = window.innerWidth;
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > right + 0.5 && r.width > 0) {
          right = r.right;
          worst = `${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 2).join(".")}`;
        }
      }
      out.push(`page is ${root.scrollWidth} px wide on a ${window.innerWidth} px screen (widest: ${worst})`);
    }
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>("td, th"))) {
      const text = (cell.textContent ?? "").trim();
      if (text.length >= 4 && cell.offsetParent && cell.clientWidth < 40) {
        out.push(`table cell ${cell.clientWidth} px wide for "${text.slice(0, 12)}"`);
        break;
      }
    }
    const small = Array.from(
      document.querySelectorAll<HTMLElement>(
        "main button, main .ant-select-selector, main input.ant-input, main .ant-picker, header button",
      ),
    ).filter((el) => {
      const r = el.getBoundingClientRect();
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      // Visible controls only; the close buttons of tags and the clear icons are not tap targets here.
      return (
        r.width > 0 && r.height > 0 && r.height < 43.5 && !el.closest(".ant-tag, .ant-input-affix-wrapper")
      );
    });
    if (small.length > 0) {
      const el = small[0];
      out.push(
        `${small.length} controls under 44 px tall, e.g. ${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 2).join(".")} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 20)}" ${Math.round(el.getBoundingClientRect().height)} px`,
      );
    }
    return out;
  });
  return found.map((what) => ({ path, what }));
}

/** The phone widths checked: the common 390 and the narrowest common, 360. */
const WIDTHS = [390, 360];

async function visitAll(
  page: Page,
  routes: string[],
  who: string,
): Promise<{ defects: Defect[]; seen: string[] }> {
  const defects: Defect[] = [];
  const seen: string[] = [];
  for (const route of routes) {
    const path = await concrete(page, route);
    if (!path) continue;
    await page.setViewportSize({ width: WIDTHS[0], height: 844 });
    await openInApp(page, s.at(path));
    if (new URL(page.url()).pathname === "/login" && path !== "/login") continue; // not public
    seen.push(route);
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) {
        await page.setViewportSize({ width, height: 844 });
        await page.waitForTimeout(150);
      }
      defects.push(...(await phoneDefects(page, `${who} ${path} @${width}`)));
    }
  }
  return { defects, seen };
}

function report(defects: Defect[]): string {
  return defects.map((d) => `  ${d.path}: ${d.what}`).join("\n");
}

describe("phones", () => {
  it("public pages fit a phone (390 and 360 px)", async () => {
    const page = await s.page({ width: WIDTHS[0], height: 844, label: "visitor" });
    const { defects, seen } = await visitAll(page, ["/login", ...publicRoutes()], "visitor");
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(defects, `\n${report(defects)}`).toEqual([]);
  }, 300_000);

  it("every applicant's pages fit a phone (390 and 360 px)", async () => {
    const applicants = demoAccounts().filter((a) => a.roles.includes("applicant"));
    expect(applicants.length).toBeGreaterThan(0);
    const defects: Defect[] = [];
    for (const a of applicants) {
      const page = await s.signIn(a.username, { width: WIDTHS[0], height: 844 });
      const result = await visitAll(page, routesFor(a.roles), a.username);
      expect(result.seen).toContain("/portal/apply");
      defects.push(...result.defects);
    }
    expect(defects, `\n${report(defects)}`).toEqual([]);
  }, 300_000);

  it("the menu is a labelled button on a phone, and applying shows its steps", async () => {
    const page = await s.signIn("sanmu", { width: 390, height: 844 });
    const menu = page.getByTestId("nav-drawer-open");
    expect((await menu.textContent())?.trim()).toBe("菜单");
    await menu.click();
    await page.getByTestId("drawer-nav").getByTestId("nav-guide").click();
    await page.waitForURL(/\/guide$/);
    await openInApp(page, s.at("/portal/apply"));
    const steps = page.getByTestId("apply-steps");
    expect(await steps.textContent()).toContain("选择事项");
    expect(await steps.locator(".ant-steps-item-process, .ant-steps-item-active").count()).toBeGreaterThan(0);
  }, 120_000);
});
