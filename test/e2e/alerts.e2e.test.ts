import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite } from "./suite";

/** One server and one browser for the file; every test ends with no page error seen. */
const s = e2eSuite();

describe("the supervisor's alert desk (电子监察)", () => {
  it("opens from the menu and the dashboard, in Chinese and English, on a desk and a phone", async () => {
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("dashboard-alerts").waitFor();
    await sup.getByTestId("dashboard-alerts").getByText("待处理").waitFor();
    await sup.getByTestId("nav-alerts").click();
    await sup.waitForURL(/\/supervision\/alerts$/);
    await sup.getByTestId("page-alerts").waitFor();
    expect(await sup.getByTestId("page-title").textContent()).toContain("监察预警");
    // The table (rows or the empty state) once loaded; the status filter shows the counts.
    await sup.locator(".ant-table-row, .ant-empty").first().waitFor();
    expect(await sup.getByTestId("alert-status-filter").textContent()).toMatch(/待处理\s*\d+/);
    await screenshot(sup, "alerts-desk");
    // The demo bureau has open alerts: close one with a comment (required), the counts follow.
    const closed = Number(
      /已关闭\s*(\d+)/.exec((await sup.getByTestId("alert-status-filter").textContent()) ?? "")?.[1],
    );
    await sup.locator("[data-testid^=alert-close-]").first().click();
    await sup.getByTestId("alert-submit").click();
    await sup.locator(".ant-form-item-explain-error").first().waitFor();
    await sup.getByTestId("alert-comment").fill("已督促窗口当日答复并电话回访");
    await sup.getByTestId("alert-submit").click();
    await sup
      .getByTestId("alert-status-filter")
      .getByText(`已关闭 ${closed + 1}`)
      .waitFor();
    await sup.getByTestId("lang-toggle").click();
    await sup.getByTestId("alert-status-filter").getByText(/^Open/).waitFor();

    const phone = await s.signIn("supervisor", { width: 390, height: 800 });
    await phone.goto(s.at("/supervision/alerts"));
    await phone.getByTestId("page-alerts").waitFor();
    await phone.locator("[data-testid^=alert-row-], .ant-empty").first().waitFor();
    expect(await phone.locator("table").count()).toBe(0);
    await screenshot(phone, "alerts-desk-phone");
  });

  it("is not the clerk's page", async () => {
    const clerk = await s.signIn("clerk");
    expect(await clerk.getByTestId("nav-alerts").count()).toBe(0);
  });
});
