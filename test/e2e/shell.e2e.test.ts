import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite } from "./suite";

const PASSWORD = "demo1234";
const WORK_AREAS = ["portal", "workbench", "inbox", "helper", "dashboard", "partner", "admin"] as const;
type Area = (typeof WORK_AREAS)[number];
const PUBLIC_PAGES = ["guide", "progress", "verify"] as const;

/** Every demo account, the page it lands on and the one work area it sees. */
const ACCOUNTS: { username: string; area: Area }[] = [
  { username: "admin", area: "admin" },
  { username: "clerk", area: "workbench" },
  { username: "reviewer-planning", area: "inbox" },
  { username: "reviewer-registry", area: "inbox" },
  { username: "approver", area: "inbox" },
  { username: "helper", area: "helper" },
  { username: "supervisor", area: "dashboard" },
  { username: "township", area: "partner" },
  { username: "sanmu", area: "portal" },
  { username: "huaishang", area: "portal" },
  { username: "citizen", area: "portal" },
];

/** One server and one browser for the file; every test ends with no page error seen. */
const s = e2eSuite();

async function logout(page: Page): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("menu-logout").click();
  await page.waitForURL(/\/login$/);
  await page.getByTestId("login-page").waitFor();
}

async function visibleAreas(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const area of WORK_AREAS) if ((await page.getByTestId(`nav-${area}`).count()) > 0) shown.push(area);
  return shown;
}

describe("web shell", () => {
  it("serves the login page in Chinese to visitors", async () => {
    const page = await s.page();
    await page.goto(s.url);
    await page.waitForURL(/\/login$/);
    await page.getByTestId("login-page").waitFor();
    expect(await page.title()).toBe("一站 · 政务服务审批平台");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.getByTestId("login-submit").textContent()).toMatch(/登\s*录/);
    await screenshot(page, "login");
  });

  it("says clearly that a password is wrong", async () => {
    const page = await s.page();
    await s.submitLogin(page, "admin", "not-the-password");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("用户名或密码错误");
    expect(page.url()).toMatch(/\/login$/);
    await screenshot(page, "login-wrong-password");
    // The message follows the language switch of a visitor.
    await page.getByTestId("lang-toggle").click();
    await page.getByText("Wrong username or password").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await screenshot(page, "login-wrong-password-en");
  });

  it("shows public pages without signing in, with a login button", async () => {
    const page = await s.page();
    await page.goto(s.at("/guide"));
    await page.getByTestId("public-shell").waitFor();
    await page.getByTestId("page-guide").waitFor();
    for (const p of PUBLIC_PAGES) expect(await page.getByTestId(`nav-${p}`).count()).toBe(1);
    expect(await visibleAreas(page)).toEqual([]);
    await screenshot(page, "public-guide");
    await page.getByTestId("login-button").click();
    await page.waitForURL(/\/login$/);
  });

  it("sends visitors of a work area to the login page", async () => {
    const page = await s.page();
    await page.goto(s.at("/workbench"));
    await page.waitForURL(/\/login$/);
    await page.getByTestId("login-page").waitFor();
  });

  for (const { username, area } of ACCOUNTS) {
    it(`${username} signs in, sees only the ${area} menu, and signs out`, async () => {
      const page = await s.page();
      await s.submitLogin(page, username, PASSWORD);
      await page.waitForURL(new RegExp(`/${area}$`));
      await page.getByTestId(`page-${area}`).waitFor();
      expect(await visibleAreas(page)).toEqual([area]);
      for (const p of PUBLIC_PAGES) expect(await page.getByTestId(`nav-${p}`).count()).toBe(1);
      if (area === "dashboard") {
        // The desk shows live figures, not a placeholder: both cards load without an error.
        for (const card of ["dashboard-satisfaction", "dashboard-inquiries"]) {
          await page.getByTestId(card).locator(".ant-statistic").first().waitFor();
          expect(await page.getByTestId(card).locator(".ant-alert-error").count()).toBe(0);
        }
        expect(await page.getByText("后续版本").count()).toBe(0);
      }
      if (area === "admin") {
        for (const sub of ["users", "orgs", "items", "calendar"]) {
          await page.getByTestId(`nav-admin-${sub}`).waitFor();
        }
      }
      await screenshot(page, `home-${username}`);
      await logout(page);
      await page.goto(s.at(`/${area}`));
      await page.waitForURL(/\/login$/);
    });
  }

  it("says clearly that an account is locked after repeated failures", async () => {
    const page = await s.page();
    // The approver's own sign-in test has run already; lock the account now (5 failures in 15 minutes).
    for (let i = 0; i < 5; i++) {
      await s.submitLogin(page, "approver", `wrong-${i}`);
      await page.getByTestId("login-error").waitFor();
    }
    await s.submitLogin(page, "approver", PASSWORD);
    await page.getByText("账户已临时锁定").waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await screenshot(page, "login-locked");
  });

  it("refuses a work area of another role with a 403 page", async () => {
    const page = await s.page();
    await s.submitLogin(page, "sanmu", PASSWORD);
    await page.waitForURL(/\/portal$/);
    await page.goto(s.at("/admin/users"));
    await page.getByTestId("page-forbidden").waitFor();
    await page.goto(s.at("/no-such-page"));
    await page.getByTestId("page-not-found").waitFor();
  });

  it("switches to English and back, remembering the choice for the user", async () => {
    const page = await s.page();
    await s.submitLogin(page, "clerk", PASSWORD);
    await page.waitForURL(/\/workbench$/);
    expect(await page.getByTestId("nav-workbench").textContent()).toBe("窗口工作台");

    await page.getByTestId("lang-toggle").click();
    await page.getByText("Window Workbench", { exact: true }).first().waitFor();
    expect(await page.getByTestId("nav-guide").textContent()).toBe("Service Guide");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await screenshot(page, "english-shell");

    // Saved to the account: a new browser signs in to an English shell.
    await s.closeAll();
    const again = await s.page();
    await s.submitLogin(again, "clerk", PASSWORD);
    await again.waitForURL(/\/workbench$/);
    await expect.poll(() => again.getByTestId("nav-workbench").textContent()).toBe("Window Workbench");

    await again.getByTestId("lang-toggle").click();
    await again.getByText("窗口工作台", { exact: true }).first().waitFor();
    await again.reload();
    await expect.poll(() => again.getByTestId("nav-workbench").textContent()).toBe("窗口工作台");
    await logout(again);
    expect(await again.getByTestId("login-submit").textContent()).toMatch(/登\s*录/);
  });

  it("changes the password on the account page", async () => {
    const page = await s.page();
    await s.submitLogin(page, "citizen", PASSWORD);
    await page.waitForURL(/\/portal$/);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("menu-account").click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByTestId("account-username").textContent()).toBe("citizen");
    expect(await page.getByTestId("account-roles").textContent()).toContain("申请人");

    const form = page.getByTestId("change-password");
    await page.getByTestId("password-current").fill("wrong-password");
    await page.getByTestId("password-new").fill("new-secret-2026");
    await page.getByTestId("password-confirm").fill("new-secret-2027");
    await page.getByTestId("password-submit").click();
    await form.getByText("两次输入的新密码不一致").waitFor();

    await page.getByTestId("password-confirm").fill("new-secret-2026");
    await page.getByTestId("password-submit").click();
    const currentError = page
      .locator(".ant-form-item-has-error")
      .filter({ has: page.getByTestId("password-current") });
    await currentError.waitFor();
    await form.getByText("当前密码不正确").waitFor();
    await page.waitForTimeout(300); // let the error message finish its entrance animation
    await screenshot(page, "account-wrong-current-password");

    await page.getByTestId("password-current").fill(PASSWORD);
    await page.getByTestId("password-submit").click();
    await page.getByText("密码已修改").first().waitFor();
    await screenshot(page, "account-password-changed");

    await logout(page);
    await s.submitLogin(page, "citizen", PASSWORD);
    await page.getByTestId("login-error").waitFor();
    await s.submitLogin(page, "citizen", "new-secret-2026");
    await page.waitForURL(/\/portal$/);
  });
});
