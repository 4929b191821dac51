import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogFileEmailSender, LogFileSmsSender } from "../../src/adapters/notify/logFile";
import { hasPdftotext, pdftotextFlat } from "../../src/adapters/pdf/pdftotext";
import { defaultOutboxHandlers } from "../../src/app/notifications/notify";
import { processOutboxBatch } from "../../src/jobs/outbox";
import { acceptedCase, type CaseBody, draftWithMaterials, passAll, submit } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";

/** The deployment's public address: every link in documents and messages must start with it. */
const PUBLIC_URL = "https://yizhan.example.gov.cn";

/** 国有建设用地使用权首次登记 (行政确认) form. */
const REG_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  parcelLocation: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  parcelArea: 53333.5,
  landUse: "工业用地",
  rightNature: "出让",
  contractNo: "怀土出〔2026〕18号",
  termStart: "2026-11-01",
  termEnd: "2076-10-31",
};

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), "yizhan-docs-"));
const mailLog = join(dir, "mail.log");
const smsLog = join(dir, "sms.log");

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  t.ctx.notify = {
    email: new LogFileEmailSender(mailLog, () => t.clock.now()),
    sms: new LogFileSmsSender(smsLog, () => t.clock.now()),
  };
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Doc = CaseBody["documents"][number];

/** The PDF of a case's notice, read back with pdftotext (whitespace removed). */
async function docText(client: TestClient, caseId: string, doc: Doc | undefined): Promise<string> {
  if (!doc) throw new Error("no such document");
  const res = await t.app.inject({
    method: "GET",
    url: `/api/cases/${caseId}/documents/${doc.id}/pdf`,
    headers: { cookie: client.cookieHeader() },
  });
  expect(res.statusCode).toBe(200);
  return pdftotextFlat(res.rawPayload);
}

const docOf = (c: CaseBody, kind: string) => c.documents.find((d) => d.kind === kind);

/** A 国有建设用地使用权首次登记 taken to the decision (registry review, approver). */
async function decidedRegistration(outcome: "approve" | "deny", reasons: string) {
  const applicant = await t.as("sanmu");
  const clerk = await t.as("clerk");
  let c = await submit(
    applicant,
    await draftWithMaterials(t, applicant, "state-land-first-registration", REG_FORM),
  );
  c = await passAll(clerk, c);
  const accepted = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, { expectedVersion: c.version });
  const task = accepted.body.reviewTasks[0];
  const reviewed = await (await t.as("reviewer-registry")).post<CaseBody>(
    `/api/review-tasks/${task.id}/complete`,
    { expectedVersion: task.version, outcome: "approve", opinion: "权属清楚" },
  );
  const decided = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/decide`, {
    expectedVersion: reviewed.body.version,
    outcome,
    reasons,
  });
  expect(decided.status).toBe(200);
  return { c: decided.body, applicant };
}

describe.runIf(hasPdftotext())("the decision document fits the item's kind (issue 11, point 6)", () => {
  it("行政许可: 准予行政许可决定书 with a 许-series number", async () => {
    const { c, applicant } = await acceptedCase(t);
    let cur = c;
    for (const [user, org] of [
      ["reviewer-planning", "HY-ZRZY-GH"],
      ["reviewer-land", "HY-ZRZY-LY"],
    ] as const) {
      const task = cur.reviewTasks.find((x) => x.orgCode === org);
      cur = (
        await (
          await t.as(user)
        ).post<CaseBody>(`/api/review-tasks/${task?.id}/complete`, {
          expectedVersion: task?.version,
          outcome: "approve",
          opinion: "同意",
        })
      ).body;
    }
    const decided = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/decide`, {
      expectedVersion: cur.version,
      outcome: "approve",
      reasons: "符合法定条件、标准。",
    });
    const doc = docOf(decided.body, "approval_decision");
    expect(doc).toMatchObject({ title: "准予行政许可决定书" });
    expect(doc?.number).toMatch(/^怀自然资许〔2026〕\d+号$/);
    const text = await docText(applicant, c.id, doc);
    expect(text).toContain("本机关决定准予行政许可");
    expect(text).toContain("你单位");
  });

  it("行政确认 (登记): 登记结果告知书 or 不予登记告知书, 登-series numbers, no 许可 wording anywhere", async () => {
    const { c, applicant } = await decidedRegistration("approve", "权属清楚，准予登记。");
    expect(c.documents.map((d) => d.kind)).not.toContain("approval_decision");
    const doc = docOf(c, "registration_result");
    expect(doc).toMatchObject({ title: "登记结果告知书" });
    expect(doc?.number).toMatch(/^怀自然资登〔2026〕\d+号$/);
    const text = await docText(applicant, c.id, doc);
    expect(text).toContain("登记结果告知书");
    expect(text).toContain("本机关已将申请登记的事项记载于登记簿");
    expect(text).toContain("向你单位核发《不动产权证书》");
    expect(text).not.toContain("许可");
    // The acceptance notice of a registration does not cite the Administrative Licensing Law either.
    const acceptance = await docText(applicant, c.id, docOf(c, "acceptance"));
    expect(acceptance).not.toContain("行政许可");
    expect(acceptance).toContain("（事项编码：L-340321-ZRZY-QR-01）");

    const denied = await decidedRegistration("deny", "申请登记的不动产权属有争议");
    const refusal = docOf(denied.c, "registration_refusal");
    expect(refusal).toMatchObject({ title: "不予登记告知书" });
    expect(refusal?.number).toMatch(/^怀自然资不登〔2026〕\d+号$/);
    const refusalText = await docText(denied.applicant, denied.c.id, refusal);
    expect(refusalText).toContain("本机关决定不予登记");
    expect(refusalText).toContain("申请行政复议");
    expect(refusalText).not.toContain("许可");
  });

  it("公共服务 (即办件 records inquiry): 办理结果告知书, finished on the spot, no 许可 and no '0个工作日内'", async () => {
    const citizen = await t.as("citizen");
    const clerk = await t.as("clerk");
    let c = await submit(
      citizen,
      await draftWithMaterials(t, citizen, "real-estate-records-inquiry", {
        applicantRole: "权利人",
        queryScope: "登记结果",
        purpose: "办理贷款。",
      }),
    );
    c = await passAll(clerk, c);
    const done = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      finishOnTheSpot: true,
    });
    expect(done.body.status).toBe("completed");
    const doc = docOf(done.body, "service_result");
    expect(doc).toMatchObject({ title: "办理结果告知书" });
    expect(doc?.number).toMatch(/^怀自然资办〔2026〕\d+号$/);
    const text = await docText(citizen, c.id, doc);
    expect(text).toContain("本机关已为你办理完毕，办理结果为《不动产登记资料查询结果证明》");
    expect(text).not.toContain("许可");
    expect(text).not.toContain("你单位");
    const acceptance = await docText(citizen, c.id, docOf(done.body, "acceptance"));
    expect(acceptance).not.toContain("0个工作日");
    expect(acceptance).toContain("本事项为即办件");
    expect(acceptance).not.toContain("行政许可");
  });
});

describe.runIf(hasPdftotext())("延期告知书 (issue 11, point 8)", () => {
  it("prints the deadline before the extension and the one after it", async () => {
    const { c, applicant } = await acceptedCase(t);
    expect(c.clock.deadline).toBe("2026-11-27");
    const ok = await (await t.as("approver")).post<CaseBody>(`/api/cases/${c.id}/extend`, {
      expectedVersion: c.version,
      days: 10,
      reason: "涉及多部门协调。",
    });
    expect(ok.body.clock.deadline).toBe("2026-12-11");
    const text = await docText(applicant, c.id, docOf(ok.body, "extension"));
    expect(text).toContain("原办结期限2026年11月27日");
    expect(text).toContain("延长后办结期限2026年12月11日");
    expect(text).toContain("因涉及多部门协调，不能在2026年11月27日前作出行政许可决定");
    expect(text).not.toMatch(/。[。，]/);
  });
});

describe("links work outside the server (issue 11, point 10)", () => {
  it("documents, certificates' keys document, e-mail and SMS carry absolute links on YIZHAN_PUBLIC_URL", async () => {
    const { c, applicant } = await acceptedCase(t);
    if (hasPdftotext()) {
      const text = await docText(applicant, c.id, docOf(c, "acceptance"));
      expect(text).toContain(`${PUBLIC_URL}/progress?number=${c.number}&code=${c.queryCode}`);
      expect(text).not.toMatch(/访问\/progress/);
    }
    const keys = await t.client().get<{ issuer: string }>("/.well-known/yizhan-keys.json");
    expect(keys.body.issuer).toBe(PUBLIC_URL);
    // The outbox sends what the acceptance announced: every e-mail and SMS link is absolute.
    await processOutboxBatch(t.ctx, defaultOutboxHandlers(), { batchSize: 100 });
    const lines = (path: string) =>
      existsSync(path)
        ? readFileSync(path, "utf8")
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l) as { text: string })
        : [];
    const texts = [...lines(mailLog), ...lines(smsLog)].map((m) => m.text);
    const accepted = texts.filter((m) => m.includes(`${c.number}）已受理`));
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted[0]).toContain(`详情：${PUBLIC_URL}/cases/${c.id}`);
    for (const m of texts) {
      expect(m).not.toMatch(/详情：\//);
      for (const link of m.match(/详情：\S+/g) ?? []) expect(link).toContain(`：${PUBLIC_URL}/`);
    }
  });
});
