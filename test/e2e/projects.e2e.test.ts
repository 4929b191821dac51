import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { type ApiCase, ApiClient, PDF, Sessions, shot } from "./lifecycleHelpers";
import { startTestServer, type TestServer } from "./server";

/*
 * 拿地即办证 (issue 6) in Chromium: the demo project of 安徽三木新材料 (seeded with the helper assigned),
 * materials pre-checked, a site survey recorded on the project page and an action item closed there;
 * the contract is recorded, both cases filed at once, reviewed in parallel and issued; the project page
 * shows the bundle, its timeline and the working hours. The server runs on the real clock.
 */

let server: TestServer;
let browser: Browser;
const s = new Sessions(
  () => browser,
  () => server.url,
);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterEach(async () => {
  await s.closeAll();
  expect(s.errors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type ProjectBody = { id: string; code: string; bundles: { id: string; cases: { id: string }[] }[] };

async function uploadProjectFile(helper: ApiClient, projectId: string, name: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([PDF], { type: "application/pdf" }), name);
  const res = await helper.request<{ fileId: string }>(
    "POST",
    `/api/projects/${projectId}/files`,
    undefined,
    form,
  );
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status}`);
  return res.body.fileId;
}

describe("拿地即办证 through the helper's project page", () => {
  it("pre-check, survey, meeting, contract → both certificates; the project page shows the hours", async () => {
    const helper = await ApiClient.as(server.url, "helper");
    const list = await helper.ok<{ items: { id: string; code: string }[] }>("GET", "/api/projects");
    const project = list.items.find((p) => p.code === "2026-340321-30-03-012345");
    expect(project).toBeDefined();
    const pid = project?.id as string;
    const file = (name: string) => uploadProjectFile(helper, pid, `${name}.pdf`);
    const shared = { land_grant_contract: await file("出让合同"), parcel_map: await file("宗地图") };
    const pass = async (code: string, fileId?: string) => ({
      materialCode: code,
      status: "pass",
      fileIds: [fileId ?? (await file(code))],
    });
    await helper.ok("PUT", `/api/projects/${pid}/prechecks`, {
      itemCode: "construction-land-planning-permit",
      checks: [
        await pass("land_grant_contract", shared.land_grant_contract),
        await pass("parcel_map", shared.parcel_map),
        await pass("planning_conditions"),
        await pass("project_approval"),
      ],
    });
    await helper.ok("PUT", `/api/projects/${pid}/prechecks`, {
      itemCode: "state-land-first-registration",
      checks: [
        await pass("registration_application"),
        await pass("land_price_payment_proof"),
        await pass("cadastral_survey"),
      ],
    });

    // The helper's screens: the list, a site survey and an action item done on the project page.
    const page = await s.signIn("helper");
    await page.goto(s.at("/helper"));
    await page.getByTestId("projects-table").getByText("安徽三木新材料年产5万吨功能新材料项目").click();
    await page.getByTestId("page-project").waitFor();
    await page.getByTestId("boundary-map").waitFor();
    // The application form is pre-checked on the page (file chosen → pass), then saved.
    await page.getByTestId("precheck-file-application_form").setInputFiles({
      name: "申请表.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    const save = page.getByTestId("precheck-save");
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await page.getByTestId("project-timeline").getByText("（1/1 项通过）").waitFor();
    await page.getByTestId("survey-people").fill("孙丽、规划股、登记中心");
    await page.getByTestId("survey-findings").fill("复核界址，与宗地图一致");
    await page.getByTestId("survey-submit").click();
    await page.getByText("复核界址，与宗地图一致").first().waitFor();
    await page.getByTestId("action-done").first().click();
    await page.getByTestId("project-meetings").getByText("已完成").first().waitFor();

    // A coordination meeting recorded on the page.
    await page.getByTestId("meeting-topic").fill("供地前联合会商");
    await page
      .getByTestId("meeting-attendees")
      .fill("孙丽/行政审批和营商环境股\n王工/国土空间规划股\n赵工/不动产登记中心");
    await page.getByTestId("meeting-actions").fill("确认宗地界址点坐标/不动产登记中心/2026-12-31");
    await page.getByTestId("meeting-submit").click();
    await page.getByText("确认宗地界址点坐标（不动产登记中心，2026-12-31）").waitFor();

    // The window clerk records the contract on the project page: both cases are filed at once.
    const desk = await s.signIn("clerk");
    await desk.goto(s.at(`/projects/${pid}`));
    await desk.getByTestId("contract-number").fill("怀土出〔2026〕18号");
    await desk.getByTestId("contract-price").fill("12800000");
    await desk.getByTestId("contract-unit").fill("340321003001GB00018W00000000");
    await desk.getByTestId("contract-submit").click();
    await desk.getByTestId("bundle-card").waitFor();
    const clerk = await ApiClient.as(server.url, "clerk");
    const recorded = { bundle: (await clerk.ok<ProjectBody>("GET", `/api/projects/${pid}`)).bundles[0] };
    expect(recorded.bundle.cases).toHaveLength(2);
    const reviewers: Record<string, string> = {
      "HY-ZRZY-GH": "reviewer-planning",
      "HY-ZRZY-LY": "reviewer-land",
    };
    const approver = await ApiClient.as(server.url, "approver");
    for (const bc of recorded.bundle.cases) {
      let c = await clerk.ok<ApiCase & { materials: { code: string; status: string; required: boolean }[] }>(
        "GET",
        `/api/cases/${bc.id}`,
      );
      const checks = c.materials
        .filter((m) => m.required || m.status !== "pending")
        .map((m) => ({ materialCode: m.code, status: "pass" }));
      c = await clerk.ok("POST", `/api/cases/${c.id}/material-checks`, {
        expectedVersion: c.version,
        checks,
      });
      c = await clerk.ok("POST", `/api/cases/${c.id}/accept`, { expectedVersion: c.version });
      for (const task of c.reviewTasks) {
        const r = await ApiClient.as(server.url, reviewers[task.orgCode] ?? "reviewer-registry");
        c = await r.ok("POST", `/api/review-tasks/${task.id}/complete`, {
          expectedVersion: task.version,
          outcome: "approve",
          opinion: "同意",
        });
      }
      c = await approver.ok("POST", `/api/cases/${c.id}/decide`, {
        expectedVersion: c.version,
        outcome: "approve",
        reasons: "符合法定条件",
      });
      const fees = await clerk.request<{ assessments: { id: string; totalFen: number; status: string }[] }>(
        "POST",
        `/api/cases/${c.id}/fees/assessments`,
        {},
      );
      const open = fees.body.assessments?.find((a) => a.totalFen > 0 && a.status !== "paid");
      if (fees.status === 201 && open) {
        await clerk.ok("POST", `/api/cases/${c.id}/fees/window-payments`, {
          assessmentId: open.id,
          channel: "pos",
          idempotencyKey: `e2e-bundle-${c.id.slice(-12)}`,
        });
        c = await clerk.ok("GET", `/api/cases/${c.id}`);
      }
      c = await clerk.ok("POST", `/api/cases/${c.id}/issue`, { expectedVersion: c.version });
      expect(c.status).toBe("completed");
    }

    await page.goto(s.at(`/projects/${pid}`));
    const card = page.locator('[data-testid="bundle-card"][data-bundle-status="completed"]');
    await card.waitFor();
    await page.getByTestId("measure-hours").waitFor();
    expect(await page.getByTestId("measure-hours").textContent()).toMatch(/工作小时/);
    await shot(page, "projects-project-page");
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: await screenshot(page, "projects-bundle-timeline").then((p) => p) });
    // The supervisor's figures: the bundle counted as done the same day.
    const sup = await s.signIn("supervisor");
    await sup.goto(s.at("/dashboard"));
    await sup.getByTestId("bundle-measure-card").getByText("当日", { exact: true }).waitFor();
    await shot(sup, "projects-supervisor-measure");
    const body = await helper.ok<ProjectBody>("GET", `/api/projects/${pid}`);
    expect(body.bundles[0].cases).toHaveLength(2);
  });
});
