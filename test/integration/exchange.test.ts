import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpJsonConnector } from "../../src/adapters/exchange/http";
import { configureConnector } from "../../src/app/sharedData/datasets";
import { runExchangeSweep } from "../../src/app/sweep/exchangeSweep";
import { type CaseBody, draftWithMaterials, PDF } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = {
  code: string;
  status: number;
  field?: string;
  errors?: { field: string; code: string; message: Record<string, string> }[];
  message: Record<string, string>;
};
type Material = CaseBody["materials"][number] & { sourceLabel: string | null };
type Log = {
  items: {
    datasetCode: string;
    actorName: string;
    purpose: string;
    outcome: string;
    subjectCode: string;
    caseNumber: string | null;
  }[];
};

const REGISTRATION_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  rightHolderCode: "91340321MA2T5ABC0H",
  parcelLocation: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  parcelArea: 53_333.5,
  landUse: "工业用地",
  rightNature: "出让",
  contractNo: "怀土出〔2026〕18号",
  termStart: "2026-11-01",
  termEnd: "2076-10-31",
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const material = (c: { materials: Material[] }, code: string) =>
  c.materials.find((m) => m.code === code) as Material;

describe("shared data (once-only)", () => {
  it("a registration gets the business licence and the deed-tax proof from shared data, with consent, stamped and logged", async () => {
    const sanmu = await t.as("sanmu");
    const created = await sanmu.post<CaseBody>("/api/cases", {
      itemCode: "state-land-first-registration",
      formData: REGISTRATION_FORM,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const noConsent = await sanmu.post<Problem>(
      `/api/cases/${id}/materials/business_licence/shared-data`,
      {},
    );
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.errors?.[0]?.code).toBe("consent_required");
    const notShared = await sanmu.post<Problem>(
      `/api/cases/${id}/materials/land_grant_contract/shared-data`,
      { consent: true },
    );
    expect(notShared.body.errors?.[0]?.code).toBe("not_shared_data");
    const lic = await sanmu.post<{ case: { materials: Material[] } }>(
      `/api/cases/${id}/materials/business_licence/shared-data`,
      { consent: true },
    );
    expect(lic.status).toBe(200);
    const m = material(lic.body.case, "business_licence");
    expect(m.source).toBe("shared_data");
    expect(m.status).toBe("provided");
    expect(m.sourceLabel).toBe("共享数据：怀远县市场监督管理局 2026-11-24 09:00");
    expect(m.files).toHaveLength(1);
    const tax = await sanmu.post<{ case: { materials: Material[] } }>(
      `/api/cases/${id}/materials/deed_tax_proof/shared-data`,
      { consent: true },
    );
    expect(material(tax.body.case, "deed_tax_proof").sourceLabel).toContain("国家税务总局怀远县税务局");
    const log = await sanmu.get<Log>("/api/data-access-log");
    expect(log.body.items.map((l) => l.datasetCode).sort()).toEqual(["business_licence", "deed_tax_proof"]);
    expect(log.body.items[0].actorName).toBe("安徽三木新材料科技有限公司");
    expect(log.body.items[0].purpose).toContain("国有建设用地使用权首次登记");
    const citizenLog = await (await t.as("citizen")).get<Log>("/api/data-access-log");
    expect(citizenLog.body.items).toHaveLength(0);
    const clerkLog = await (await t.as("clerk")).get<Log>("/api/data-access-log");
    expect(clerkLog.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it("the clerk fetches at the window with the consent the applicant declared; a person's licence is refused", async () => {
    const clerk = await t.as("clerk");
    const citizen = await t.as("citizen");
    const me = await citizen.get<{ id: string }>("/api/auth/me");
    const c = await clerk.post<CaseBody>("/api/cases", {
      itemCode: "state-land-first-registration",
      applicantId: me.body.id,
      formData: {},
    });
    const noCode = await clerk.post<Problem>(
      `/api/cases/${c.body.id}/materials/business_licence/shared-data`,
      { consent: true },
    );
    expect(noCode.body.errors?.[0]?.code).toBe("no_subject_code");
    const tax = await clerk.post<{ case: { materials: Material[] } }>(
      `/api/cases/${c.body.id}/materials/deed_tax_proof/shared-data`,
      { consent: true },
    );
    expect(tax.status).toBe(200);
    const log = await citizen.get<Log>("/api/data-access-log");
    expect(log.body.items[0].actorName).toBe("窗口受理员 王芳");
    expect(log.body.items[0].subjectCode).toBe("340321198503122011");
  });

  it("when the other side is down the error is clear, nothing changes, and the attempt is logged", async () => {
    const server: Server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    configureConnector(
      t.ctx,
      "business_licence",
      new HttpJsonConnector({
        baseUrl: `http://127.0.0.1:${port}`,
        providerName: "怀远县市场监督管理局",
        keyId: "k",
        secret: "s",
        timeoutMs: 500,
      }),
    );
    try {
      const sanmu = await t.as("sanmu");
      const c = await sanmu.post<CaseBody>("/api/cases", {
        itemCode: "state-land-first-registration",
        formData: {},
      });
      const res = await sanmu.post<Problem>(
        `/api/cases/${c.body.id}/materials/business_licence/shared-data`,
        { consent: true },
      );
      expect(res.status).toBe(502);
      expect(res.body.code).toBe("exchange_unavailable");
      expect(res.body.message["zh-CN"]).toContain("共享数据服务暂不可用");
      const after = await sanmu.get<{ materials: Material[] }>(`/api/cases/${c.body.id}`);
      expect(material(after.body, "business_licence").files).toHaveLength(0);
      const log = await sanmu.get<Log>("/api/data-access-log");
      expect(log.body.items.some((l) => l.outcome === "error")).toBe(true);
    } finally {
      configureConnector(t.ctx, "business_licence", { kind: "directory", lookup: async () => null });
      server.closeAllConnections();
      server.close();
    }
  });

  it("partners publish into the directory for their own dataset only; subject codes are checked; admins import CSV", async () => {
    const scjg = await t.as("scjg");
    const bad = await scjg.post<Problem>("/api/exchange/datasets/business_licence/records", {
      subjectCode: "91340321ma2t5abc0h",
      subjectName: "x",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("subjectCode");
    const ok = await scjg.post<{ subjectName: string }>("/api/exchange/datasets/business_licence/records", {
      subjectCode: "91350100M000100Y43",
      subjectName: "福州某公司",
      fields: { 法定代表人: "林某" },
      validUntil: "2040-01-01",
    });
    expect(ok.status).toBe(201);
    const tax = await t.as("tax");
    const other = await tax.post<Problem>("/api/exchange/datasets/business_licence/records", {
      subjectCode: "91350100M000100Y43",
      subjectName: "x",
    });
    expect(other.status).toBe(403);
    const mine = await tax.get<{ items: { code: string; records: unknown[] }[] }>("/api/exchange/datasets");
    expect(mine.body.items.map((d) => d.code)).toEqual(["deed_tax_proof"]);
    const admin = await t.as("admin");
    const imported = await admin.post<{ imported: number; rejected: { line: number }[] }>(
      "/api/admin/exchange/import",
      {
        dataset: "business_licence",
        csv: "subject_code,subject_name,valid_until,法定代表人\n91340321MA2T5ABC0H,安徽三木新材料科技有限公司,2049-03-17,李三木\n123,坏数据,,\n",
      },
    );
    expect(imported.body).toMatchObject({ imported: 1, rejected: [{ line: 3 }] });
    expect(
      (await scjg.post("/api/admin/exchange/import", { dataset: "business_licence", csv: "a" })).status,
    ).toBe(403);
  });

  it("CSV import: quoted line breaks keep line numbers; a bad date is rejected on its line, the rest imported; broken files refused", async () => {
    const admin = await t.as("admin");
    type Report = {
      imported: number;
      rejected: { line: number; field: string; code: string; message: Record<string, string> }[];
    };
    const res = await admin.post<Report>("/api/admin/exchange/import", {
      dataset: "business_licence",
      csv: 'subject_code,subject_name,valid_until,住所\r\n91340321MA2T5ABC0H,"安徽三木\r\n新材料科技有限公司",2049-03-17,"怀远县, ""一号"""\r\n91350100M000100Y43,福州某公司,2026-02-30,\r\n91350100M000100Y43,福州某公司,2040-01-01\r\n',
    });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected.map((r) => [r.line, r.field, r.code])).toEqual([
      [4, "valid_until", "date_invalid"],
      [5, "row", "field_count"],
    ]);
    expect(res.body.rejected[0].message["zh-CN"]).toContain("2026-02-30");
    const records = await t.as("scjg").then((c) =>
      c.get<{
        items: { code: string; records: { subjectName: string; fields: Record<string, string> }[] }[];
      }>("/api/exchange/datasets"),
    );
    const stored = records.body.items[0].records.find((r) => r.subjectName.startsWith("安徽三木"));
    expect(stored).toMatchObject({
      subjectName: "安徽三木\r\n新材料科技有限公司",
      fields: { 住所: '怀远县, "一号"' },
    });

    for (const [csv, code, text] of [
      ['subject_code,subject_name\n1,"never closed\n2,x\n', "unclosed_quote", "第 2 行"],
      ["code,name\n1,2\n", "bad_header", "subject_code"],
      ["subject_code,subject_name\n91340321MA2T5ABC0H,\ufffd\ufffd公司\n", "encoding_unknown", "第 2 行"],
    ]) {
      const refused = await admin.post<Problem>("/api/admin/exchange/import", {
        dataset: "business_licence",
        csv,
      });
      expect(refused.status, code).toBe(422);
      expect(refused.body.errors?.[0]).toMatchObject({ field: "csv", code });
      expect(refused.body.errors?.[0].message["zh-CN"]).toContain(text);
    }
    const unknown = await admin.post<Problem>("/api/admin/exchange/import", { dataset: "nope", csv: "a" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe("dataset");
  });
});

describe("applicant profile and materials library", () => {
  it("shows identifiers whole to the owner and masked to others; 403 for another applicant", async () => {
    const citizen = await t.as("citizen");
    const me = await citizen.get<{ id: string }>("/api/auth/me");
    const own = await citizen.get<{ idNumber: string; idNumberValid: boolean; masked: boolean }>(
      `/api/applicants/${me.body.id}/profile`,
    );
    expect(own.body).toMatchObject({ idNumber: "340321198503122011", idNumberValid: true, masked: false });
    const helper = await t.as("helper");
    const masked = await helper.get<{ idNumber: string; phone: string }>(
      `/api/applicants/${me.body.id}/profile`,
    );
    expect(masked.body).toMatchObject({ idNumber: "3403**********2011", phone: "138****9876" });
    const sanmu = await t.as("sanmu");
    expect((await sanmu.get(`/api/applicants/${me.body.id}/profile`)).status).toBe(403);
  });

  it("offers materials provided before for reuse and attaches one without an upload", async () => {
    const sanmu = await t.as("sanmu");
    const me = await sanmu.get<{ id: string }>("/api/auth/me");
    await draftWithMaterials(t, sanmu);
    const lib = await sanmu.get<{ items: { id: string; materialCode: string; files: unknown[] }[] }>(
      `/api/applicants/${me.body.id}/materials`,
    );
    const form = lib.body.items.find((i) => i.materialCode === "application_form");
    expect(form?.files.length).toBe(1);
    const fresh = await sanmu.post<CaseBody>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: {},
    });
    const attached = await sanmu.post<{ materials: Material[] }>(
      `/api/cases/${fresh.body.id}/materials/application_form/reuse`,
      { fromMaterialId: form?.id },
    );
    expect(attached.status).toBe(200);
    expect(material(attached.body, "application_form").sourceLabel).toMatch(/^复用：办件 /);
    const citizen = await t.as("citizen");
    expect((await citizen.get(`/api/applicants/${me.body.id}/materials`)).status).toBe(403);
  });
});

describe("material requests to other windows", () => {
  it("the clerk asks the tax window, tax answers with a file, the material is provided; overdue ones raise alerts", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const c = await caseRead(t, "submitted", sanmu);
    const asked = await clerk.post<{ id: string; dueOn: string }>(`/api/cases/${c.id}/partner-requests`, {
      toOrgCode: "HY-SW",
      materialCode: "land_grant_contract",
      note: "请提供出让合同备案件",
    });
    expect(asked.status).toBe(201);
    expect(asked.body.dueOn).toBe("2026-11-27");
    // The tax bureau's partner account is notified through the outbox.
    const note = (await t.ctx.database.db.query.outbox.findMany()).find(
      (o) => (o.payload as { kind: string }).kind === "partner.requested",
    );
    expect((note?.payload as { recipients: unknown[] } | undefined)?.recipients).toHaveLength(1);
    const second = await clerk.post<{ id: string }>(`/api/cases/${c.id}/partner-requests`, {
      toOrgCode: "HY-SW",
      materialCode: "parcel_map",
      dueOn: "2026-11-25",
    });
    expect(
      (
        await sanmu.post(`/api/cases/${c.id}/partner-requests`, {
          toOrgCode: "HY-SW",
          materialCode: "parcel_map",
        })
      ).status,
    ).toBe(403);
    const tax = await t.as("tax");
    const inbox = await tax.get<{ items: { id: string; abilities: { answer: boolean } }[] }>(
      "/api/partner-requests?status=open",
    );
    expect(inbox.body.items.map((i) => i.id)).toContain(asked.body.id);
    const township = await t.as("township");
    expect(
      (await township.upload(`/api/partner-requests/${asked.body.id}/answer`, "a.pdf", PDF)).status,
    ).toBe(404);
    const answered = await tax.upload<{ status: string }>(
      `/api/partner-requests/${asked.body.id}/answer`,
      "出让合同.pdf",
      PDF,
      "application/pdf",
    );
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe("answered");
    expect((await tax.upload(`/api/partner-requests/${asked.body.id}/answer`, "again.pdf", PDF)).status).toBe(
      409,
    );
    const after = await clerk.get<{ materials: Material[] }>(`/api/cases/${c.id}`);
    expect(material(after.body, "land_grant_contract").sourceLabel).toContain(
      "部门调取：国家税务总局怀远县税务局",
    );
    t.clock.set(new Date("2026-11-26T01:00:00Z"));
    try {
      const report = await runExchangeSweep(t.ctx);
      expect(report.overdueRequests).toEqual([second.body.id]);
      expect((await runExchangeSweep(t.ctx)).overdueRequests).toEqual([]);
    } finally {
      t.clock.set(new Date("2026-11-24T01:00:00Z"));
    }
  });
});
