import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite, pickOption } from "./suite";

const s = e2eSuite();

/** Calls the API with the page's session (and its CSRF token on writes). */
async function call<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "yz_csrf")?.value ?? "";
  const res = await page.request.fetch(s.at(path), {
    method,
    data,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

type Material = {
  code: string;
  source: string;
  status: string;
  files: unknown[];
  sourceLabel: string | null;
};

describe("shared data and referrals", () => {
  it("a registration by sanmu gets the business licence and the deed-tax proof from shared data, without any upload", async () => {
    const page = await s.signIn("sanmu");
    const draft = await call<{ id: string }>(page, "POST", "/api/cases", {
      itemCode: "state-land-first-registration",
      formData: { rightHolder: "安徽三木新材料科技有限公司", rightHolderCode: "91340321MA2T5ABC0H" },
    });
    await page.goto(s.at(`/cases/${draft.id}`));
    await page.getByRole("tab", { name: /材料/ }).click();
    for (const code of ["business_licence", "deed_tax_proof"]) {
      await page.getByTestId(`fetch-shared-${code}`).click();
      await page.getByTestId(`consent-${code}`).click();
      await page.getByTestId(`fetch-shared-${code}`).waitFor({ state: "detached" });
    }
    await screenshot(page, "exchange-case-materials-shared");
    const c = await call<{ materials: Material[] }>(page, "GET", `/api/cases/${draft.id}`);
    for (const code of ["business_licence", "deed_tax_proof"]) {
      const m = c.materials.find((x) => x.code === code) as Material;
      expect(m.source).toBe("shared_data");
      expect(m.files).toHaveLength(1);
      expect(m.sourceLabel).toMatch(/^共享数据：/);
    }
    await page.goto(s.at("/portal/my-data"));
    await page.getByTestId("access-log").getByText("business_licence").waitFor();
    await page.getByTestId("access-log").getByText("deed_tax_proof").waitFor();
    expect(await page.getByTestId("my-profile").textContent()).toContain("91340321MA2T5ABC0H");
    await page.locator("[data-testid=access-log] .ant-spin-blur").waitFor({ state: "detached" });
    await screenshot(page, "exchange-access-log");
  });

  it("a referral from the window to 双桥集镇 is followed to completion by the township account", async () => {
    // The clerk registers the referral at the window (转办登记), through the UI.
    const clerkPage = await s.signIn("clerk");
    await clerkPage.goto(s.at("/workbench"));
    await clerkPage.getByTestId("wb-referrals").click();
    await clerkPage.getByTestId("page-referrals").waitFor();
    await clerkPage.getByTestId("ref-new").click();
    await clerkPage.getByTestId("applicant-search").locator("input").fill("张伟");
    await clerkPage.getByTestId("applicant-search").locator(".ant-input-search-btn").click();
    await clerkPage.getByTestId("applicant-citizen").click();
    await clerkPage.getByTestId("ref-item").click();
    await clerkPage.getByTitle("设施农业用地备案").click();
    await clerkPage.getByTestId("ref-to").click();
    await clerkPage.getByTitle("双桥集镇人民政府").click();
    await clerkPage.getByTestId("ref-location").fill("双桥集镇姚湾村");
    await clerkPage.getByTestId("ref-submit").click();
    await clerkPage.getByTestId("ref-status-sent").waitFor();
    await clerkPage.locator(".ant-modal-wrap").waitFor({ state: "hidden" });
    await screenshot(clerkPage, "exchange-window-referral-registered");
    const listed = await call<{ items: { id: string; itemCode: string; status: string }[] }>(
      clerkPage,
      "GET",
      "/api/referrals",
    );
    const referral = listed.items.find(
      (r) => r.itemCode === "facility-agricultural-land-filing" && r.status === "sent",
    );
    if (!referral) throw new Error("the registered referral is not listed");

    const page = await s.signIn("township");
    await page.goto(s.at("/partner"));
    await page.getByTestId("partner-desk").waitFor();
    await page.getByTestId(`referral-status-${referral.id}`).getByText("已转出").waitFor();
    await screenshot(page, "exchange-partner-referrals");
    for (const [status, note] of [
      ["已接收", "已接收，材料齐全"],
      ["办理中", "村内公示中"],
      ["已办结", "已备案，回执号 双桥设农备〔2026〕7号"],
    ] as const) {
      await page.getByTestId(`report-${referral.id}`).click();
      await pickOption(page, '[data-testid="progress-status"]', status);
      await page.getByTestId("progress-note").fill(note);
      await page.getByTestId("progress-submit").click();
      await page.getByTestId(`referral-status-${referral.id}`).getByText(status).waitFor();
    }
    await page.locator(`[data-row-key="${referral.id}"] .ant-table-row-expand-icon`).click();
    await page.getByText("已备案，回执号", { exact: false }).first().waitFor();
    await screenshot(page, "exchange-partner-referral-done");
    const seen = await call<{ status: string; progress: { status: string }[] }>(
      clerkPage,
      "GET",
      `/api/referrals/${referral.id}`,
    );
    expect(seen.status).toBe("done");
    expect(seen.progress.map((p) => p.status)).toEqual(["sent", "received", "in_progress", "done"]);
  });
});
