import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractPdf } from "./extractText";
import { RARE_NAME, SAMPLE_NOTICES } from "./fixtures";
import { buildNotice, NOTICE_TITLE, type NoticeKind, renderNotice } from "./notices";

/** Strings each rendered document must contain, as extracted by pdf.js. */
const EXPECTED: Record<NoticeKind, string[]> = {
  acceptance: [
    "怀自然资受〔2026〕12号",
    "第三十二条第一款第（五）项",
    "承诺自受理之日起5个工作日内（即2026年12月3日前）",
    "法定办理时限为20个工作日",
    "建设工程设计方案总平面图",
    "建设工程施工图设计文件审查意见",
    "2026年12月1日",
  ],
  correction: [
    "（一次性告知）",
    "共4项材料，其中3项需补正",
    "建设工程规划许可证申请表符合要求",
    "申请人身份证明需补正身份证复印件已过有效期",
    "建设工程设计方案总平面图缺少未提交",
    "请于2026年12月10日前",
  ],
  refusal: [
    "林木采伐许可不属于本机关的法定职权范围",
    "请向怀远县林业局提出申请",
    "六十日内向怀远县人民政府申请行政复议",
    "六个月内直接向怀远县人民法院提起行政诉讼",
  ],
  specialProcedure: ["专家评审", "第四十五条", "10个工作日", "不计算在办理期限内"],
  extension: ["第四十二条第一款", "张建国", "延长10个工作日", "2026年11月25日", "2026年12月9日"],
  approval: [
    "准予行政许可",
    "第三十八条第一款",
    "建字第340321202600088号",
    "怀远县荆山湖安置小区（二期）",
    "45,678.90平方米",
  ],
  denial: [
    "第三十八条第二款",
    "（一）建筑高度超出规划条件确定的限高（24米）",
    "申请行政复议",
    "提起行政诉讼",
  ],
  registrationResult: [
    "安徽三木新材料科技有限公司：你单位于2026年11月24日",
    "（事项编码：L-340321-ZRZY-QR-01）",
    "意见如下：（一）权属来源清楚，界址清晰，面积准确。",
    "记载于登记簿（登簿日期：2026年11月26日），登记完成",
    "向你单位核发《不动产权证书》",
    "登记内容",
  ],
  registrationRefusal: ["存在以下情形：（一）申请登记的不动产权属有争议。", "本机关决定不予登记", "本告知书"],
  serviceResult: ["本机关已为你办理完毕，办理结果为《不动产登记资料查询结果证明》。", "查询内容"],
  serviceRefusal: ["查询人不能提供利害关系证明材料", "本机关决定不予办理", "申请行政复议"],
  filingResult: ["本机关已予以备案", "《设施农业用地备案回执》"],
  filingRefusal: ["本机关决定不予备案", "设施用地占用永久基本农田"],
  guideSheet: [
    "建设工程规划许可证核发",
    "法定办结时限20个工作日",
    "承诺办结时限5个工作日",
    "建设工程施工图设计文件审查意见非必要复印件1可容缺",
    "不收费",
    "监督投诉电话：0552-12345",
  ],
  receipt: [
    "凭证号：JF202611260001",
    "不动产登记费（非住宅）",
    "550.00",
    "合计（大写）：伍佰陆拾元整",
    "¥560.00",
    "网上支付",
    "2026112610320088123",
  ],
};

const kinds = Object.keys(EXPECTED) as NoticeKind[];
const timings: string[] = [];
const pngDir = resolve("test-results", "pdf");
const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.each(kinds)("%s", (kind) => {
  it("renders with its title, parties, numbers and table rows", async () => {
    const data = SAMPLE_NOTICES[kind];
    const started = performance.now();
    const pdf = await renderNotice(kind, data);
    timings.push(`${NOTICE_TITLE[kind]} ${(performance.now() - started).toFixed(0)} ms`);

    const { text, info } = await extractPdf(pdf);
    expect(text).toContain(NOTICE_TITLE[kind]);
    expect(text).toContain("怀远县自然资源和规划局");
    if ("applicant" in data) expect(text).toContain(data.applicant.name);
    if ("payer" in data) expect(text).toContain(RARE_NAME);
    expect(text).toContain("核验：访问https://yizhan.huaiyuan.gov.cn/verify");
    if (kind !== "guideSheet") {
      expect(text).toContain("办件编号：HY-2026-001234");
      expect(text).toContain("【电子印章】");
      expect(text).toContain("2026年11月26日");
    }
    for (const s of EXPECTED[kind]) expect(text).toContain(s.replace(/\s+/g, ""));
    expect(info.Title).toContain(NOTICE_TITLE[kind]);
    expect(info.Author).toBe("怀远县自然资源和规划局");
    expect(String(info.Subject)).not.toBe("");

    if (hasPdftoppm) {
      // One PNG per template for the team to look at (test-results/ is gitignored).
      mkdirSync(pngDir, { recursive: true });
      const scratch = join(tmpdir(), `yizhan-pdf-${process.pid}-${kind}`);
      writeFileSync(`${scratch}.pdf`, pdf);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        `${scratch}.pdf`,
        scratch,
      ]);
      renameSync(`${scratch}.png`, join(pngDir, `${kind}.png`));
      rmSync(`${scratch}.pdf`);
    }
  });
});

describe("determinism and rules", () => {
  it("gives the same bytes for the same input (creation date from issuedOn)", async () => {
    const a = await renderNotice("acceptance", SAMPLE_NOTICES.acceptance);
    const b = await renderNotice("acceptance", SAMPLE_NOTICES.acceptance);
    expect(a.equals(b)).toBe(true);
    const { info } = await extractPdf(a);
    expect(info.CreationDate).toMatch(/^D:20261125160000Z/); // 2026-11-26 00:00 Beijing time
  });

  it("does not mutate the document definition it is given", async () => {
    const doc = buildNotice("refusal", SAMPLE_NOTICES.refusal);
    const before = JSON.stringify(doc);
    await renderNotice("refusal", SAMPLE_NOTICES.refusal);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("names the competent body only when the matter is outside competence", async () => {
    const { competentBody: _omit, ...inside } = SAMPLE_NOTICES.refusal;
    const { text } = await extractPdf(
      await renderNotice("refusal", { ...inside, reason: "申请人不具备申请资格" }),
    );
    expect(text).not.toContain("不属于本机关职权范围");
    expect(text).toContain("申请人不具备申请资格。根据");
  });

  it("keeps the signature with the closing line across pages", async () => {
    const { pages, text } = await extractPdf(await renderNotice("acceptance", SAMPLE_NOTICES.acceptance));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text.indexOf("特此通知。")).toBeLessThan(text.indexOf("【电子印章】"));
  });
});

afterAll(() => {
  console.info(`render timings (first render includes font loading): ${timings.join(", ")}`);
});
