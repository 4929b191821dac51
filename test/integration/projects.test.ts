import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBody } from "../helpers/cases";
import { at, type Bundle, type Project, uploadFile as upload } from "../helpers/projects";
import { createTestApp, type TestApp } from "../helpers/testApp";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-projects-"));

const BOUNDARY = {
  type: "Polygon",
  coordinates: [
    [
      [117.2001, 32.9701],
      [117.2049, 32.9702],
      [117.2051, 32.9663],
      [117.2003, 32.9661],
      [117.2001, 32.9701],
    ],
  ],
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 30 * 24 * 60 });
});
afterAll(async () => t?.close());

describe("拿地即办证: project, early intervention, bundle, same-day certificates", () => {
  let projectId = "";
  let bundle: Bundle;

  it("the helper opens the project (code validated); the enterprise sees it, another applicant does not", async () => {
    t.clock.set(at("2026-11-16", "10:00"));
    const helper = await t.as("helper");
    const sanmu = await t.as("sanmu");
    const me = await sanmu.get<{ id: string }>("/api/auth/me");
    const body = {
      code: "2026-340321-30-03-018888",
      name: "安徽三木新材料年产5万吨功能新材料项目",
      enterpriseId: me.body.id,
      parcel: {
        location: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
        areaSqm: 53333.5,
        use: "工业用地",
        boundary: BOUNDARY,
      },
    };
    expect((await helper.post("/api/projects", { ...body, code: "2026-34032-30-03-018888" })).status).toBe(
      422,
    );
    expect((await sanmu.post("/api/projects", body)).status).toBe(403);
    const created = await helper.post<Project>("/api/projects", body);
    expect(created.status).toBe(201);
    projectId = created.body.id;
    expect(created.body.abilities).toMatchObject({ recordSiteSurvey: true, fileBundle: true });
    expect((await sanmu.get<Project>(`/api/projects/${projectId}`)).status).toBe(200);
    expect((await (await t.as("citizen")).get(`/api/projects/${projectId}`)).status).toBe(403);
    const list = await sanmu.get<{ items: { id: string }[] }>("/api/projects");
    expect(list.body.items.map((p) => p.id)).toContain(projectId);
  });

  it("early intervention: contact, pre-check of both items, site survey, coordination meeting with action items", async () => {
    t.clock.set(at("2026-11-17", "09:30"));
    const helper = await t.as("helper");
    expect(
      (
        await helper.post(`/api/projects/${projectId}/contacts`, {
          party: "township",
          contactName: "经开区管委会 王主任",
          channel: "电话",
          notes: "确认地块征收及净地交付时间",
        })
      ).status,
    ).toBe(201);
    const shared: Record<string, string> = {};
    for (const code of ["land_grant_contract", "parcel_map"])
      shared[code] = await upload(t, helper, projectId, `${code}.pdf`);
    const own = async (code: string) => [await upload(t, helper, projectId, `${code}.pdf`)];
    const permitChecks = [
      { materialCode: "application_form", status: "pass", fileIds: await own("application_form") },
      { materialCode: "land_grant_contract", status: "pass", fileIds: [shared.land_grant_contract] },
      { materialCode: "parcel_map", status: "pass", fileIds: [shared.parcel_map] },
      { materialCode: "planning_conditions", status: "pass", fileIds: await own("planning_conditions") },
      { materialCode: "project_approval", status: "pass", fileIds: await own("project_approval") },
      {
        materialCode: "site_selection_opinion",
        status: "pass",
        fileIds: await own("site_selection_opinion"),
      },
    ];
    const p1 = await helper.put<Project>(`/api/projects/${projectId}/prechecks`, {
      itemCode: "construction-land-planning-permit",
      checks: permitChecks,
    });
    expect(p1.status).toBe(200);
    // Shared materials (contract, parcel map) are not uploaded again for the registration.
    const p2 = await helper.put<Project>(`/api/projects/${projectId}/prechecks`, {
      itemCode: "state-land-first-registration",
      checks: [
        {
          materialCode: "registration_application",
          status: "pass",
          fileIds: await own("registration_application"),
        },
        {
          materialCode: "land_price_payment_proof",
          status: "pass",
          fileIds: await own("land_price_payment_proof"),
        },
        { materialCode: "cadastral_survey", status: "pass", fileIds: await own("cadastral_survey") },
      ],
    });
    expect(p2.status).toBe(200);
    expect(p2.body.prechecks.filter((c) => c.status === "pass").length).toBeGreaterThanOrEqual(8);
    const wrong = await helper.put(`/api/projects/${projectId}/prechecks`, {
      itemCode: "state-land-first-registration",
      checks: [{ materialCode: "no_such_material", status: "pass" }],
    });
    expect(wrong.status).toBe(422);

    t.clock.set(at("2026-11-18", "15:00"));
    const survey = await helper.post<Project>(`/api/projects/${projectId}/site-surveys`, {
      surveyedOn: "2026-11-18",
      people: ["帮办代办员 孙丽", "规划股 审查员", "用地股 审查员", "企业代表 李三木"],
      findings: "地块已净地，界址与宗地图一致，具备供地条件。",
      photoFileIds: [await upload(t, helper, projectId, "site.pdf")],
    });
    expect(survey.status).toBe(201);
    expect(survey.body.siteSurveys).toHaveLength(1);

    t.clock.set(at("2026-11-19", "10:00"));
    const meeting = await helper.post<Project>(`/api/projects/${projectId}/meetings`, {
      heldOn: "2026-11-19",
      topic: "拿地即办证 协调会",
      attendees: [
        { name: "孙丽", department: "行政审批股" },
        { name: "规划股负责人", department: "规划股" },
        { name: "用地股负责人", department: "用地股" },
        { name: "登记中心负责人", department: "不动产登记中心" },
        { name: "税务所", department: "县税务局" },
      ],
      decisions: ["合同签订当日并联受理两个事项", "契税通过共享数据核验"],
      actionItems: [
        { description: "出具规划条件", owner: "规划股", dueOn: "2026-11-20" },
        { description: "完成权籍调查", owner: "不动产登记中心", dueOn: "2026-11-21" },
      ],
    });
    expect(meeting.status).toBe(201);
    const items = meeting.body.meetings[0].actionItems;
    expect(items.map((a) => a.status)).toEqual(["open", "open"]);
    const done = await helper.post<Project>(
      `/api/projects/${projectId}/action-items/${items[0].id}/complete`,
    );
    expect(done.status).toBe(200);
    expect(done.body.meetings[0].actionItems.find((a) => a.id === items[0].id)?.status).toBe("done");
  });

  it("the contract is recorded at 09:00: both cases are filed and submitted at once, shared files given once", async () => {
    t.clock.set(at("2026-11-24", "09:00"));
    const clerk = await t.as("clerk");
    const res = await clerk.post<{ contract: { source: string }; bundle: Bundle }>(
      `/api/projects/${projectId}/land-contracts`,
      {
        number: "怀土出〔2026〕18号",
        signedAt: at("2026-11-24", "09:00").toISOString(),
        parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
        priceYuan: 12_800_000,
        paymentStatus: "paid",
        forms: { "state-land-first-registration": { unitNumber: "340321003001GB00018W00000000" } },
      },
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.contract.source).toBe("ui");
    bundle = res.body.bundle;
    expect(bundle.template.name).toBe("拿地即办证");
    expect(bundle.cases.map((c) => [c.itemCode, c.status])).toEqual([
      ["construction-land-planning-permit", "submitted"],
      ["state-land-first-registration", "submitted"],
    ]);
    expect(bundle.status).toBe("in_progress");
    const [a, b] = await Promise.all(bundle.cases.map((c) => clerk.get<CaseBody>(`/api/cases/${c.id}`)));
    const fileOf = (c: CaseBody, code: string) =>
      ((c.materials.find((m) => m.code === code)?.files ?? []) as { id: string }[])[0]?.id;
    expect(fileOf(a.body, "land_grant_contract")).toBeDefined();
    expect(fileOf(a.body, "land_grant_contract")).toBe(fileOf(b.body, "land_grant_contract"));
    expect(a.body.materials.find((m) => m.code === "planning_conditions")?.status).toBe("pass");
    // Recording the same contract again files nothing new.
    const again = await clerk.post<{ bundle: Bundle }>(`/api/projects/${projectId}/land-contracts`, {
      number: "怀土出〔2026〕18号",
      signedAt: at("2026-11-24", "09:00").toISOString(),
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 12_800_000,
      paymentStatus: "paid",
    });
    expect(again.body.bundle.id).toBe(bundle.id);
  });

  it("accepted and reviewed in parallel, issued the same day: the measure shows the working hours", async () => {
    const clerk = await t.as("clerk");
    const approver = await t.as("approver");
    t.clock.set(at("2026-11-24", "09:20"));
    const accepted: CaseBody[] = [];
    for (const bc of bundle.cases) {
      const c = (await clerk.get<CaseBody>(`/api/cases/${bc.id}`)).body;
      const checks = c.materials
        .filter((m) => m.required || m.status !== "pending")
        .map((m) => ({ materialCode: m.code, status: "pass" }));
      const checked = await clerk.post<CaseBody>(`/api/cases/${c.id}/material-checks`, {
        expectedVersion: c.version,
        checks,
      });
      expect(checked.status).toBe(200);
      const acc = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, {
        expectedVersion: checked.body.version,
      });
      expect(acc.status).toBe(200);
      accepted.push(acc.body);
    }
    t.clock.set(at("2026-11-24", "10:30"));
    const reviewers: Record<string, string> = {
      "HY-ZRZY-GH": "reviewer-planning",
      "HY-ZRZY-LY": "reviewer-land",
    };
    const reviewed: CaseBody[] = [];
    for (const c of accepted) {
      let cur = c;
      for (const task of c.reviewTasks) {
        const r = await t.as(reviewers[task.orgCode] ?? "reviewer-registry");
        const done = await r.post<CaseBody>(`/api/review-tasks/${task.id}/complete`, {
          expectedVersion: task.version,
          outcome: "approve",
          opinion: "同意",
        });
        expect(done.status).toBe(200);
        cur = done.body;
      }
      reviewed.push(cur);
    }
    t.clock.set(at("2026-11-24", "11:00"));
    const decided: CaseBody[] = [];
    for (const c of reviewed) {
      const d = await approver.post<CaseBody>(`/api/cases/${c.id}/decide`, {
        expectedVersion: c.version,
        outcome: "approve",
        reasons: "符合法定条件",
      });
      expect(d.body.status).toBe("approved");
      decided.push(d.body);
    }
    const [permit, registration] = decided;
    const issuedPermit = await clerk.post<CaseBody>(`/api/cases/${permit.id}/issue`, {
      expectedVersion: permit.version,
    });
    expect(issuedPermit.body.status).toBe("completed");
    const mid = await clerk.get<Bundle>(`/api/bundles/${bundle.id}`);
    expect(mid.body.status).toBe("partially_completed");
    expect(mid.body.measure.workingMinutes).toBeNull();
    // After lunch: fees paid at the window, then the 不动产权证书.
    t.clock.set(at("2026-11-24", "15:00"));
    const fees = await clerk.post<{ assessments: { id: string }[] }>(
      `/api/cases/${registration.id}/fees/assessments`,
      {},
    );
    expect(fees.status).toBe(201);
    const paid = await clerk.post(`/api/cases/${registration.id}/fees/window-payments`, {
      assessmentId: fees.body.assessments[0].id,
      channel: "pos",
      idempotencyKey: "bundle-pos-000001",
    });
    expect(paid.status).toBe(201);
    const cur = await clerk.get<CaseBody>(`/api/cases/${registration.id}`);
    const issuedTitle = await clerk.post<CaseBody>(`/api/cases/${registration.id}/issue`, {
      expectedVersion: cur.body.version,
    });
    expect(issuedTitle.body.status).toBe("completed");

    const final = await clerk.get<Bundle>(`/api/bundles/${bundle.id}`);
    expect(final.body.status).toBe("completed");
    expect(final.body.certificates.map((c) => c.name).sort()).toEqual(
      ["不动产权证书", "建设用地规划许可证"].sort(),
    );
    // 09:00–12:00 and 14:30–15:00: 3.5 working hours, the same day.
    expect(final.body.measure).toMatchObject({ workingMinutes: 210, workingHours: 3.5, sameDay: true });
    const project = await (await t.as("helper")).get<Project>(`/api/projects/${projectId}`);
    expect(project.body.measure[0]).toMatchObject({ workingHours: 3.5, sameDay: true });
    const types = project.body.timeline.map((e) => e.type);
    for (const type of [
      "project.created",
      "project.contact",
      "project.prechecked",
      "project.site_survey",
      "project.meeting",
      "project.land_contract",
      "bundle.filed",
    ])
      expect(types).toContain(type);
    const figures = await (await t.as("supervisor")).get<{ summary: { sameDay: number; completed: number } }>(
      "/api/bundles/measure",
    );
    expect(figures.status).toBe(200);
    expect(figures.body.summary).toMatchObject({ completed: 1, sameDay: 1 });
  });
});
