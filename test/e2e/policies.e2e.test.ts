import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite, pickOption } from "./suite";

const s = e2eSuite();

describe("policy library (政策文件库)", () => {
  it("search highlights; a change notice is acknowledged by the window, the supervisor sees who has not, the guide shows the change", async () => {
    // The supervisor finds the 2019 notice by 乡镇: the word is marked in the snippet.
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("nav-policies").click();
    await sup.getByTestId("page-policies").waitFor();
    await sup.getByTestId("policy-search").locator("input").fill("乡镇");
    await sup.getByTestId("policy-search").locator("input").press("Enter");
    const results = sup.getByTestId("policy-results");
    await results.getByText("自然资规〔2019〕4号", { exact: false }).first().waitFor();
    expect(await results.locator("mark.policy-hit").first().textContent()).toBe("乡镇");
    await screenshot(sup, "policies-search-1440");

    // The supervisor announces the change for 设施农业用地备案 to the window.
    await sup.getByRole("tab", { name: "变更通知" }).click();
    await sup.getByTestId("notice-create").click();
    await sup.getByTestId("notice-form").waitFor();
    await sup.getByTestId("notice-policy").click();
    await sup.getByTestId("notice-policy").locator("input").fill("设施农业");
    await sup
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "安徽省自然资源厅" })
      .first()
      .click();
    await sup.getByTestId("notice-title").fill("设施农业用地备案改由乡镇办理");
    await sup
      .getByTestId("notice-summary")
      .fill("窗口收到的设施农业用地备案申请一律转办设施所在地乡镇人民政府。");
    await sup.getByTestId("notice-date").click();
    await sup.getByTestId("notice-date").fill("2026-12-01");
    await sup.getByTestId("notice-date").press("Enter");
    await pickOption(sup, '[data-testid="notice-items"]', "设施农业用地备案");
    await sup.keyboard.press("Escape");
    await pickOption(sup, '[data-testid="notice-sections"]', "县政务服务中心自然资源和规划窗口");
    await sup.keyboard.press("Escape");
    await sup.getByTestId("notice-submit").click();
    const card = sup.locator('[data-testid^="notice-"]', { hasText: "设施农业用地备案改由乡镇办理" }).first();
    await card.getByText("已阅知 0/2").waitFor();

    // 王芳 of the window is told (in-app, sent by the outbox worker): the notification leads to the notices.
    const clerk = await s.signIn("clerk", { width: 1440 });
    const told = clerk
      .getByTestId("notification-item")
      .filter({ hasText: "政策变更通知：设施农业用地备案改由乡镇办理" });
    await expect
      .poll(
        async () => {
          await clerk.getByTestId("notification-bell").click();
          const seen = await told
            .first()
            .waitFor({ timeout: 2_000 })
            .then(() => true)
            .catch(() => false);
          if (!seen) await clerk.keyboard.press("Escape");
          return seen;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await told.first().click();
    await clerk.waitForURL(/\/policies\?tab=notices/);
    await clerk.getByText("您有 1 条政策变更通知待阅知").waitFor();
    await clerk.getByTestId("notice-ack").click();
    await clerk.getByTestId("notice-acked").waitFor();
    await screenshot(clerk, "policies-notice-acknowledged-1440");

    // Her training record shows the acknowledgement.
    await clerk.goto(s.at("/my/training"));
    await clerk.getByTestId("policy-study").getByTestId("study-notice-done").waitFor();

    // The supervisor sees who has not: 杨洁, not 王芳.
    await sup.reload();
    await card.getByText("已阅知 1/2").waitFor();
    await card.getByTestId("notice-acks").click();
    const acks = sup.getByTestId("notice-acks-list");
    await acks.waitFor();
    expect(await acks.getByTestId("ack-missing").textContent()).toContain("杨洁");
    expect(await acks.getByTestId("ack-done").textContent()).toContain("王芳");
    await screenshot(sup, "policies-who-has-not-1440");

    // A study session takes its documents from the library: title and 文号 filled in.
    await sup.goto(s.at("/supervision/training"));
    await sup.getByTestId("training-new").click();
    await sup.getByTestId("library-picker").click();
    await sup.getByTestId("library-picker").locator("input").fill("不动产登记暂行条例");
    await sup
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "国务院令第656号" })
      .first()
      .click();
    expect(await sup.getByTestId("doc-title-0").inputValue()).toBe("不动产登记暂行条例");

    // The public guide of the item shows the change and its date.
    const visitor = await s.page({ width: 1366 });
    await visitor.goto(s.at("/guide/items/facility-agricultural-land-filing"));
    const change = visitor.getByTestId("guide-policy-change");
    await change.waitFor();
    expect(await change.textContent()).toContain("2026-12-01");
    expect(await change.textContent()).toContain("设施农业用地备案改由乡镇办理");
    await screenshot(visitor, "policies-guide-change-1366");
  });
});
