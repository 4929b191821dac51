import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdf } from "../../src/adapters/pdf/extractText";
import {
  acceptedCase,
  type CaseBody,
  draftWithMaterials,
  LAND_PERMIT_FORM,
  PDF,
  passAll,
  submit,
} from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = {
  code: string;
  status: number;
  field?: string;
  errors?: { field: string; code: string }[];
  message: Record<string, string>;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * A land-permit case in review (accepted, both departments' tasks open), built by the factory: for the
 * tests whose subject comes after acceptance. The tests of the path itself walk it over HTTP.
 */
async function inReview() {
  const applicant = await t.as("sanmu");
  const clerk = await t.as("clerk");
  const c = await caseRead(t, "in_review", applicant);
  expect(c.status).toBe("in_review");
  return { c, applicant, clerk };
}

describe("intake", () => {
  it("an applicant starts a draft, saves it, uploads materials (type checked by content) and submits", async () => {
    const applicant = await t.as("sanmu");
    const created = await applicant.post<CaseBody>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: { projectName: "草稿项目" },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("draft");
    expect(created.body.number).toMatch(/^340321-\d{8}-\d{4}$/);
    const saved = await applicant.patch<CaseBody>(`/api/cases/${created.body.id}`, {
      expectedVersion: created.body.version,
      formData: LAND_PERMIT_FORM,
    });
    expect(saved.status).toBe(200);
    const notPdf = await applicant.upload<Problem>(
      `/api/cases/${created.body.id}/materials/application_form/files`,
      "fake.pdf",
      Buffer.from("just text, not a pdf"),
    );
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.code).toBe("unsupported_file_type");
    const offList = await applicant.upload<Problem>(
      `/api/cases/${created.body.id}/materials/tax_return/files`,
      "x.pdf",
      PDF,
    );
    expect(offList.status).toBe(422);
    const early = await applicant.post<Problem>(`/api/cases/${created.body.id}/submit`, {
      expectedVersion: saved.body.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.errors?.map((e) => e.field)).toContain("materials.application_form");
    const c = await draftWithMaterials(t, applicant);
    const submitted = await submit(applicant, c);
    expect(submitted.status).toBe("submitted");
    expect(submitted.receivedOn).toBe("2026-11-24");
  });

  it("the form is validated against the item's JSON Schema, naming fields", async () => {
    const applicant = await t.as("sanmu");
    const c = await draftWithMaterials(t, applicant, "construction-land-planning-permit", {
      ...LAND_PERMIT_FORM,
      projectCode: "bad",
      landArea: -1,
    });
    const res = await applicant.post<Problem>(`/api/cases/${c.id}/submit`, { expectedVersion: c.version });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual([
      "formData.landArea",
      "formData.projectCode",
    ]);
    expect(res.body.message["zh-CN"]).toContain("投资项目统一代码");
  });

  it("a clerk files at the window on an applicant's behalf", async () => {
    const clerk = await t.as("clerk");
    const admin = await t.as("admin");
    const users = await admin.get<{ items: { id: string; username: string }[] }>("/api/users");
    const citizen = users.body.items.find((u) => u.username === "citizen");
    const res = await clerk.post<
      CaseBody & { channel: string; applicant: { name: string; idNumber: string } }
    >("/api/cases", {
      itemCode: "real-estate-records-inquiry",
      applicantId: citizen?.id,
      formData: {},
    });
    expect(res.status).toBe(201);
    expect(res.body.channel).toBe("window");
    expect(res.body.applicant.name).toBe("张伟");
    expect(res.body.applicant.idNumber).toBe("340321198503122011");
  });

  it("an item handled by township governments is not filed at the bureau (refer instead)", async () => {
    const res = await (await t.as("citizen")).post<Problem>("/api/cases", {
      itemCode: "facility-agricultural-land-filing",
      formData: {},
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("outside_competence");
  });
});

describe("one-time notice (一次性告知) and 不刁", () => {
  it("a correction notice lists every problem; materials off the list are refused (422); passed ones cannot be named again", async () => {
    const applicant = await t.as("sanmu");
    const clerk = await t.as("clerk");
    let c = await submit(applicant, await draftWithMaterials(t, applicant));
    const offList = await clerk.post<Problem>(`/api/cases/${c.id}/correction`, {
      expectedVersion: c.version,
      items: [
        { materialCode: "parcel_map", problem: "defective" },
        { materialCode: "environmental_report", problem: "missing" },
      ],
    });
    expect(offList.status).toBe(422);
    expect(offList.body.errors?.[0]).toMatchObject({
      field: "items[1].materialCode",
      code: "material_not_on_list",
    });
    const checked = await clerk.post<CaseBody>(`/api/cases/${c.id}/material-checks`, {
      expectedVersion: c.version,
      checks: [
        { materialCode: "application_form", status: "pass" },
        { materialCode: "land_grant_contract", status: "pass" },
        { materialCode: "planning_conditions", status: "pass" },
        { materialCode: "parcel_map", status: "defective", note: "坐标系不是2000国家大地坐标系" },
        { materialCode: "project_approval", status: "pass" },
      ],
    });
    expect(checked.status).toBe(200);
    c = checked.body;
    const passedAgain = await clerk.post<Problem>(`/api/cases/${c.id}/correction`, {
      expectedVersion: c.version,
      items: [
        { materialCode: "parcel_map", problem: "defective" },
        { materialCode: "application_form", problem: "defective" },
      ],
    });
    expect(passedAgain.status).toBe(422);
    expect(passedAgain.body.errors?.[0].code).toBe("material_already_passed");
    const notice = await clerk.post<CaseBody>(`/api/cases/${c.id}/correction`, {
      expectedVersion: c.version,
      items: [{ materialCode: "parcel_map", problem: "defective", note: "坐标系不是2000国家大地坐标系" }],
    });
    expect(notice.status).toBe(200);
    expect(notice.body.status).toBe("correction_requested");
    expect(notice.body.documents.map((d) => d.kind)).toEqual(["correction"]);
    expect(notice.body.documents[0].number).toMatch(/^怀自然资补〔2026〕\d+号$/);
    // The applicant uploads the corrected map and resubmits; the clerk cannot fail a passed material.
    const up = await applicant.upload<{ case: CaseBody }>(
      `/api/cases/${c.id}/materials/parcel_map/files`,
      "宗地图.pdf",
      PDF,
    );
    expect(up.status).toBe(201);
    const re = await applicant.post<CaseBody>(`/api/cases/${c.id}/resubmit`, {
      expectedVersion: up.body.case.version,
    });
    expect(re.body.status).toBe("submitted");
    const flip = await clerk.post<Problem>(`/api/cases/${c.id}/material-checks`, {
      expectedVersion: re.body.version,
      checks: [{ materialCode: "application_form", status: "defective" }],
    });
    expect(flip.status).toBe(422);
    expect(flip.body.errors?.[0].code).toBe("material_already_passed");
  });
});

describe("acceptance, parallel review, clock", () => {
  it("acceptance starts the clock and opens one task per department in parallel", async () => {
    const { c } = await acceptedCase(t);
    expect(c.status).toBe("in_review");
    expect(c.acceptedOn).toBe("2026-11-24");
    // promised limit 3 working days from Tuesday 2026-11-24 → Friday 2026-11-27
    expect(c.clock.deadline).toBe("2026-11-27");
    expect(c.clock.state).toBe("normal");
    expect(c.reviewTasks.map((r) => [r.orgCode, r.status])).toEqual([
      ["HY-ZRZY-LY", "open"],
      ["HY-ZRZY-GH", "open"],
    ]);
    expect(c.documents.map((d) => d.kind)).toContain("acceptance");
  });

  it("written notices are numbered PDFs with Chinese text, downloadable by the applicant, not by others", async () => {
    const { c, applicant } = await inReview();
    const doc = c.documents.find((d) => d.kind === "acceptance");
    expect(doc?.number).toMatch(/^怀自然资受〔2026〕\d+号$/);
    const raw = await t.app.inject({
      method: "GET",
      url: `/api/cases/${c.id}/documents/${doc?.id}/pdf`,
      headers: { cookie: applicant.cookieHeader() },
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers["content-type"]).toBe("application/pdf");
    const pdf = await extractPdf(raw.rawPayload);
    expect(pdf.text).toContain("受理通知书");
    expect(pdf.text).toContain(doc?.number);
    expect(pdf.text).toContain("安徽三木新材料科技有限公司");
    expect(pdf.text).toContain("建设用地规划许可证核发");
    expect((await (await t.as("citizen")).get(`/api/cases/${c.id}/documents/${doc?.id}/pdf`)).status).toBe(
      403,
    );
  });

  it("容缺: a deferrable material may be missing with a commitment; a key one may not", async () => {
    const applicant = await t.as("sanmu");
    const clerk = await t.as("clerk");
    let c = await submit(applicant, await draftWithMaterials(t, applicant));
    c = (
      await clerk.post<CaseBody>(`/api/cases/${c.id}/material-checks`, {
        expectedVersion: c.version,
        checks: [
          { materialCode: "application_form", status: "pass" },
          { materialCode: "land_grant_contract", status: "missing" },
          { materialCode: "planning_conditions", status: "pass" },
          { materialCode: "parcel_map", status: "missing" },
          { materialCode: "project_approval", status: "pass" },
        ],
      })
    ).body;
    const key = await clerk.post<Problem>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      deferred: [{ materialCode: "land_grant_contract", dueOn: "2026-11-25", commitmentSigned: true }],
    });
    expect(key.status).toBe(422);
    expect(key.body.errors?.map((e) => e.code)).toContain("deferral_not_allowed");
    const contractPassed = await clerk.post<CaseBody>(`/api/cases/${c.id}/material-checks`, {
      expectedVersion: c.version,
      checks: [{ materialCode: "land_grant_contract", status: "pass" }],
    });
    const ok = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, {
      expectedVersion: contractPassed.body.version,
      deferred: [{ materialCode: "parcel_map", dueOn: "2026-11-25", commitmentSigned: true }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.materials.find((m) => m.code === "parcel_map")?.status).toBe("deferred");
  });

  it("reviewers see their department's tasks; another department gets 403; a stale version 409", async () => {
    const { c } = await inReview();
    const planning = await t.as("reviewer-planning");
    const registry = await t.as("reviewer-registry");
    const inbox = await planning.get<{ items: { id: string; caseId: string; version: number }[] }>(
      "/api/review-tasks",
    );
    const task = inbox.body.items.find((i) => i.caseId === c.id);
    expect(task).toBeDefined();
    expect(
      (await registry.get<{ items: { caseId: string }[] }>("/api/review-tasks")).body.items.some(
        (i) => i.caseId === c.id,
      ),
    ).toBe(false);
    expect(
      (await registry.post(`/api/review-tasks/${task?.id}/claim`, { expectedVersion: task?.version })).status,
    ).toBe(403);
    expect(
      (
        await registry.post(`/api/review-tasks/${task?.id}/complete`, {
          expectedVersion: task?.version,
          outcome: "approve",
          opinion: "x",
        })
      ).status,
    ).toBe(403);
    const claimed = await planning.post<{ version: number }>(`/api/review-tasks/${task?.id}/claim`, {
      expectedVersion: task?.version,
    });
    expect(claimed.status).toBe(200);
    const stale = await planning.post<Problem>(`/api/review-tasks/${task?.id}/complete`, {
      expectedVersion: task?.version,
      outcome: "approve",
      opinion: "符合",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
  });

  it("a special procedure stops the clock; the deadline moves by exactly the paused working days", async () => {
    const { c } = await inReview();
    expect(c.clock.deadline).toBe("2026-11-27");
    try {
      // Suspended on Wednesday 11-25, resumed Monday 11-30: paused Wed, Thu, Fri = 3 working days.
      t.clock.set("2026-11-25T01:00:00Z");
      const s = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/suspend`, {
        expectedVersion: c.version,
        kind: "expert_review",
        reason: "用地规模需专家论证",
        expectedDays: 3,
      });
      expect(s.status).toBe(200);
      expect(s.body.status).toBe("suspended");
      expect(s.body.clock.state).toBe("paused");
      expect(s.body.documents.map((d) => d.kind)).toContain("special_procedure");
      t.clock.set("2026-11-30T01:00:00Z");
      const r = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/resume`, {
        expectedVersion: s.body.version,
        result: "专家论证通过",
      });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe("in_review");
      expect(r.body.clock.pausedWorkingDays).toBe(3);
      expect(r.body.clock.deadline).toBe("2026-12-02");
    } finally {
      t.clock.set("2026-11-24T01:00:00Z");
    }
  });

  it("extension: approver only, once, within the legal maximum", async () => {
    const { c, clerk } = await inReview();
    const approver = await t.as("approver");
    expect(
      (await clerk.post(`/api/cases/${c.id}/extend`, { expectedVersion: c.version, days: 5, reason: "复杂" }))
        .status,
    ).toBe(403);
    const tooLong = await approver.post<Problem>(`/api/cases/${c.id}/extend`, {
      expectedVersion: c.version,
      days: 11,
      reason: "复杂",
    });
    expect(tooLong.status).toBe(422);
    const ok = await approver.post<CaseBody>(`/api/cases/${c.id}/extend`, {
      expectedVersion: c.version,
      days: 10,
      reason: "涉及多部门协调",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.clock.deadline).toBe("2026-12-11");
    const twice = await approver.post<Problem>(`/api/cases/${c.id}/extend`, {
      expectedVersion: ok.body.version,
      days: 1,
      reason: "再延",
    });
    expect(twice.body.errors?.[0].code).toBe("already_extended");
  });

  it("two concurrent changes of one case: exactly one wins, the other gets 409", async () => {
    const { c } = await inReview();
    const approver = await t.as("approver");
    const [a, b] = await Promise.all([
      approver.post(`/api/cases/${c.id}/extend`, { expectedVersion: c.version, days: 2, reason: "甲" }),
      approver.post(`/api/cases/${c.id}/suspend`, {
        expectedVersion: c.version,
        kind: "public_notice",
        reason: "公示",
        expectedDays: 1,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe("review to completion", () => {
  it("both departments approve, the approver decides, the window issues; returns are counted", async () => {
    const { c, clerk, applicant } = await acceptedCase(t);
    const planning = await t.as("reviewer-planning");
    const land = await t.as("reviewer-land");
    const approver = await t.as("approver");
    const task = (cb: CaseBody, org: string) =>
      cb.reviewTasks.find((r) => r.orgCode === org) as CaseBody["reviewTasks"][number];
    const early = await approver.post<Problem>(`/api/cases/${c.id}/decide`, {
      expectedVersion: c.version,
      outcome: "approve",
      reasons: "符合",
    });
    expect(early.body.errors?.[0].code).toBe("review_open");
    // The land section returns its task to the lead (planning): counted.
    const lt = task(c, "HY-ZRZY-LY");
    let r = await land.post<CaseBody>(`/api/review-tasks/${lt.id}/complete`, {
      expectedVersion: lt.version,
      outcome: "return",
      opinion: "请规划股核实容积率",
    });
    expect(r.status).toBe(200);
    expect(r.body.returnsCount).toBe(1);
    const pt = task(r.body, "HY-ZRZY-GH");
    r = await planning.post<CaseBody>(`/api/review-tasks/${pt.id}/complete`, {
      expectedVersion: pt.version,
      outcome: "approve",
      opinion: "符合规划条件",
    });
    expect(r.status).toBe(200);
    const lt2 = task(r.body, "HY-ZRZY-LY");
    r = await land.post<CaseBody>(`/api/review-tasks/${lt2.id}/complete`, {
      expectedVersion: lt2.version,
      outcome: "approve",
      opinion: "用地符合",
    });
    expect(r.body.reviewTasks.every((x) => x.status === "approved")).toBe(true);
    expect(
      (
        await applicant.post(`/api/cases/${c.id}/decide`, {
          expectedVersion: r.body.version,
          outcome: "approve",
          reasons: "x",
        })
      ).status,
    ).toBe(403);
    const decided = await approver.post<CaseBody>(`/api/cases/${c.id}/decide`, {
      expectedVersion: r.body.version,
      outcome: "approve",
      reasons: "符合法定条件和标准",
    });
    expect(decided.body.status).toBe("approved");
    expect(decided.body.documents.map((d) => d.kind)).toContain("approval_decision");
    const issued = await clerk.post<CaseBody>(`/api/cases/${c.id}/issue`, {
      expectedVersion: decided.body.version,
    });
    expect(issued.body.status).toBe("completed");
    const timeline = await applicant.get<{
      events: { type: string; actorName: string }[];
      tasks: { orgName: string }[];
    }>(`/api/cases/${c.id}/timeline`);
    expect(timeline.body.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "case.created",
        "case.submitted",
        "case.accepted",
        "case.assigned",
        "review.sent_back",
        "review.recommended",
        "case.decided",
        "case.issued",
      ]),
    );
    expect(timeline.body.tasks).toHaveLength(2);
  });

  it("the approver sends a finished task back, then denies; the window completes the denied case", async () => {
    const { c, clerk } = await inReview();
    const planning = await t.as("reviewer-planning");
    const land = await t.as("reviewer-land");
    const approver = await t.as("approver");
    let cur = c;
    for (const [who, org] of [
      [planning, "HY-ZRZY-GH"],
      [land, "HY-ZRZY-LY"],
    ] as const) {
      const task = cur.reviewTasks.find((r) => r.orgCode === org) as CaseBody["reviewTasks"][number];
      cur = (
        await who.post<CaseBody>(`/api/review-tasks/${task.id}/complete`, {
          expectedVersion: task.version,
          outcome: "approve",
          opinion: "同意",
        })
      ).body;
    }
    const land2 = cur.reviewTasks.find((r) => r.orgCode === "HY-ZRZY-LY") as CaseBody["reviewTasks"][number];
    expect(
      (
        await clerk.post(`/api/cases/${c.id}/send-back`, {
          expectedVersion: cur.version,
          taskId: land2.id,
          opinion: "x",
        })
      ).status,
    ).toBe(403);
    const back = await approver.post<CaseBody>(`/api/cases/${c.id}/send-back`, {
      expectedVersion: cur.version,
      taskId: land2.id,
      opinion: "请补充耕地占用核查意见",
    });
    expect(back.status).toBe(200);
    expect(back.body.returnsCount).toBe(1);
    expect(back.body.reviewTasks.find((r) => r.orgCode === "HY-ZRZY-LY")?.status).toBe("returned");
    const again = back.body.reviewTasks.find(
      (r) => r.orgCode === "HY-ZRZY-LY",
    ) as CaseBody["reviewTasks"][number];
    cur = (
      await land.post<CaseBody>(`/api/review-tasks/${again.id}/complete`, {
        expectedVersion: again.version,
        outcome: "approve",
        opinion: "已核查",
      })
    ).body;
    const denied = await approver.post<CaseBody>(`/api/cases/${c.id}/decide`, {
      expectedVersion: cur.version,
      outcome: "deny",
      reasons: "用地性质与规划条件不符",
    });
    expect(denied.body.status).toBe("denied");
    expect(denied.body.documents.map((d) => d.kind)).toContain("denial_decision");
    expect(
      (await clerk.post(`/api/cases/${c.id}/issue`, { expectedVersion: denied.body.version })).status,
    ).toBe(409);
    const done = await clerk.post<CaseBody>(`/api/cases/${c.id}/complete`, {
      expectedVersion: denied.body.version,
    });
    expect(done.body.status).toBe("completed");
  });

  it("即办件: accepted, decided and issued at the window in one visit", async () => {
    const clerk = await t.as("clerk");
    const citizen = await t.as("citizen");
    let c = await submit(
      citizen,
      await draftWithMaterials(t, citizen, "real-estate-records-inquiry", {
        applicantRole: "权利人",
        queryScope: "登记结果",
        purpose: "办理贷款",
      }),
    );
    c = await passAll(clerk, c);
    expect(c.abilities.finishOnTheSpot).toBe(true);
    const done = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      finishOnTheSpot: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("completed");
    expect(done.body.finishedOnSpot).toBe(true);
  });

  it("refusal needs a legal basis; refer and withdraw close the case", async () => {
    const applicant = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const c1 = await caseRead(t, "submitted", applicant);
    const noBasis = await clerk.post<Problem>(`/api/cases/${c1.id}/refuse`, {
      expectedVersion: c1.version,
      legalBasis: "",
      reason: "不符合",
    });
    expect(noBasis.body.field).toBe("legalBasis");
    const refused = await clerk.post<CaseBody>(`/api/cases/${c1.id}/refuse`, {
      expectedVersion: c1.version,
      legalBasis: "《行政许可法》第三十二条第一款第（二）项",
      reason: "不属于本机关职权范围",
    });
    expect(refused.body.status).toBe("not_accepted");
    expect(refused.body.documents.map((d) => d.kind)).toEqual(["refusal"]);
    const c2 = await caseRead(t, "submitted", applicant);
    const referred = await clerk.post<CaseBody>(`/api/cases/${c2.id}/refer`, {
      expectedVersion: c2.version,
      toOrgCode: "HY-SQJ",
      reason: "属乡镇职权",
    });
    expect(referred.body.status).toBe("referred");
    const c3 = await caseRead(t, "submitted", applicant);
    const withdrawn = await applicant.post<CaseBody>(`/api/cases/${c3.id}/withdraw`, {
      expectedVersion: c3.version,
      reason: "项目调整",
    });
    expect(withdrawn.body.status).toBe("withdrawn");
    expect(
      (
        await applicant.post<Problem>(`/api/cases/${c3.id}/withdraw`, {
          expectedVersion: withdrawn.body.version,
        })
      ).body.code,
    ).toBe("invalid_transition");
  });
});

describe("reading and the public", () => {
  it("applicants see only their own cases; another applicant gets 403", async () => {
    const { c } = await inReview();
    const citizen = await t.as("citizen");
    expect((await citizen.get(`/api/cases/${c.id}`)).status).toBe(403);
    // A reviewer reads only cases with a task in their department.
    expect((await (await t.as("reviewer-planning")).get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await (await t.as("reviewer-registry")).get(`/api/cases/${c.id}`)).status).toBe(403);
    // Uploaded files are served to those who may read the case, byte for byte.
    const full = await (await t.as("clerk")).get<CaseBody>(`/api/cases/${c.id}`);
    const file = full.body.materials.flatMap((m) => m.files as { id: string }[])[0];
    const clerk = await t.as("clerk");
    const got = await t.app.inject({
      method: "GET",
      url: `/api/cases/${c.id}/files/${file.id}`,
      headers: { cookie: clerk.cookieHeader() },
    });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await citizen.get(`/api/cases/${c.id}/files/${file.id}`)).status).toBe(403);
    const mine = await citizen.get<{ items: { id: string }[] }>("/api/cases");
    expect(mine.body.items.some((i) => i.id === c.id)).toBe(false);
    const sanmu = await t.as("sanmu");
    expect(
      (await sanmu.get<{ items: { id: string }[] }>("/api/cases")).body.items.some((i) => i.id === c.id),
    ).toBe(true);
  });

  it("public progress by number + query code shows no personal data", async () => {
    const { c } = await inReview();
    const anon = t.client();
    const wrong = await anon.get(`/api/public/progress?number=${c.number}&queryCode=WRONG123`);
    expect(wrong.status).toBe(404);
    const res = await anon.get<{ status: string; itemName: string }>(
      `/api/public/progress?number=${c.number}&queryCode=${c.queryCode}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("in_review");
    expect(res.text).not.toContain("三木");
    expect(res.text).not.toContain("91340321");
  });

  it("every state change is one event row with actor, before and after, in the same transaction", async () => {
    const { c } = await acceptedCase(t);
    const rows = await t.ctx.database.db.query.caseEvents.findMany({
      where: (e, { eq }) => eq(e.caseId, c.id),
      orderBy: (e, { asc }) => asc(e.seq),
    });
    const accepted = rows.find((r) => r.type === "case.accepted");
    expect(accepted).toMatchObject({
      fromStatus: "submitted",
      toStatus: "accepted",
      actorName: "窗口受理员 王芳",
      ip: "127.0.0.1",
    });
    expect(accepted?.before).toMatchObject({ status: "submitted" });
    expect(accepted?.after).toMatchObject({ status: "accepted" });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });
});
