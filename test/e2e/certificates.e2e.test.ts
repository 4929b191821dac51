import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REG_FORM } from "../helpers/forms";
import { type ApiCase, ApiClient } from "./lifecycleHelpers";
import { e2eSuite, shot } from "./suite";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-e2e-"));

// The QR code carries the public URL of this deployment (test/e2e/server.ts sets it to the server's).
const sessions = e2eSuite();

/** A 国有建设用地使用权首次登记 case taken to approval through the API, fees assessed by the clerk. */
async function approvedWithFees(): Promise<ApiCase> {
  const sanmu = await ApiClient.as(sessions.url, "sanmu");
  let c = await sanmu.ok<ApiCase>("POST", "/api/cases", {
    itemCode: "state-land-first-registration",
    formData: REG_FORM,
  });
  for (const m of c.materials.filter((x) => x.required && x.source === "upload"))
    c = await sanmu.upload(c.id, m.code, `${m.name}.pdf`);
  c = await sanmu.ok<ApiCase>("POST", `/api/cases/${c.id}/submit`, { expectedVersion: c.version });
  const clerk = await ApiClient.as(sessions.url, "clerk");
  c = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/material-checks`, {
    expectedVersion: c.version,
    checks: c.materials.map((m) => ({ materialCode: m.code, status: "pass" })),
  });
  c = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/accept`, { expectedVersion: c.version });
  const reviewer = await ApiClient.as(sessions.url, "reviewer-registry");
  const task = c.reviewTasks[0];
  c = await reviewer.ok<ApiCase>("POST", `/api/review-tasks/${task.id}/complete`, {
    expectedVersion: task.version,
    outcome: "approve",
    opinion: "权属清楚",
  });
  const approver = await ApiClient.as(sessions.url, "approver");
  c = await approver.ok<ApiCase>("POST", `/api/cases/${c.id}/decide`, {
    expectedVersion: c.version,
    outcome: "approve",
    reasons: "准予登记",
  });
  await clerk.ok("POST", `/api/cases/${c.id}/fees/assessments`, {});
  const refused = await clerk.request("POST", `/api/cases/${c.id}/issue`, { expectedVersion: c.version });
  expect(refused.status).toBe(422);
  return c;
}

describe("fees, online payment, certificate and its QR link", () => {
  it("sanmu pays online in the simulator, the window issues, the wallet holds the certificate and its QR link says valid", async () => {
    const c = await approvedWithFees();
    const page = await sessions.signIn("sanmu");
    await page.goto(sessions.at(`/cases/${c.id}`));
    await page.getByTestId("fee-panel").waitFor();
    await expect.poll(() => page.getByTestId("fees-total").textContent()).toBe("¥560.00");
    await page.getByTestId("fee-panel").scrollIntoViewIfNeeded();
    await shot(page, "fees-case-unpaid");

    await page.getByTestId("fees-pay-online").click();
    await page.getByTestId("page-simulator").waitFor();
    await expect.poll(() => page.getByTestId("simulator-amount").textContent()).toBe("¥560.00");
    await shot(page, "fees-simulator");
    await page.getByTestId("simulator-pay").click();
    await page.getByTestId("simulator-paid").waitFor();
    await page.getByTestId("simulator-back").click();
    await page.getByTestId("fee-panel").waitFor();
    await expect.poll(() => page.getByTestId("fees-state").textContent()).toBe("已缴清");
    await page.getByTestId("payment-receipt").waitFor();
    await shot(page, "fees-case-paid");

    // The window issues the certificate (the server refused it while unpaid).
    const clerk = await ApiClient.as(sessions.url, "clerk");
    const cur = await clerk.ok<ApiCase>("GET", `/api/cases/${c.id}`);
    const issued = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/issue`, {
      expectedVersion: cur.version,
    });
    expect(issued.status).toBe("completed");

    await page.goto(sessions.at("/portal/wallet"));
    await page.getByTestId("certificate-card").first().waitFor();
    expect(await page.getByTestId("certificate-status").first().textContent()).toBe("有效");
    await shot(page, "wallet");

    // The QR code's link: the same URL the PDF prints, opened as a member of the public would.
    const wallet = await ApiClient.as(sessions.url, "sanmu").then((a) =>
      a.ok<{ items: { verifyUrl: string; number: string }[] }>("GET", "/api/wallet"),
    );
    const qrLink = wallet.items[0].verifyUrl;
    expect(qrLink.startsWith(`${sessions.url}/verify?`)).toBe(true);
    const pub = await sessions.page({ label: "visitor" });
    await pub.goto(qrLink);
    await pub.getByTestId("verify-result").waitFor();
    expect(await pub.getByTestId("verify-result").getAttribute("data-result")).toBe("valid");
    expect(await pub.getByTestId("verify-valid").textContent()).toContain("有效 · Valid");
    expect(await pub.locator("body").textContent()).toContain(wallet.items[0].number);
    await shot(pub, "verify-valid");

    // A forged link (digest changed) is answered "tampered".
    await pub.goto(qrLink.replace(/&d=[0-9a-f]+/, "&d=0000000000000000"));
    await pub.getByTestId("verify-tampered").waitFor();
    await shot(pub, "verify-tampered");
  });

  it("on a phone the wallet's certificate shows its whole name and status, the links below them", async () => {
    const page = await sessions.signIn("sanmu", { width: 390, height: 844 });
    await page.goto(sessions.at("/portal/wallet"));
    const card = page.getByTestId("certificate-card").first();
    await card.waitFor();
    const title = card.locator(".ant-card-head-title");
    // Nothing of the title is cut off (links beside it had left the name a few characters).
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const titleBox = await title.boundingBox();
    const pdfBox = await card.getByTestId("certificate-pdf").boundingBox();
    expect(pdfBox && titleBox && pdfBox.y >= titleBox.y + titleBox.height).toBe(true);
  });

  it("a case page labels the form with the item's field titles, and says so when they cannot be loaded", async () => {
    const page = await sessions.signIn("sanmu");
    const wallet = await ApiClient.as(sessions.url, "sanmu").then((a) =>
      a.ok<{ items: { caseId: string }[] }>("GET", "/api/wallet"),
    );
    const caseId = wallet.items[0].caseId;
    const labels = () =>
      page.getByTestId("form-data").locator(".ant-descriptions-item-label").allTextContents();
    await page.goto(sessions.at(`/cases/${caseId}`));
    await page.getByTestId("form-data").waitFor();
    const titled = await labels();
    expect(titled.length).toBeGreaterThan(0);
    const codes = (ls: string[]) => ls.filter((l) => /^[A-Za-z]+$/.test(l));
    expect(titled.some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    // The item's form cannot be loaded: a warning and a retry, the values under their codes.
    await page.route("**/api/catalog/items/**", (r) =>
      r.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: '{"title":"down","status":503}',
      }),
    );
    await page.reload();
    await page.getByText("表单字段名称未能载入").waitFor({ timeout: 30_000 });
    expect(codes(await labels()).length).toBeGreaterThan(codes(titled).length);
    await page.unroute("**/api/catalog/items/**");
    await page.getByRole("button", { name: /重\s*试/ }).click();
    await page.getByText("表单字段名称未能载入").waitFor({ state: "detached" });
    expect(await labels()).toEqual(titled);
    // The failed loads were the test's own doing.
    sessions.errors.splice(0);
  });
});
