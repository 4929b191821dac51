import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite } from "./suite";

const LAND = "construction-land-planning-permit";
const LAND_NAME = "建设用地规划许可证核发";

const s = e2eSuite();

async function expectLandGuide(page: Page): Promise<void> {
  await page.waitForURL(new RegExp(`/guide/items/${LAND}$`));
  await page.getByTestId("page-guide-item").waitFor();
  expect(await page.getByTestId("item-title").textContent()).toBe(LAND_NAME);
}

describe("public guide", () => {
  it("leads from the home page to the 建设用地规划许可证核发 guide in two clicks", async () => {
    const page = await s.page();
    await page.goto(s.url);
    await page.getByTestId("public-guide").click(); // 1: 办事指南
    await page.getByTestId("page-guide").waitFor();
    await page.getByTestId(`guide-item-${LAND}`).waitFor();
    await screenshot(page, "catalog-guide-landing");
    await page.getByTestId(`guide-item-${LAND}`).click(); // 2: the item
    await expectLandGuide(page);
    const materials = page.getByTestId("item-materials");
    expect(await materials.textContent()).toContain("必要");
    // 营业执照 comes electronically from shared data: no 份数 0.
    const licence = materials.locator("tr", { hasText: "营业执照" });
    expect(await licence.locator("td").allTextContents()).not.toContain("0");
    expect(await page.getByTestId("item-promised").textContent()).toContain("3 个工作日");
    expect(await page.getByTestId("item-statutory").textContent()).toContain("20 个工作日");
    // The published 事项编码, never the internal slug used in the URL.
    expect(await page.getByTestId("item-catalog-code").textContent()).toBe("L-340321-ZRZY-XK-01");
    expect(await page.getByTestId("page-guide-item").textContent()).not.toContain(LAND);
    await page.getByTestId("form-preview").locator("input").first().waitFor();
    await screenshot(page, "catalog-guide-item");
    const sheet = await page.request.get(s.at(`/api/catalog/items/${LAND}/notice-sheet`));
    expect(sheet.headers()["content-type"]).toContain("application/pdf");
    expect(await page.getByTestId("item-notice-sheet").getAttribute("href")).toContain("/notice-sheet");
  });

  it("finds it with one search, and browses by life event and department", async () => {
    const page = await s.page();
    await page.goto(s.at("/guide"));
    await page.getByTestId("guide-search").locator("input").fill("建设用地规划许可");
    await page.getByTestId("guide-search").locator("input").press("Enter");
    await page.waitForURL(/q=/);
    const first = page.getByTestId("guide-results").getByTestId("guide-item-card").first();
    // The previous list stays on screen while the search runs: wait for the answer.
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(LAND_NAME);
    expect(await page.getByTestId("guide-count").textContent()).toMatch(/共找到 \d+ 个事项/);
    await screenshot(page, "catalog-guide-search");
    await page.getByTestId("guide-search").locator("input").fill("乡镇");
    await page.getByTestId("guide-search").locator("input").press("Enter");
    await page.getByTestId("guide-item-facility-agricultural-land-filing").waitFor();
    await page.goto(s.at("/guide"));
    await page.getByRole("tab", { name: "按部门" }).click();
    await page.getByTestId("facet-department-township").click();
    await page.waitForURL(/department=township/);
    await page.getByTestId("guide-item-facility-agricultural-land-filing").waitFor();
    await expect.poll(() => page.getByTestId("guide-item-card").count(), { timeout: 10_000 }).toBe(1);
    await page.goto(s.at("/guide/items/no-such-item"));
    await page.getByText("返回办事指南").waitFor();
  });

  it("speaks English chrome while the contents stay Chinese", async () => {
    const page = await s.page({ locale: "en-US" });
    await page.goto(s.at("/guide"));
    await page.getByTestId("page-guide").waitFor();
    const toggle = page.getByTestId("lang-toggle");
    if ((await page.locator("html").getAttribute("lang")) !== "en-US" && (await toggle.count()) > 0)
      await toggle.click();
    // The header's menu may be in its drawer (it is horizontal only when the English labels fit whole).
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
    await page.getByTestId(`guide-item-${LAND}`).click();
    await page.getByText("Materials").first().waitFor();
    expect(await page.getByTestId("item-title").textContent()).toBe(LAND_NAME);
    expect(await page.getByTestId("item-promised").textContent()).toContain("3 working days");
    await screenshot(page, "catalog-guide-item-en");
  });
});

describe("catalog administration", () => {
  it("an administrator edits an item (new version), sees a problem on its field, and compares versions", async () => {
    const page = await s.signIn("admin");
    await page.goto(s.at("/admin/items"));
    await page.getByTestId("page-admin-items").waitFor();
    await page.getByTestId(`items-edit-${LAND}`).waitFor();
    await screenshot(page, "catalog-admin-items");
    await page.getByTestId(`items-edit-${LAND}`).click();
    await page.getByTestId("page-item-editor").waitFor();
    // A promise longer than the law is refused by the server, next to the field.
    await page.getByTestId("editor-promised").fill("25");
    await page.getByTestId("editor-effective-from").fill("2026-12-31");
    await page.getByTestId("editor-change-note").fill("承诺时限调整");
    await page.getByTestId("editor-save").click();
    await page.getByTestId("editor-problems").waitFor();
    expect(await page.getByTestId("editor-problems").textContent()).toContain("promisedLimitDays");
    await screenshot(page, "catalog-admin-editor-error");
    await page.getByTestId("editor-promised").fill("2");
    await page.getByTestId("editor-save").click();
    await page.getByTestId("page-item-history").waitFor();
    await page.getByTestId("history-table").getByText("v2").waitFor();
    await page.getByTestId("compare-fields").waitFor();
    expect(await page.getByTestId("compare-fields").textContent()).toContain("promisedLimitDays");
    await screenshot(page, "catalog-admin-history");
  });
});
