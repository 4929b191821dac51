import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { e2eSuite, shot } from "./suite";

const s = e2eSuite();

const day = (page: Page, date: string) => page.getByTestId(`cal-day-${date}`);

// The server runs on the real clock; the warning is expected while the next year is missing (from October).
const now = new Date();
const nextYearWarned = now.getFullYear() === 2026 && now.getMonth() >= 9;

describe("the working-day calendar page", () => {
  it("a supervisor sees the missing-year warning in the shell, and may not open the page", async () => {
    const page = await s.signIn("supervisor");
    await page.waitForURL(/\/dashboard$/);
    if (nextYearWarned) await page.getByTestId("calendar-status-banner").getByText("2027").first().waitFor();
    await shot(page, "calendar-supervisor-banner");
    await page.goto(s.at("/admin/calendar"));
    await page.getByTestId("page-forbidden").waitFor();
  });

  it("shows October 2026 holidays and 2027 as provisional; an admin imports 2027 via preview and save", async () => {
    const page = await s.signIn("admin");
    await page.goto(s.at("/admin/calendar?month=2026-10"));
    await page.locator('[data-testid="cal-grid"][data-month="2026-10"]').waitFor();
    expect(await day(page, "2026-10-01").getAttribute("data-kind")).toBe("holiday");
    expect(await day(page, "2026-10-07").getAttribute("data-kind")).toBe("holiday");
    expect(await day(page, "2026-10-10").getAttribute("data-kind")).toBe("makeup");
    expect(await day(page, "2026-10-01").textContent()).toContain("休");
    expect(await page.getByTestId("cal-provisional").count()).toBe(0);
    if (nextYearWarned) await page.getByTestId("calendar-status-banner").waitFor();
    await shot(page, "calendar-2026-10");

    for (let i = 0; i < 3; i++) await page.getByTestId("cal-next").click();
    await page.locator('[data-testid="cal-grid"][data-month="2027-01"]').waitFor();
    await page.getByTestId("cal-provisional").getByText("待国务院公布").waitFor();
    expect(await day(page, "2027-01-01").getAttribute("data-provisional")).toBe("true");
    expect(await day(page, "2027-01-01").getAttribute("data-kind")).toBe("holiday");
    expect(await day(page, "2027-01-04").getAttribute("data-kind")).toBe("workday");
    await shot(page, "calendar-2027-01-provisional");

    // A faulty arrangement: errors with their line numbers, nothing to save.
    const text = page.getByTestId("cal-import-text");
    await text.fill("year: 2027\n2027-01-01~2027-01-03 休 元旦\n2027-01-06 班 元旦\n2027-13-01 休 错误\n");
    await page.getByTestId("cal-import-preview").click();
    const errors = page.getByTestId("cal-import").locator(".ant-table");
    await page.getByTestId("cal-import-errors").waitFor();
    await errors.getByText("2027-01-06 不是周末").waitFor();
    expect(await page.getByTestId("cal-import-save").count()).toBe(0);
    await shot(page, "calendar-import-errors");

    await text.fill(
      "year: 2027\ntitle: 测试安排（非官方）\n2027-01-01~2027-01-03 休 元旦\n2027-02-06~2027-02-13 休 春节\n2027-02-20 班 春节\n",
    );
    await page.getByTestId("cal-import-preview").click();
    await page.getByTestId("cal-import-result").getByText("校验通过：2027 年，共 12 天").waitFor();
    await shot(page, "calendar-import-preview");
    await page.getByTestId("cal-import-save").click();
    await page.getByText("已保存 2027 年节假日安排").waitFor();
    await page.locator('[data-testid="cal-day-2027-01-01"][data-kind="holiday"]').waitFor();
    expect(await day(page, "2027-01-01").getAttribute("data-provisional")).toBe("false");
    expect(await page.getByTestId("cal-provisional").count()).toBe(0);
    await page.getByTestId("calendar-status-banner").waitFor({ state: "detached" });
    await shot(page, "calendar-2027-01-imported");
  });

  it("a provisional year shows the law's holidays; an admin pastes the State Council notice as published", async () => {
    const page = await s.signIn("admin");
    await page.goto(s.at("/admin/calendar?month=2028-01"));
    await page.locator('[data-testid="cal-grid"][data-month="2028-01"]').waitFor();
    await page.getByTestId("cal-provisional").waitFor();
    // 春节 2028: 除夕 01-25 to 初三 01-28, statutory (全国年节及纪念日放假办法), swaps not yet known.
    for (const d of ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"]) {
      expect(await day(page, d).getAttribute("data-kind")).toBe("holiday");
      await page.getByTestId(`cal-statutory-${d}`).waitFor();
    }
    expect(await day(page, "2028-01-24").getAttribute("data-kind")).toBe("workday");
    await shot(page, "calendar-2028-01-statutory");

    const notice = readFileSync("test/fixtures/calendar/notice-2026.txt", "utf8");
    await page.getByTestId("cal-import-text").fill(notice);
    await page.getByTestId("cal-import-preview").click();
    await page.getByTestId("cal-import-format").getByText("识别为：国务院通知原文").waitFor();
    const sources = page.getByTestId("cal-import-sources");
    await sources.getByText("2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休").waitFor();
    await sources.getByText("2/15–2/23").waitFor();
    await page.getByTestId("cal-import-result").getByText("新增 0 天，删除 0 天，变更 0 天").waitFor();
    await shot(page, "calendar-import-notice");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "calendar-import-notice-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("cal-import-replace").click();
    await page.getByTestId("cal-import-save").click();
    await page.getByText("已保存 2026 年节假日安排").waitFor();
  });
});
