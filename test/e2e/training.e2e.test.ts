import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite } from "./suite";

const s = e2eSuite();

/** A screenshot into test-results/ and, where it exists, the team's /work/shots/. */
async function keep(page: Page, name: string) {
  const path = await screenshot(page, name);
  const shots = "/work/shots";
  if (existsSync("/work")) {
    mkdirSync(shots, { recursive: true });
    copyFileSync(path, join(shots, `${name}.png`));
  }
}

describe("training (教育培训)", () => {
  it("the supervisor holds a session for the window, records attendance; the clerk finds it under 我的培训", async () => {
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("nav-training").click();
    await sup.getByTestId("page-training").waitFor();
    // The demo sessions are listed, newest first.
    await sup.getByTestId("training-table").getByText("政务服务“好差评”制度学习").waitFor();
    await keep(sup, "training-sessions-1440");

    await sup.getByTestId("training-new").click();
    await sup.getByTestId("training-topic").fill("一次性告知制度学习");
    await sup.getByTestId("training-date").fill("2026-12-04");
    await sup.getByTestId("training-sections").getByText("县政务服务中心自然资源和规划窗口").click();
    await sup.getByTestId("doc-add").click();
    await sup.getByTestId("doc-title-0").fill("优化营商环境条例");
    await sup.getByTestId("training-record").fill("学习一次性告知要求。");
    await sup.getByTestId("training-save").click();

    // The new session opens with its roster: the window's clerk.
    const session = sup.getByTestId("training-session");
    await session.waitFor();
    const clerkRow = session.locator('[data-testid^="roster-"]', { hasText: "王芳" });
    await clerkRow.getByText("出席").click();
    await sup.getByTestId("attendance-save").click();
    await sup.getByTestId("attendance-saved").waitFor();
    await keep(sup, "training-attendance-1440");

    // The phone-sized page.
    const phone = await s.signIn("supervisor", { width: 390, height: 844, label: "phone" });
    await phone.goto(s.at("/supervision/training"));
    await phone.getByTestId("training-table").getByText("一次性告知制度学习").waitFor();
    await keep(phone, "training-sessions-390");

    // The clerk's own history.
    const clerk = await s.signIn("clerk", { width: 1440 });
    await clerk.getByTestId("user-menu").click();
    await clerk.getByTestId("menu-training").click();
    await clerk.getByTestId("page-my-training").waitFor();
    const history = clerk.getByTestId("training-history");
    await history.getByText("一次性告知制度学习").waitFor();
    expect(await history.textContent()).toContain("不动产登记法规集中学习");
    await keep(clerk, "training-my-1440");
  });
});
