import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { PDF } from "./lifecycleHelpers";
import { confirmPopover, e2eSuite, pickOption } from "./suite";

const ITEM = "建设用地规划许可证核发";

const s = e2eSuite();

type MaterialRow = { code: string; name: string; required: boolean; source: string };

describe("applicant portal", () => {
  it("sanmu applies online, saves a draft, resumes, submits, and the public sees the progress", async () => {
    const page = await s.signIn("sanmu");
    await page.waitForURL(/\/portal$/);
    await page.getByTestId("page-portal").waitFor();
    await page.getByTestId("portal-empty-cases").waitFor();
    await screenshot(page, "portal-list-empty");

    // New application: pick the item; the draft is created.
    await page.getByTestId("portal-new").click();
    await page.getByTestId("item-picker").waitFor();
    await pickOption(page, '[data-testid="item-select"]', ITEM);
    await page.getByTestId("item-start").click();
    await page.waitForURL(/\/portal\/apply\/[0-9a-f-]{36}$/);
    const caseId = page.url().split("/").pop() as string;
    await page.getByTestId("application-form").waitFor();

    // Fill part of the form and save the draft.
    await page.locator("#root_projectName").fill("安徽三木新材料年产5万吨项目");
    await page.locator("#root_projectCode").fill("2026-340321-30-03-012345");
    await page.getByTestId("save-draft").click();
    await page.getByText("草稿已保存").waitFor();

    // Resume from the drafts list.
    await page.goto(s.at("/portal?tab=drafts"));
    await page.getByTestId("portal-drafts").waitFor();
    await page.getByTestId("portal-open-draft").first().click();
    await page.waitForURL(new RegExp(`/portal/apply/${caseId}$`));
    await page.getByTestId("application-form").waitFor();
    expect(await page.locator("#root_projectName").inputValue()).toBe("安徽三木新材料年产5万吨项目");

    // The rest of the form.
    await page.locator("#root_location").fill("怀远县经济开发区涂山路与禹王路交叉口东南侧");
    await page.locator("#root_landArea").fill("53333.5");
    await pickOption(page, ".ant-select:has(#root_landUse)", "工业用地");
    await page.locator("#root_contractNo").fill("怀土出〔2026〕18号");

    // A file that is not a PDF/image is refused with the server's 415 message.
    const materials = (
      (await (await page.request.get(s.at(`/api/cases/${caseId}`))).json()) as { materials: MaterialRow[] }
    ).materials;
    const uploads = materials.filter((m) => m.required && m.source === "upload");
    expect(uploads.length).toBeGreaterThan(0);
    const first = uploads[0] as MaterialRow;
    await page
      .getByTestId(`material-${first.code}`)
      .locator("input[type=file]")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just text") });
    await expect
      .poll(async () => (await page.getByTestId(`material-error-${first.code}`).textContent()) ?? "")
      .toMatch(/PDF|类型|格式/);

    // One PDF per required material.
    for (const m of uploads) {
      const row = page.getByTestId(`material-${m.code}`);
      await row
        .locator("input[type=file]")
        .setInputFiles({ name: `${m.name}.pdf`, mimeType: "application/pdf", buffer: PDF });
      await row.getByTestId("uploaded-file").first().waitFor();
    }
    await screenshot(page, "portal-form");

    // Submit: the case page opens.
    await page.getByTestId("submit-application").click();
    await confirmPopover(page);
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByTestId("case-header").waitFor();
    expect(await page.getByTestId("case-header").getByTestId("status-tag").getAttribute("data-status")).toBe(
      "submitted",
    );
    expect(await page.getByTestId("case-header").getByTestId("clock-tag").getAttribute("data-state")).toBe(
      "not_started",
    );
    const number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
    const queryCode = ((await page.getByTestId("case-query-code").textContent()) ?? "").trim();
    expect(number).toMatch(/^\d{6}-\d{8}-\d{4}$/);
    expect(queryCode.length).toBeGreaterThanOrEqual(4);
    await page.getByTestId("form-data").getByText("项目名称").waitFor();
    await screenshot(page, "case-overview");
    // The applicant sees no command but withdraw.
    expect(await page.getByTestId("action-withdraw").count()).toBe(1);
    expect(await page.getByTestId("action-accept").count()).toBe(0);

    await page.getByTestId("case-tab-materials").click();
    await page.getByTestId("tab-materials").waitFor();
    await page.getByTestId("tab-materials").getByText("共享数据").first().waitFor();
    await screenshot(page, "case-materials");
    await page.getByTestId("case-tab-review").click();
    await page.getByTestId("tab-review").waitFor();
    await screenshot(page, "case-review");
    await page.getByTestId("case-tab-documents").click();
    await page.getByTestId("tab-documents").waitFor();
    await screenshot(page, "case-documents");
    await page.getByTestId("case-tab-timeline").click();
    await page.getByTestId("timeline-chart").locator("canvas").first().waitFor();
    await page.getByTestId("timeline-events").getByText("提交申请").first().waitFor();
    await screenshot(page, "case-timeline");

    // 我的办件: the case with its status and clock.
    await page.goto(s.at("/portal"));
    const row = page.locator(`[data-testid="portal-case-row"][data-number="${number}"]`);
    await row.waitFor();
    const tr = page.locator("tr", { has: row });
    expect(await tr.getByTestId("status-tag").getAttribute("data-status")).toBe("submitted");
    expect(await tr.getByTestId("clock-tag").count()).toBe(1);
    await screenshot(page, "portal-list");

    // The public progress page, without signing in: status, but nothing personal.
    const visitor = await s.page();
    await visitor.goto(s.at("/progress"));
    await visitor.getByTestId("page-progress").waitFor();
    await visitor.getByTestId("progress-number-input").fill(number);
    await visitor.getByTestId("progress-code-input").fill(queryCode);
    await visitor.getByTestId("progress-search").click();
    await visitor.getByTestId("progress-result").waitFor();
    expect(await visitor.getByTestId("progress-item").textContent()).toBe(ITEM);
    expect(
      await visitor.getByTestId("progress-result").getByTestId("status-tag").getAttribute("data-status"),
    ).toBe("submitted");
    const text = (await visitor.getByTestId("progress-result").textContent()) ?? "";
    for (const personal of ["安徽三木", "李三木", "13905521234", "91340321MA2T5ABC0H", "涂山路18号"])
      expect(text).not.toContain(personal);
    await screenshot(visitor, "public-progress");

    // A wrong query code finds nothing.
    await visitor.getByTestId("progress-code-input").fill("WRONG123");
    await visitor.getByTestId("progress-search").click();
    await visitor.getByTestId("progress-error").waitFor();
  });
});
