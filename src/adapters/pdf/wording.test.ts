import { describe, expect, it } from "vitest";
import { SAMPLE_NOTICES } from "./fixtures";
import { type NoticeDataByKind, type NoticeKind, renderNotice } from "./notices";
import { hasPdftotext, pdftotextFlat, pdftotextPages } from "./pdftotext";

/** Every kind of document addressed to an applicant (all but the guide sheet and the receipt). */
const TO_APPLICANT = (Object.keys(SAMPLE_NOTICES) as NoticeKind[]).filter(
  (k) => k !== "guideSheet" && k !== "receipt",
);

const render = <K extends NoticeKind>(kind: K, data: NoticeDataByKind[K]) => renderNotice(kind, data);

/** The sample of `kind` with the applicant of the given kind. */
function addressedTo(kind: NoticeKind, who: "person" | "enterprise") {
  const data = SAMPLE_NOTICES[kind] as NoticeDataByKind["acceptance"];
  return { ...data, applicant: { ...data.applicant, kind: who } };
}

describe.runIf(hasPdftotext())("wording of every document (read back with pdftotext)", () => {
  it("an immediate item (promised limit 0) is finished on the spot, never '0个工作日内'", async () => {
    const text = pdftotextFlat(
      await render("acceptance", {
        ...SAMPLE_NOTICES.acceptance,
        promisedWorkingDays: 0,
        deadline: SAMPLE_NOTICES.acceptance.acceptedOn,
        deferredMaterials: [],
      }),
    );
    expect(text).not.toContain("0个工作日内");
    expect(text).toContain("本事项为即办件，本机关于受理当日（2026年11月26日）当场办结");
  });

  it("a natural person is addressed as 你, an enterprise as 你单位 — in every document kind", async () => {
    for (const kind of TO_APPLICANT) {
      const person = pdftotextFlat(await render(kind, addressedTo(kind, "person") as never));
      expect(person, kind).toMatch(/你(?!单|（)/);
      expect(person, kind).not.toContain("你单位");
      expect(person, kind).not.toContain("你（单位）");
      const enterprise = pdftotextFlat(await render(kind, addressedTo(kind, "enterprise") as never));
      expect(enterprise, kind).toContain("你单位");
      expect(enterprise, kind).not.toContain("你（单位）");
    }
  });

  it("free text that ends in 。 never doubles it (no '。。', no '。，')", async () => {
    const dot = (s: string) => `${s}。`;
    const withDots: Partial<NoticeDataByKind> = {
      refusal: { ...SAMPLE_NOTICES.refusal, reason: dot("不属于本机关职权"), legalBasis: dot("《某法》") },
      specialProcedure: { ...SAMPLE_NOTICES.specialProcedure, reason: dot("需专家论证") },
      extension: { ...SAMPLE_NOTICES.extension, reason: dot("联合审查未完成") },
      approval: { ...SAMPLE_NOTICES.approval, findings: [dot("符合")], legalBasis: dot("《城乡规划法》") },
      denial: { ...SAMPLE_NOTICES.denial, reasons: [dot("超高")], legalBasis: dot("《城乡规划法》") },
      registrationResult: { ...SAMPLE_NOTICES.registrationResult, reasons: [dot("权属清楚")] },
      serviceRefusal: { ...SAMPLE_NOTICES.serviceRefusal, reasons: [dot("无利害关系证明")] },
      guideSheet: {
        ...SAMPLE_NOTICES.guideSheet,
        place: dot("政务服务中心二楼"),
        fees: { charged: true, basis: dot("发改价格规〔2016〕2559号"), standard: dot("工本费 10元/本") },
      },
    };
    for (const [kind, data] of Object.entries(withDots) as [NoticeKind, never][]) {
      const text = pdftotextFlat(await render(kind, data));
      expect(text, kind).not.toMatch(/。[。，；]/);
    }
  });

  it("prints the published 事项编码, and no code at all when the item has none", async () => {
    const coded = pdftotextFlat(await render("acceptance", SAMPLE_NOTICES.acceptance));
    expect(coded).toContain("（事项编码：340321-ZRZY-XK-003）");
    const { code: _none, ...uncoded } = SAMPLE_NOTICES.acceptance.item;
    const text = pdftotextFlat(await render("acceptance", { ...SAMPLE_NOTICES.acceptance, item: uncoded }));
    expect(text).toContain("“建设工程规划许可证核发”申请");
    expect(text).not.toContain("事项编码");
  });

  it("an electronic material (份数 0) prints no 份数 0, on the acceptance notice and the guide sheet", async () => {
    const acceptance = pdftotextPages(
      await render("acceptance", {
        ...SAMPLE_NOTICES.acceptance,
        materials: [{ name: "营业执照（电子证照）", form: "电子件", copies: 0 }],
      }),
    ).join("\n");
    expect(acceptance).toMatch(/营业执照（电子证照）\s+电子件\s+—/);
    const sheet = pdftotextPages(
      await render("guideSheet", {
        ...SAMPLE_NOTICES.guideSheet,
        materials: [
          { name: "营业执照（电子证照）", required: true, form: "电子件", copies: 0, deferrable: false },
        ],
      }),
    ).join("\n");
    expect(sheet).toMatch(/营业执照（电子证照）\s+必要\s+电子件\s+—/);
  });

  it("no heading stands alone at the foot of a page, wherever the page break falls", async () => {
    const headings = new Set(["许可内容", "注意事项"]);
    let broken = 0;
    // One more one-line finding per render moves the heading down by a line: some render puts it
    // at the foot of page 1.
    for (let n = 20; n <= 44; n++) {
      const pages = pdftotextPages(
        await render("approval", {
          ...SAMPLE_NOTICES.approval,
          findings: Array.from({ length: n }, (_, i) => `第${i + 1}项审查意见符合要求`),
        }),
      );
      if (pages.length > 1) broken++;
      for (const [i, page] of pages.entries()) {
        const lines = page.split("\n").map((l) => l.trim());
        const footer = lines.findIndex((l) => l.startsWith("办件编号："));
        const body = lines.slice(0, footer).filter(Boolean);
        expect(headings.has(body[body.length - 1]), `n=${n}, page ${i + 1} ends with a heading`).toBe(false);
      }
    }
    expect(broken).toBeGreaterThan(0);
  });
});
