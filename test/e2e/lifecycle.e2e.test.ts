import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type ApiCase, ApiClient, PDF } from "./lifecycleHelpers";
import { confirmPopover, e2eSuite, pickOption, shot } from "./suite";

/*
 * The case lifecycle of issue 5 ("Done when") through the UI in Chromium. The server runs on the real
 * clock, so deadlines are read from what the pages show, never fixed dates. Drafts and uploads of the
 * online application are made through the API (the applicant portal is tested elsewhere); every
 * decision of the window, the departments and the approver is taken on the screens.
 */

const s = e2eSuite();

const api = (username: string) => ApiClient.as(s.url, username);
const statusOf = (page: Page) => page.getByTestId("status-tag").first();

/** Waits until the case page shows `status`. */
async function caseStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="status-tag"][data-status="${status}"]`).first().waitFor();
}

/** Opens a case from the window's queue tab and returns its row. */
async function queueRow(page: Page, queue: string, number: string) {
  await page.goto(s.at(`/workbench?queue=${queue}`));
  const row = page.locator(`[data-testid="queue-table-${queue}"] tr[data-case-number="${number}"]`);
  await row.waitFor();
  return row;
}

/** Sets the verdict of one material on the checklist. */
async function verdict(page: Page, code: string, label: "通过" | "缺少" | "不符合", note?: string) {
  await page.getByTestId(`check-row-${code}`).locator("label", { hasText: label }).click();
  if (note) await page.getByTestId(`note-${code}`).fill(note);
}

/** A reviewer approves their department's task for `number` in the inbox (claiming it first if asked). */
async function approveInInbox(page: Page, number: string, opinion: string, claim: boolean, name: string) {
  await page.goto(s.at("/inbox"));
  const row = page.locator(`[data-testid="inbox-table"] tr[data-case-number="${number}"]`);
  await row.waitFor();
  if (claim) {
    await row.getByTestId("task-claim").click();
    await row.locator('[data-testid="task-status"][data-status="claimed"]').waitFor();
  }
  await shot(page, `${name}-inbox`);
  await row.getByTestId("task-approve").click();
  await page.getByTestId("opinion").fill(opinion);
  await page.getByTestId("complete-modal-ok").click();
  await row.waitFor({ state: "detached" });
}

describe("the case lifecycle in the browser", () => {
  it("承诺件: online application → one correction → acceptance → parallel review → special procedure → decision → issue", async () => {
    // The applicant's draft and uploads through the API; the submission on the case page.
    const sanmuApi = await api("sanmu");
    const draft = await sanmuApi.landPermitDraft();
    const sanmu = await s.signIn("sanmu");
    await sanmu.goto(s.at(`/cases/${draft.id}`));
    await sanmu.getByTestId("action-submit").click();
    await confirmPopover(sanmu);
    await caseStatus(sanmu, "submitted");
    await shot(sanmu, "lifecycle-01-applicant-submitted");

    // The window: the case waits in 待审核 with its check due date; the clerk marks the red-line map defective.
    const clerk = await s.signIn("clerk");
    const row = await queueRow(clerk, "awaiting_check", draft.number);
    expect(await row.getByTestId("check-due").count()).toBe(1);
    await shot(clerk, "lifecycle-02-workbench-awaiting-check");
    await row.getByTestId("queue-case-link").click();
    await clerk.getByTestId("page-check").waitFor();
    await clerk.getByTestId("source-shared").first().waitFor();
    await verdict(clerk, "parcel_map", "不符合", "坐标系不是2000国家大地坐标系");
    await shot(clerk, "lifecycle-03-checklist-defective");
    await clerk.getByTestId("action-correction").click();
    const notice = clerk.getByTestId("correction-modal");
    await notice.getByTestId("correction-item-parcel_map").waitFor();
    expect(await notice.locator('[data-testid^="correction-item-"]').count()).toBe(1);
    await shot(clerk, "lifecycle-04-correction-notice");
    await clerk.getByTestId("correction-modal-ok").click();
    await clerk.locator('[data-testid="check-outcome"][data-outcome="corrected"]').waitFor();
    await shot(clerk, "lifecycle-05-correction-sent");
    await queueRow(clerk, "corrections", draft.number);

    // The applicant uploads the corrected map (API) and resubmits on the case page.
    await sanmuApi.upload(draft.id, "parcel_map", "用地红线图（修正）.pdf");
    await sanmu.goto(s.at(`/cases/${draft.id}`));
    await sanmu.getByTestId("action-resubmit").click();
    await confirmPopover(sanmu);
    await caseStatus(sanmu, "submitted");

    // The window accepts: rows passed in the first check are locked, only the map is checked again.
    const again = await queueRow(clerk, "awaiting_check", draft.number);
    await again.getByTestId("queue-case-link").click();
    await clerk.getByTestId("page-check").waitFor();
    // The page may first show the cached case of the first round (closed for checking): the actions
    // appear once the resubmitted version has loaded; verdicts set before that would be reset by it.
    await clerk.getByTestId("action-accept").waitFor();
    await clerk.getByTestId("check-row-application_form").getByText("已在前次核验中通过").waitFor();
    await verdict(clerk, "parcel_map", "通过");
    await shot(clerk, "lifecycle-06-checklist-second-round");
    await clerk.getByTestId("action-accept").click();
    await clerk.getByTestId("accept-modal-ok").click();
    await clerk.locator('[data-testid="check-outcome"][data-outcome="accepted"]').waitFor();
    await shot(clerk, "lifecycle-07-accepted");
    await clerk.getByTestId("outcome-case-link").click();
    await clerk.waitForURL(new RegExp(`/cases/${draft.id}$`));
    await caseStatus(clerk, "in_review");
    const deadline = await clerk.getByTestId("clock-tag").first().textContent();
    expect(deadline).toMatch(/\d{4}-\d{2}-\d{2}|\d+/);

    // Two departments review in parallel, each in its own inbox.
    const planning = await s.signIn("reviewer-planning");
    await approveInInbox(planning, draft.number, "符合规划条件", true, "lifecycle-08-planning");
    const land = await s.signIn("reviewer-land");
    await approveInInbox(land, draft.number, "用地符合土地利用总体规划", false, "lifecycle-09-land");

    // The approver finds it under 待决定, suspends for an expert review (clock paused), resumes, decides.
    const approver = await s.signIn("approver");
    await approver.goto(s.at("/inbox?tab=decide"));
    const pending = approver.locator(`[data-testid="decision-table"] tr[data-case-number="${draft.number}"]`);
    await pending.waitFor();
    await shot(approver, "lifecycle-10-approver-to-decide");
    await pending.getByTestId("decision-case-link").click();
    await caseStatus(approver, "in_review");
    await approver.getByTestId("action-suspend").click();
    await approver.getByTestId("modal-suspend").waitFor();
    await pickOption(approver, '[data-testid="modal-suspend"] .ant-select', "专家");
    await approver.locator('[data-testid="modal-suspend"] .ant-select').getByText("专家").waitFor();
    await approver.locator('[data-testid="modal-suspend"] textarea').fill("用地规模需专家论证");
    await approver.locator('[data-testid="modal-suspend"] input.ant-input-number-input').fill("3");
    await approver.getByTestId("modal-ok-suspend").click();
    await caseStatus(approver, "suspended");
    await approver.locator('[data-testid="clock-tag"][data-state="paused"]').first().waitFor();
    await shot(approver, "lifecycle-11-suspended-clock-paused");
    await approver.getByTestId("action-resume").click();
    await approver.getByTestId("modal-resume").waitFor();
    await approver.locator('[data-testid="modal-resume"] textarea').fill("专家论证通过");
    await approver.getByTestId("modal-ok-resume").click();
    await caseStatus(approver, "in_review");
    // Suspended and resumed the same day: still on the record of the clock (issue 11, point 5).
    await approver.getByTestId("pauses").getByText("专家论证通过").waitFor();
    expect(await approver.locator('[data-testid="clock-tag"][data-state="paused"]').count()).toBe(0);
    await approver.getByTestId("action-decide").click();
    await approver.getByTestId("decide-reasons").fill("符合法定条件和标准，准予许可");
    await approver.getByTestId("modal-ok-decide").click();
    await caseStatus(approver, "approved");
    // The decision (准予行政许可决定书) can be printed right after the act (issue 15 item 4).
    const print = approver.getByTestId("new-documents").getByTestId("print-approval_decision");
    expect(await print.textContent()).toContain("打印");
    expect(await print.getAttribute("href")).toMatch(/\/documents\/[^/]+\/pdf$/);
    await shot(approver, "lifecycle-12-approved");

    // The window issues: 已办结.
    const ready = await queueRow(clerk, "ready_to_issue", draft.number);
    await shot(clerk, "lifecycle-13-ready-to-issue");
    await ready.getByTestId("queue-issue").click();
    await clerk.getByTestId("queue-issue-ok").click();
    await ready.waitFor({ state: "detached" });
    await clerk.goto(s.at(`/cases/${draft.id}`));
    await caseStatus(clerk, "completed");
    expect(await statusOf(clerk).textContent()).toContain("已办结");
    await shot(clerk, "lifecycle-14-completed");
  }, 240_000);

  it("即办件: the clerk files for a citizen at the window and finishes it on the spot, in one visit", async () => {
    const clerk = await s.signIn("clerk");
    await clerk.goto(s.at("/workbench"));
    await clerk.getByTestId("wb-intake").click();
    await clerk.getByTestId("applicant-search").locator("input").fill("张伟");
    await clerk.getByTestId("applicant-search").locator(".ant-input-search-btn").click();
    await clerk.getByTestId("applicant-citizen").click();
    await shot(clerk, "instant-01-applicant");
    await clerk.getByTestId("intake-next").click();
    await pickOption(clerk, '[data-testid="intake-item"]', "不动产登记资料查询");
    await clerk.getByTestId("intake-next").click();
    const form = clerk.getByTestId("intake-form");
    await form.waitFor();
    await pickOption(clerk, "#root_applicantRole", "权利人");
    await pickOption(clerk, "#root_queryScope", "登记结果");
    await clerk.locator("#root_purpose").fill("办理贷款");
    await shot(clerk, "instant-02-form");
    await clerk.getByTestId("intake-save-form").click();
    await clerk.getByTestId("intake-materials").waitFor();
    for (const code of ["inquiry_application", "identity"]) {
      const chooser = clerk.waitForEvent("filechooser");
      await clerk.getByTestId(`upload-${code}`).click();
      await (await chooser).setFiles({ name: `${code}.pdf`, mimeType: "application/pdf", buffer: PDF });
      await clerk.getByTestId(`intake-material-${code}`).getByText(`${code}.pdf`).waitFor();
    }
    await shot(clerk, "instant-03-materials");
    await clerk.getByTestId("intake-submit").click();
    await clerk.getByTestId("page-check").waitFor();
    await shot(clerk, "instant-04-checklist");
    await clerk.getByTestId("action-finish").click();
    await clerk.getByTestId("finish-modal-ok").click();
    await clerk.locator('[data-testid="check-outcome"][data-outcome="finished"]').waitFor();
    await shot(clerk, "instant-05-finished");
    await clerk.getByTestId("outcome-case-link").click();
    await caseStatus(clerk, "completed");
    await shot(clerk, "instant-06-case-completed");
  }, 120_000);

  it("refusals: 403 for another department, 409 for a stale version, 422 for a material off the list", async () => {
    // Setup through the API: one case in review (two tasks), one awaiting the check.
    const sanmuApi = await api("sanmu");
    const clerkApi = await api("clerk");
    let c = await sanmuApi.landPermitDraft();
    c = await sanmuApi.ok<ApiCase>("POST", `/api/cases/${c.id}/submit`, { expectedVersion: c.version });
    c = await clerkApi.ok<ApiCase>("POST", `/api/cases/${c.id}/material-checks`, {
      expectedVersion: c.version,
      checks: c.materials.map((m) => ({ materialCode: m.code, status: "pass" })),
    });
    c = await clerkApi.ok<ApiCase>("POST", `/api/cases/${c.id}/accept`, { expectedVersion: c.version });
    const planningTask = c.reviewTasks.find((t) => t.orgCode === "HY-ZRZY-GH");
    expect(planningTask).toBeDefined();

    // 403: the registry centre does not see the planning task, and may not claim it.
    const registry = await s.signIn("reviewer-registry");
    await registry.goto(s.at("/inbox"));
    // Wait until the inbox has loaded, so that "no row" means "not shown", not "not loaded yet".
    await registry.locator('[data-testid="inbox-table"][data-loading="false"]').waitFor();
    expect(await registry.locator(`tr[data-case-number="${c.number}"]`).count()).toBe(0);
    const refused = await registry.evaluate(async (taskId) => {
      const csrf = document.cookie.match(/yz_csrf=([^;]+)/)?.[1] ?? "";
      const res = await fetch(`/api/review-tasks/${taskId}/claim`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify({ expectedVersion: 1 }),
      });
      return { status: res.status, body: await res.json() };
    }, planningTask?.id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    await shot(registry, "refusal-403-registry-inbox");

    // 409: the same inbox open twice; claimed in one, the stale one's approval is refused.
    const first = await s.signIn("reviewer-planning");
    const second = await s.signIn("reviewer-planning");
    for (const p of [first, second]) {
      await p.goto(s.at("/inbox"));
      await p.locator(`tr[data-case-number="${c.number}"]`).waitFor();
    }
    const firstRow = first.locator(`tr[data-case-number="${c.number}"]`);
    await firstRow.getByTestId("task-claim").click();
    await firstRow.locator('[data-testid="task-status"][data-status="claimed"]').waitFor();
    const staleRow = second.locator(`tr[data-case-number="${c.number}"]`);
    await staleRow.getByTestId("task-approve").click();
    await second.getByTestId("opinion").fill("符合");
    await second.getByTestId("complete-modal-ok").click();
    await second
      .getByTestId("complete-modal")
      .getByTestId("action-error")
      .getByText("已被他人修改")
      .waitFor();
    await shot(second, "refusal-409-stale-version");

    // 422: a correction naming a material off the item's list, sent from the checklist page itself.
    const d = await sanmuApi.landPermitDraft();
    const submitted = await sanmuApi.ok<ApiCase>("POST", `/api/cases/${d.id}/submit`, {
      expectedVersion: d.version,
    });
    const clerk = await s.signIn("clerk");
    await clerk.goto(s.at(`/workbench/cases/${d.id}/check`));
    await clerk.getByTestId("page-check").waitFor();
    // The screen offers only the listed materials: one row each, nothing to type a material into.
    // The rows arrive with the case query, after the page frame: wait for them before counting.
    const checkRows = clerk.locator('[data-testid^="check-row-"]');
    await checkRows.first().waitFor();
    expect(await checkRows.count()).toBe(submitted.materials.length);
    const offList = await clerk.evaluate(
      async ({ id, version }) => {
        const csrf = document.cookie.match(/yz_csrf=([^;]+)/)?.[1] ?? "";
        const res = await fetch(`/api/cases/${id}/correction`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify({
            expectedVersion: version,
            items: [{ materialCode: "environmental_report", problem: "missing" }],
          }),
        });
        return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
      },
      { id: d.id, version: submitted.version },
    );
    expect(offList.status).toBe(422);
    expect(offList.type).toContain("application/problem+json");
    expect(offList.body.errors[0]).toMatchObject({
      field: "items[0].materialCode",
      code: "material_not_on_list",
    });
    await shot(clerk, "refusal-422-checklist");
  }, 120_000);
});
