import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { type ApiCase, ApiClient, PDF, shot } from "./lifecycleHelpers";
import { e2eSuite } from "./suite";

/*
 * 拿地即办证 (issue 6) in Chromium: the demo project of 安徽三木新材料 (seeded with the helper assigned),
 * materials pre-checked, a site survey recorded on the project page and an action item closed there;
 * the contract is recorded, both cases filed at once, reviewed in parallel and issued; the project page
 * shows the bundle, its timeline and the working hours. Then a second project: its stage advanced on the
 * page (a stale page refused first), its land delivered (交地即交证 filed at once), and the page in
 * English. The server runs on the real clock.
 */

/** One server and one browser for the file; every test ends with no page error seen. */
const s = e2eSuite();

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
    const helper = await ApiClient.as(s.url, "helper");
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
    const clerk = await ApiClient.as(s.url, "clerk");
    const recorded = { bundle: (await clerk.ok<ProjectBody>("GET", `/api/projects/${pid}`)).bundles[0] };
    expect(recorded.bundle.cases).toHaveLength(2);
    const reviewers: Record<string, string> = {
      "HY-ZRZY-GH": "reviewer-planning",
      "HY-ZRZY-LY": "reviewer-land",
    };
    const approver = await ApiClient.as(s.url, "approver");
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
        const r = await ApiClient.as(s.url, reviewers[task.orgCode] ?? "reviewer-registry");
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

  it("the stage advanced on the page (a stale page refused first); the land delivery files 交地即交证", async () => {
    const helper = await ApiClient.as(s.url, "helper");
    const sanmu = await ApiClient.as(s.url, "sanmu");
    const me = await sanmu.ok<{ id: string }>("GET", "/api/auth/me");
    const created = await helper.ok<{ id: string; version: number }>("POST", "/api/projects", {
      code: "2026-340321-30-03-015555",
      name: "安徽三木新材料研发中心项目",
      enterpriseId: me.id,
      parcel: { location: "怀远县经济开发区禹王路与淮河路交叉口西北侧", areaSqm: 26666.7, use: "工业用地" },
    });
    const pid = created.id;
    const file = (name: string) => uploadProjectFile(helper, pid, `${name}.pdf`);
    // One upload at a time: identical bytes stored at the same instant collide in the file store.
    const passAll = async (codes: string[]) => {
      const checks = [];
      for (const code of codes)
        checks.push({ materialCode: code, status: "pass", fileIds: [await file(code)] });
      return checks;
    };
    await helper.ok("PUT", `/api/projects/${pid}/prechecks`, {
      itemCode: "construction-land-planning-permit",
      checks: await passAll([
        "application_form",
        "land_grant_contract",
        "parcel_map",
        "planning_conditions",
        "project_approval",
      ]),
    });
    await helper.ok("PUT", `/api/projects/${pid}/prechecks`, {
      itemCode: "state-land-first-registration",
      checks: await passAll(["registration_application", "land_price_payment_proof", "cadastral_survey"]),
    });

    // The helper opens the page; meanwhile the approver moves the stage on: the page is stale.
    const page = await s.signIn("helper");
    await page.goto(s.at(`/projects/${pid}`));
    const stage = page.getByTestId("project-stage");
    await page.locator('[data-testid="project-stage"][data-stage="land_planning"]').waitFor();
    const approver = await ApiClient.as(s.url, "approver");
    await approver.ok("POST", `/api/projects/${pid}/stage`, {
      expectedVersion: created.version,
      note: "建设用地规划许可证已核发",
    });
    await page.getByTestId("stage-advance").click();
    const modal = page.getByTestId("stage-modal");
    await modal.waitFor();
    await page.getByTestId("stage-note").fill("工程规划许可证已核发");
    await page.getByTestId("stage-modal-ok").click();
    // Refused (409): the modal closes, the page shows the stage as it is now and says why.
    await stage.getByTestId("stage-conflict").getByText("已被他人修改").waitFor();
    await modal.waitFor({ state: "detached" });
    await page.locator('[data-testid="project-stage"][data-stage="engineering_permit"]').waitFor();
    await shot(page, "projects-stage-conflict");
    await page.getByTestId("stage-advance").click();
    await page.getByTestId("stage-modal").waitFor();
    await page.getByTestId("stage-note").fill("建设工程规划许可证已核发（建字第340321202600031号）");
    await page.getByTestId("stage-modal-ok").click();
    await page.locator('[data-testid="project-stage"][data-stage="construction_permit"]').waitFor();
    await page.getByTestId("stage-modal").waitFor({ state: "detached" });
    expect(await stage.getByTestId("stage-conflict").count()).toBe(0);
    await expect.poll(() => stage.locator(".ant-steps-item-process").textContent()).toContain("施工许可");
    await page.getByTestId("project-timeline").getByText("建字第340321202600031号").waitFor();

    // The window records the land delivery: both cases of 交地即交证 are filed at once.
    const desk = await s.signIn("clerk");
    await desk.goto(s.at(`/projects/${pid}`));
    await desk.getByTestId("delivery-form").waitFor();
    await desk.getByTestId("delivery-number").fill("怀经开交〔2026〕8号");
    await desk.getByTestId("delivery-contract").fill("怀土出〔2026〕88号");
    await desk.getByTestId("delivery-note").fill("净地交付，界址点现场确认无误");
    await desk.getByTestId("delivery-submit").click();
    await desk.getByTestId("delivery-filed").waitFor();
    const card = desk.locator(
      '[data-testid="bundle-card"][data-template="land-delivered-certificates-issued"]',
    );
    await card.waitFor();
    await card.getByTestId("bundle-timeline").getByText("交地确认书 怀经开交〔2026〕8号").waitFor();
    const rows = desk.getByTestId("project-deliveries").locator(".ant-table-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await desk.getByTestId("project-deliveries").locator(".ant-tag", { hasText: "已一次申请" }).waitFor();
    await shot(desk, "projects-land-delivery");
    const body = await helper.ok<ProjectBody & { stage: string }>("GET", `/api/projects/${pid}`);
    expect(body.stage).toBe("construction_permit");
    expect(body.bundles[0].cases).toHaveLength(2);

    // The same page in English for an approver who prefers it; data stays as entered.
    await approver.ok("PUT", "/api/auth/me/preferences", { locale: "en-US" });
    const en = await s.signIn("approver");
    await en.goto(s.at(`/projects/${pid}`));
    await en.getByTestId("project-stage").getByText("Project stage").waitFor();
    await en.getByTestId("project-deliveries").getByText("Confirmation number").first().waitFor();
    await en
      .getByTestId("project-timeline")
      .getByText("Land delivery 怀经开交〔2026〕8号", { exact: false })
      .waitFor();
    await shot(en, "projects-project-page-en");
  });
});
