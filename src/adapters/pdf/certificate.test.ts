import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { type CertificatePdfData, certificateDocument } from "./certificate";
import { extractPdf } from "./extractText";
import { renderPdf } from "./render";

const OUT = resolve("test-results/pdf");

async function sample(): Promise<CertificatePdfData> {
  const verifyUrl = "https://yizhan.example/verify?id=0190&no=x&d=abcd";
  return {
    name: "不动产权证书",
    nameEn: "Real Estate Title Certificate",
    number: "皖（2026）怀远县不动产权第0000001号",
    identifier: "L-340321-ZRZY-05.113403210030000013.20260000001",
    typeCode: "L-340321-ZRZY-05",
    issuerName: "怀远县自然资源和规划局",
    issuerCode: "113403210030000013",
    jurisdictionCode: "340321",
    issuedOn: "2026-11-24",
    holderName: "安徽三木新材料科技有限公司",
    holderCodeTypeName: "统一社会信用代码",
    holderCode: "91340321MA2T5ABC0H",
    validFrom: "2026-11-24",
    validUntil: null,
    fields: [
      { name: "权利人", value: "安徽三木新材料科技有限公司" },
      { name: "共有情况", value: "单独所有" },
      { name: "坐落", value: "怀远县经济开发区涂山路与禹王路交叉口东南侧" },
      { name: "不动产单元号", value: "340321003001GB00018W00000000" },
      { name: "权利类型", value: "国有建设用地使用权" },
      { name: "权利性质", value: "出让" },
      { name: "用途", value: "工业用地" },
      { name: "面积", value: "宗地面积53333.5平方米" },
      { name: "使用期限", value: "2026-11-01起2076-10-31止" },
      { name: "附记", value: "出让合同编号：怀土出〔2026〕18号" },
    ],
    qrDataUrl: await QRCode.toDataURL(verifyUrl, { margin: 1, width: 240 }),
    verifyUrl,
    keyId: "HY-ZRZY-20261124-1e9abe5f6119",
    algorithm: "Ed25519",
    boundary: {
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
    },
  };
}

describe("certificate PDF (GB/T 36905 layout)", () => {
  it("prints the official table, QR caption, seal and red-line annex in extractable Chinese; deterministic", async () => {
    const data = await sample();
    const pdf = await renderPdf(certificateDocument(data));
    const { text, pages } = await extractPdf(pdf);
    expect(pages).toBe(2);
    for (const s of [
      "中华人民共和国",
      "不动产权证书",
      data.number,
      "持证主体",
      "坐落",
      "不动产单元号",
      "共有情况",
      "权利类型",
      "使用期限",
      "附记",
      "【电子印章】",
      "扫码核验真伪",
      "附图：宗地红线图",
      "界址点",
      "长期有效",
    ]) {
      expect(text).toContain(s);
    }
    expect((await renderPdf(certificateDocument(data))).equals(pdf)).toBe(true);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "certificate.pdf"), pdf);
    try {
      execFileSync("pdftoppm", ["-png", "-r", "60", join(OUT, "certificate.pdf"), join(OUT, "certificate")]);
    } catch {
      // poppler-utils not installed: no preview
    }
  });
});
