import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS_DIR } from "./browser";
import { ApiClient, pickOption, shot } from "./lifecycleHelpers";
import { e2eSuite } from "./suite";

/*
 * Issue 11, point 13 in Chromium: the helper names the demo project's land-transfer body (土地出让机构)
 * on the project page; then that body's system account records the land-grant contract through the
 * API, and the tax office's account is refused. Desktop and 390 px, Chinese and English.
 */
const s = e2eSuite();

const contract = (number: string) => ({
  number,
  signedAt: new Date().toISOString(),
  parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
  priceYuan: 12_800_000,
  paymentStatus: "paid",
});

describe("the land-transfer body of a project", () => {
  it("the helper names it on the project page; only that body's system then records the contract", async () => {
    const helperApi = await ApiClient.as(s.url, "helper");
    const list = await helperApi.ok<{ items: { id: string; code: string }[] }>("GET", "/api/projects");
    const pid = list.items.find((p) => p.code === "2026-340321-30-03-012345")?.id as string;
    // None named yet: no outside account records on the project.
    const township = await ApiClient.as(s.url, "township");
    expect(
      (await township.request("POST", `/api/projects/${pid}/land-contracts`, contract("怀土出〔2026〕90号")))
        .status,
    ).toBe(403);

    const page = await s.signIn("helper");
    await page.goto(s.at(`/projects/${pid}`));
    const box = page.getByTestId("land-transfer-org");
    await box.getByText("未指定").waitFor();
    await page.getByTestId("land-transfer-edit").click();
    await pickOption(page, "[data-testid=land-transfer-select]", "双桥集镇人民政府");
    await shot(page, "project-land-transfer-edit");
    await page.getByTestId("land-transfer-save").click();
    await page.getByTestId("land-transfer-org").getByText("双桥集镇人民政府").waitFor();
    await page.getByTestId("project-timeline").getByText("土地出让机构：双桥集镇人民政府").waitFor();
    await shot(page, "project-land-transfer");

    const recorded = await township.request<{ contract: { source: string } }>(
      "POST",
      `/api/projects/${pid}/land-contracts`,
      contract("怀土出〔2026〕90号"),
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.contract.source).toBe("api");
    const tax = await ApiClient.as(s.url, "tax");
    expect(
      (await tax.request("POST", `/api/projects/${pid}/land-contracts`, contract("怀土出〔2026〕91号")))
        .status,
    ).toBe(403);

    // A phone-width page and the English page show the same.
    const narrow = await s.signIn("helper", { width: 390, height: 844 });
    await narrow.goto(s.at(`/projects/${pid}`));
    await narrow.getByTestId("land-transfer-org").getByText("双桥集镇人民政府").waitFor();
    await shot(narrow, "project-land-transfer-390");
    await narrow
      .locator(".ant-card", { has: narrow.getByTestId("land-transfer-org") })
      .screenshot({ path: join(RESULTS_DIR, "project-land-transfer-390-card.png") });
    const approver = await ApiClient.as(s.url, "approver");
    await approver.ok("PUT", "/api/auth/me/preferences", { locale: "en-US" });
    const en = await s.signIn("approver", { locale: "en-US" });
    await en.goto(s.at(`/projects/${pid}`));
    await en.getByText("Land-transfer body", { exact: true }).waitFor();
    await en.getByTestId("project-timeline").getByText("Land-transfer body: 双桥集镇人民政府").waitFor();
    await shot(en, "project-land-transfer-en");
  }, 180_000);
});
