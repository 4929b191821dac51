import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogFileEmailSender, LogFileSmsSender } from "../../src/adapters/notify/logFile";
import { hasPdftotext, pdftotextFlat } from "../../src/adapters/pdf/pdftotext";
import { defaultOutboxHandlers } from "../../src/app/notifications/notify";
import { processOutboxBatch } from "../../src/jobs/outbox";
import type { CaseBody } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { INQUIRY_FORM } from "../helpers/forms";
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

/** A 国有建设用地使用权首次登记 decided (registry review, approver), built by the factory. */
async function decidedRegistration(outcome: "approve" | "deny", reasons: string) {
  const applicant = await t.as("sanmu");
  const c = await caseRead(t, outcome === "approve" ? "approved" : "denied", applicant, {
    itemCode: "state-land-first-registration",
    formData: REG_FORM,
    decisionReasons: reasons,
  });
  expect(c.status).toBe(outcome === "approve" ? "approved" : "denied");
  return { c, applicant };
}

describe.runIf(hasPdftotext())("the decision document fits the item's kind (issue 11, point 6)", () => {
  it("行政许可: 准予行政许可决定书 with a 许-series number", async () => {
    const applicant = await t.as("sanmu");
    const c = await caseRead(t, "approved", applicant, { decisionReasons: "符合法定条件、标准。" });
    const doc = docOf(c, "approval_decision");
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
    const c = await caseRead(t, "finished_on_the_spot", citizen, {
      itemCode: "real-estate-records-inquiry",
      formData: INQUIRY_FORM,
      applicant: "citizen",
    });
    expect(c.status).toBe("completed");
    const doc = docOf(c, "service_result");
    expect(doc).toMatchObject({ title: "办理结果告知书" });
    expect(doc?.number).toMatch(/^怀自然资办〔2026〕\d+号$/);
    const text = await docText(citizen, c.id, doc);
    expect(text).toContain("本机关已为你办理完毕，办理结果为《不动产登记资料查询结果证明》");
    expect(text).not.toContain("许可");
    expect(text).not.toContain("你单位");
    const acceptance = await docText(citizen, c.id, docOf(c, "acceptance"));
    expect(acceptance).not.toContain("0个工作日");
    expect(acceptance).toContain("本事项为即办件");
    expect(acceptance).not.toContain("行政许可");
  });
});

describe.runIf(hasPdftotext())("延期告知书 (issue 11, point 8)", () => {
  it("prints the deadline before the extension and the one after it", async () => {
    const applicant = await t.as("sanmu");
    const c = await caseRead(t, "in_review", applicant);
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
    const applicant = await t.as("sanmu");
    const c = await caseRead(t, "in_review", applicant);
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
