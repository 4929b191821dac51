import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdftotextFlat } from "../../src/adapters/pdf/pdftotext";
import { type CaseBody, settleFees } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-content-"));

type Cert = {
  id: string;
  number: string;
  status: string;
  name: string;
  validFrom: string;
  validUntil: string | null;
  fields: { name: string; value: string }[];
  verifyUrl: string;
};
type Problem = { status: number; code: string; errors?: { field: string; code: string }[] };

const REG_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  parcelLocation: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  parcelArea: 20000,
  landUse: "工业用地",
  rightNature: "出让",
  contractNo: "怀土出〔2026〕21号",
  termStart: "2026-11-01",
  termEnd: "2076-10-31",
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A case of `item` approved (every department reviewed, decided), built by the factory. */
async function approved(item: string, form: Record<string, unknown>) {
  const clerk = await t.as("clerk");
  const c = await caseRead(t, "approved", clerk, { itemCode: item, formData: form });
  expect(c.status).toBe("approved");
  return { c, clerk };
}

/** Issues the result, its fees (if any) assessed and paid first, as every issue of a charged item needs. */
async function issue(clerk: TestClient, c: CaseBody) {
  await settleFees(clerk, c.id);
  return clerk.post<CaseBody & Problem>(`/api/cases/${c.id}/issue`, { expectedVersion: c.version });
}

async function certificatesOf(client: TestClient, caseId: string): Promise<Cert[]> {
  return (await client.get<{ items: Cert[] }>(`/api/cases/${caseId}/certificates`)).body.items;
}

const byName = (c: Cert) => Object.fromEntries(c.fields.map((f) => [f.name, f.value]));

let title: Cert;

describe("certificates print only what the application, the decision or the register says (point 7)", () => {
  it("不动产权证书: 权利类型 from the item itself; no defaulted 共有情况, 不动产单元号 or dashes", async () => {
    const sanmu = await t.as("sanmu");
    const { c, clerk } = await approved("state-land-first-registration", REG_FORM);
    expect((await issue(clerk, c)).status).toBe(200);
    [title] = await certificatesOf(sanmu, c.id);
    const printed = byName(title);
    expect(printed).toMatchObject({
      权利人: REG_FORM.rightHolder,
      坐落: REG_FORM.parcelLocation,
      权利类型: "国有建设用地使用权",
      权利性质: "出让",
      用途: "工业用地",
      面积: "宗地面积20000平方米",
      使用期限: "2026-11-01起2076-10-31止",
    });
    expect(Object.keys(printed)).not.toContain("共有情况");
    expect(Object.keys(printed)).not.toContain("不动产单元号");
    expect(title.fields.map((f) => f.value)).not.toContain("—");
  });

  it("临时用地批准书: the requested period, area and purpose from the application (PDF read back)", async () => {
    const sanmu = await t.as("sanmu");
    const { c, clerk } = await approved("temporary-land-use-approval", {
      projectName: "怀远县涂山路改造工程",
      purpose: "施工便道",
      location: "怀远县城关镇涂山路东侧",
      area: 3200,
      landOwnership: "集体",
      startDate: "2026-12-01",
      months: 12,
    });
    expect((await issue(clerk, c)).status).toBe(200);
    const [cert] = await certificatesOf(sanmu, c.id);
    expect(cert.name).toBe("临时用地批准书");
    expect(byName(cert)).toMatchObject({
      临时用地用途: "施工便道",
      用地位置: "怀远县城关镇涂山路东侧",
      用地面积: "3200平方米",
      土地权属: "集体",
      使用期限: "2026-12-01起2027-11-30止（12个月）",
    });
    // The validity is the requested period, not two years from the issue date.
    expect([cert.validFrom, cert.validUntil]).toEqual(["2026-12-01", "2027-11-30"]);
    if (hasPdftotext()) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/certificates/${cert.id}/pdf`,
        headers: { cookie: sanmu.cookieHeader() },
      });
      const text = pdftotextFlat(res.rawPayload);
      expect(text).toContain("施工便道");
      expect(text).toContain("3200平方米");
      expect(text).toContain("2026年12月1日至2027年11月30日");
    }
  });

  it("a required field nobody stated refuses the issue with 422 naming it; nothing is written", async () => {
    const sanmu = await t.as("sanmu");
    // A transfer whose original certificate is not in the register and whose form states no 权利性质.
    const transfer = {
      transferor: "怀远县某置业有限公司",
      transferee: "安徽三木新材料科技有限公司",
      location: "怀远县城关镇禹王路66号3幢",
      buildingArea: 1200,
      housingType: "非住宅",
      transferReason: "买卖",
      originalCertificateNo: "皖（2020）怀远县不动产权第0009999号",
    };
    const { c, clerk } = await approved("state-land-and-house-transfer-registration", transfer);
    const refused = await issue(clerk, c);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("certificate_content_missing");
    expect(refused.body.errors?.map((e) => e.field)).toEqual(["formData.rightNature"]);
    const after = await clerk.get<CaseBody>(`/api/cases/${c.id}`);
    expect(after.body.status).toBe("approved");
    expect(after.body.version).toBe(c.version);
    expect(await certificatesOf(clerk, c.id)).toEqual([]);

    // Naming a certificate the register holds: what the form omits comes from the register.
    const fromRegister = await approved("state-land-and-house-transfer-registration", {
      ...transfer,
      location: REG_FORM.parcelLocation,
      originalCertificateNo: title.number,
    });
    expect((await issue(fromRegister.clerk, fromRegister.c)).status).toBe(200);
    const [cert] = await certificatesOf(sanmu, fromRegister.c.id);
    expect(byName(cert)).toMatchObject({
      权利人: "安徽三木新材料科技有限公司",
      权利类型: "国有建设用地使用权/房屋所有权",
      权利性质: "出让",
      使用期限: "2026-11-01起2076-10-31止",
      面积: "建筑面积1200平方米",
    });
  });

  it("换发 reissues the register's content under a new number and cancels the original; an original not in the register prints only what the application transcribes", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const file = async (certificateNo: string, transcribed: Record<string, unknown> = {}) => {
      const decided = await caseRead(t, "approved", clerk, {
        itemCode: "real-estate-certificate-replacement",
        formData: {
          rightHolder: "安徽三木新材料科技有限公司",
          certificateNo,
          location: "（申请人填写的坐落，不印在证书上）",
          reason: "污损",
          ...transcribed,
        },
      });
      expect(decided.status).toBe("approved");
      return decided;
    };
    // An original issued before the register was kept here: nothing is printed that nobody stated.
    const unknown = await file("皖（2019）怀远县不动产权第0000001号");
    const refused = await issue(clerk, unknown);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("certificate_content_missing");
    const missing = refused.body.errors?.map((e) => e.field) ?? [];
    expect(missing).toEqual(expect.arrayContaining(["formData.rightType", "formData.rightNature"]));
    expect(missing).not.toContain("formData.certificateNo");
    expect(await certificatesOf(clerk, unknown.id)).toEqual([]);
    // The window transcribes the original's content (checked against the 登记簿): that is printed.
    const transcribed = await file("皖（2019）怀远县不动产权第0000002号", {
      location: "怀远县城关镇禹王路66号3幢",
      rightType: "国有建设用地使用权/房屋所有权",
      rightNature: "出让/市场化商品房",
      housingType: "住宅",
      buildingArea: 98.6,
    });
    expect((await issue(clerk, transcribed)).status).toBe(200);
    const [fromOriginal] = await certificatesOf(sanmu, transcribed.id);
    expect(byName(fromOriginal)).toMatchObject({
      坐落: "怀远县城关镇禹王路66号3幢",
      权利类型: "国有建设用地使用权/房屋所有权",
      面积: "建筑面积98.6平方米",
    });
    expect(Object.keys(byName(fromOriginal))).not.toContain("共有情况");

    const c = await file(title.number);
    expect((await issue(clerk, c)).status).toBe(200);
    const [reissued] = await certificatesOf(sanmu, c.id);
    expect(reissued.number).not.toBe(title.number);
    const { 不动产权证号: newNo, ...rest } = byName(reissued);
    const { 不动产权证号: oldNo, ...before } = byName(title);
    expect([newNo, oldNo]).toEqual([reissued.number, title.number]);
    expect(rest).toEqual(before);
    const original = await sanmu.get<Cert & { revocationReason: string }>(`/api/certificates/${title.id}`);
    expect(original.body.status).toBe("revoked");
    expect(original.body.revocationReason).toContain(reissued.number);
  });
});
