import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type ApiCase, ApiClient, LAND_PERMIT_FORM, PDF } from "./lifecycleHelpers";
import { confirmPopover, e2eSuite, pickOption, shot } from "./suite";

/*
 * The window of issue 11 in Chromium, on the real clock: a walk-in applicant registered at the counter
 * and filed for; a 即办件 whose ¥10 工本费 is assessed and paid at the window before it is finished on
 * the spot; a 容缺 case accepted with a missing red-line map that the applicant delivers later, the
 * window checks, and the approver decides only then. Every step under test is taken on the screens.
 */

const s = e2eSuite();
const api = (username: string) => ApiClient.as(s.url, username);

/** Waits until the page shows the case in `status`. */
async function caseStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="status-tag"][data-status="${status}"]`).first().waitFor();
}

/** A screenshot at the desktop width the page has, and one at 390 px (a phone), then back. */
async function shotBoth(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-desktop`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  if (size) await page.setViewportSize(size);
}

/** Uploads the test PDF through the file chooser the button opens. */
async function chooseFile(page: Page, testId: string, name: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({ name, mimeType: "application/pdf", buffer: PDF });
}

/** Fills the intake form of 不动产登记资料查询 and uploads its two materials. */
async function inquiryFormAndMaterials(clerk: Page): Promise<void> {
  await clerk.getByTestId("intake-form").waitFor();
  await pickOption(clerk, "#root_applicantRole", "权利人");
  await pickOption(clerk, "#root_queryScope", "登记结果");
  await clerk.locator("#root_purpose").fill("办理贷款");
  await clerk.getByTestId("intake-save-form").click();
  await clerk.getByTestId("intake-materials").waitFor();
  for (const code of ["inquiry_application", "identity"]) {
    await chooseFile(clerk, `upload-${code}`, `${code}.pdf`);
    await clerk.getByTestId(`intake-material-${code}`).getByText(`${code}.pdf`).waitFor();
  }
}

describe("the window of issue 11 in the browser", () => {
  it("walk-in (代录): nobody found, registered on the spot with checked identifiers, filed at once", async () => {
    const clerk = await s.signIn("clerk");
    await clerk.goto(s.at("/workbench/intake"));
    const search = clerk.getByTestId("applicant-search");
    await search.locator("input").fill("340321199203154411");
    await search.locator(".ant-input-search-btn").click();
    await clerk.getByTestId("applicant-none").waitFor();
    await shotBoth(clerk, "walkin-01-nobody-found");
    // The same screens in English.
    await clerk.getByTestId("lang-toggle").click();
    await clerk.getByTestId("walkin-register").click();
    await clerk.getByTestId("walkin-form").getByText("Resident ID number").waitFor();
    await shot(clerk, "walkin-01b-form-en");
    await clerk.keyboard.press("Escape");
    await clerk.getByTestId("walkin-form").waitFor({ state: "detached" });
    await clerk.getByTestId("lang-toggle").click();
    await clerk.getByTestId("walkin-register").getByText("登记新申请人").waitFor();

    // The search text fills the ID number; a typo is caught on the field before anything is sent.
    await clerk.getByTestId("walkin-register").click();
    const form = clerk.getByTestId("walkin-form");
    await form.waitFor();
    expect(await clerk.getByTestId("walkin-idNumber").inputValue()).toBe("340321199203154411");
    await clerk.getByTestId("walkin-idNumber").fill("340321199203154412");
    await clerk.getByTestId("walkin-name").fill("刘洋");
    await clerk.getByTestId("walkin-phone").fill("13955201234");
    await clerk.getByTestId("walkin-address").fill("怀远县城关镇涂山路18号");
    await clerk.getByTestId("walkin-ok").click();
    await form.getByText("校验码不符").waitFor();
    await shotBoth(clerk, "walkin-02-check-digit-refused");

    // The ID number of a registered person: the server says so and offers that applicant (masked).
    await clerk.getByTestId("walkin-idNumber").fill("340321198503122011");
    await clerk.getByTestId("walkin-ok").click();
    await clerk.getByTestId("walkin-existing").getByText("3403**********2011").waitFor();
    await shot(clerk, "walkin-03-already-registered");

    // The right number: registered, and the intake goes straight on to the item for 刘洋.
    await clerk.getByTestId("walkin-idNumber").fill("340321199203154411");
    await clerk.getByTestId("walkin-ok").click();
    await clerk.getByTestId("intake-item").waitFor();
    await clerk.getByText("刘洋").first().waitFor();
    await pickOption(clerk, '[data-testid="intake-item"]', "不动产登记资料查询");
    await clerk.getByTestId("intake-next").click();
    await inquiryFormAndMaterials(clerk);
    await clerk.getByTestId("intake-submit").click();
    await clerk.getByTestId("page-check").waitFor();
    await clerk.getByText("刘洋").first().waitFor();
    await shot(clerk, "walkin-04-filed-checklist");

    // The applicant account exists: the window finds it by name next time, identifiers masked.
    const found = await (await api("clerk")).ok<{ items: { name: string; idNumberMasked: string }[] }>(
      "GET",
      `/api/applicants?q=${encodeURIComponent("刘洋")}`,
    );
    expect(found.items).toEqual([
      expect.objectContaining({ name: "刘洋", idNumberMasked: "3403**********4411" }),
    ]);
  }, 180_000);

  it("即办件 with a fee: assessed, paid in cash at the window, then finished on the spot", async () => {
    const clerk = await s.signIn("clerk");
    await clerk.goto(s.at("/workbench/intake"));
    const search = clerk.getByTestId("applicant-search");
    await search.locator("input").fill("张伟");
    await search.locator(".ant-input-search-btn").click();
    await clerk
      .locator('[data-testid="applicant-picker"] tr[data-applicant-id]', { hasText: "张伟" })
      .click();
    await clerk.getByTestId("intake-next").click();
    await pickOption(clerk, '[data-testid="intake-item"]', "不动产权证书换发");
    await clerk.getByTestId("intake-next").click();
    await clerk.getByTestId("intake-form").waitFor();
    await clerk.locator("#root_rightHolder").fill("张伟");
    await clerk.locator("#root_certificateNo").fill("皖（2024）怀远县不动产权第0001234号");
    await clerk.locator("#root_location").fill("怀远县城关镇禹王路88号");
    await pickOption(clerk, "#root_reason", "污损");
    // The original predates Yizhan's register: the window transcribes what the new certificate states.
    await clerk.locator("#root_rightType").fill("国有建设用地使用权/房屋所有权");
    await clerk.locator("#root_rightNature").fill("出让/市场化商品房");
    await clerk.locator("#root_housingType").fill("住宅");
    await clerk.locator("#root_buildingArea").fill("118.5");
    await clerk.getByTestId("intake-save-form").click();
    await clerk.getByTestId("intake-materials").waitFor();
    for (const code of ["registration_application", "identity", "damaged_certificate"]) {
      await chooseFile(clerk, `upload-${code}`, `${code}.pdf`);
      await clerk.getByTestId(`intake-material-${code}`).getByText(`${code}.pdf`).waitFor();
    }
    await clerk.getByTestId("intake-submit").click();
    await clerk.getByTestId("page-check").waitFor();
    await clerk.getByTestId("action-finish").click();

    // The dialog holds the fees: finishing waits until they are assessed and paid.
    const modal = clerk.getByTestId("finish-modal");
    await modal.locator('[data-testid="spot-fees-state"][data-settled="false"]').waitFor();
    expect(await clerk.getByTestId("finish-modal-ok").isDisabled()).toBe(true);
    await shotBoth(clerk, "spot-01-fees-required");
    await modal.getByTestId("fees-assess").click();
    expect(await modal.getByTestId("fees-total").textContent()).toBe("¥10.00");
    await modal.getByTestId("fees-pay-cash").click();
    await modal.locator('[data-testid="spot-fees-state"][data-settled="true"]').waitFor();
    await modal.getByTestId("payment-receipt").waitFor();
    await shotBoth(clerk, "spot-02-fees-paid");
    await clerk.getByTestId("finish-modal-ok").click();
    await clerk.locator('[data-testid="check-outcome"][data-outcome="finished"]').waitFor();
    await clerk.getByTestId("outcome-case-link").click();
    await caseStatus(clerk, "completed");
    await clerk
      .locator('[data-testid="fee-panel"] [data-testid="payment-row"][data-status="paid"]')
      .waitFor();
    await shot(clerk, "spot-03-completed-paid");
  }, 180_000);

  it("容缺: accepted with the map missing, delivered by the applicant, checked by the window, then decided and issued", async () => {
    // The applicant leaves the deferrable red-line map out of the upload and submits on the case page.
    const sanmuApi = await api("sanmu");
    let draft = await sanmuApi.ok<ApiCase>("POST", "/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
    });
    for (const m of draft.materials.filter(
      (x) => x.required && x.source === "upload" && x.code !== "parcel_map",
    ))
      draft = await sanmuApi.upload(draft.id, m.code, `${m.name}.pdf`);
    const sanmu = await s.signIn("sanmu");
    await sanmu.goto(s.at(`/cases/${draft.id}`));
    await sanmu.getByTestId("action-submit").click();
    await confirmPopover(sanmu);
    await caseStatus(sanmu, "submitted");

    // The window: the map is missing, the item lets it be deferred; accepted with the commitment.
    const clerk = await s.signIn("clerk");
    await clerk.goto(s.at(`/workbench/cases/${draft.id}/check`));
    await clerk.getByTestId("page-check").waitFor();
    await clerk.getByTestId("action-accept").getByText("容缺").waitFor();
    await clerk.getByTestId("action-accept").click();
    const defer = clerk.getByTestId("defer-parcel_map");
    await defer.waitFor();
    await defer.getByRole("checkbox").check();
    await shot(clerk, "deferred-01-accept-with-commitment");
    await clerk.getByTestId("accept-modal-ok").click();
    await clerk.locator('[data-testid="check-outcome"][data-outcome="accepted"]').waitFor();

    // The 容缺待补 queue lists it with its due date.
    await clerk.goto(s.at("/workbench?queue=deferred"));
    const row = clerk.locator(`[data-testid="queue-table-deferred"] tr[data-case-number="${draft.number}"]`);
    await row.getByTestId("queue-owed").waitFor();
    await shotBoth(clerk, "deferred-02-queue");

    // Both departments approve (API); the approver's approval is refused while the map is owed.
    const clerkApi = await api("clerk");
    let c = await clerkApi.ok<ApiCase>("GET", `/api/cases/${draft.id}`);
    for (const [user, org] of [
      ["reviewer-planning", "HY-ZRZY-GH"],
      ["reviewer-land", "HY-ZRZY-LY"],
    ] as const) {
      const task = c.reviewTasks.find((x) => x.orgCode === org);
      c = await (await api(user)).ok<ApiCase>("POST", `/api/review-tasks/${task?.id}/complete`, {
        expectedVersion: task?.version,
        outcome: "approve",
        opinion: "同意",
      });
    }
    const approver = await s.signIn("approver");
    await approver.goto(s.at(`/cases/${draft.id}`));
    await approver.getByTestId("deferred-materials").waitFor();
    await approver.getByTestId("action-decide").click();
    await approver.getByTestId("decide-reasons").fill("符合法定条件和标准，准予许可");
    await approver.getByTestId("modal-ok-decide").click();
    await approver.getByText("尚未补齐").first().waitFor();
    await shot(approver, "deferred-03-decision-refused");
    await approver.keyboard.press("Escape");

    // The applicant sees what is owed and by when, and delivers it from the case page.
    await sanmu.goto(s.at(`/cases/${draft.id}`));
    await sanmu.getByTestId("deferred-owed").waitFor();
    await shotBoth(sanmu, "deferred-04-applicant-owes");
    await chooseFile(sanmu, "deferred-upload-parcel_map", "用地红线图.pdf");
    await sanmu.locator('[data-testid="deferred-status-parcel_map"][data-status="provided"]').waitFor();
    // The same card in English.
    await sanmu.getByTestId("lang-toggle").click();
    await sanmu.getByTestId("deferred-materials").getByText("Delivered, to be checked").waitFor();
    await shot(sanmu, "deferred-04b-applicant-delivered-en");
    await sanmu.getByTestId("lang-toggle").click();
    await sanmu.getByTestId("deferred-materials").getByText("已补交，待核验").waitFor();

    // The window checks it: passed; nothing is owed any more.
    await clerk.goto(s.at(`/cases/${draft.id}`));
    await clerk.locator('[data-testid="deferred-status-parcel_map"][data-status="provided"]').waitFor();
    await shot(clerk, "deferred-05-window-checks");
    await clerk.getByTestId("deferred-pass-parcel_map").click();
    await clerk.getByTestId("deferred-pass-ok").click();
    await clerk.getByTestId("deferred-done").waitFor();

    // Now the approver decides, and the window issues.
    await approver.goto(s.at(`/cases/${draft.id}`));
    await approver.getByTestId("deferred-done").waitFor();
    await approver.getByTestId("action-decide").click();
    await approver.getByTestId("decide-reasons").fill("符合法定条件和标准，准予许可");
    await approver.getByTestId("modal-ok-decide").click();
    await caseStatus(approver, "approved");
    await clerk.goto(s.at(`/cases/${draft.id}`));
    await clerk.getByTestId("action-issue").click();
    await confirmPopover(clerk);
    await caseStatus(clerk, "completed");
    await shotBoth(clerk, "deferred-06-completed");
  }, 240_000);
});
