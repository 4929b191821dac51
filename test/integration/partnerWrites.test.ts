import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumKey } from "../../src/adapters/storage/storage";
import { fileStorage } from "../../src/app/files/fileStorage";
import { PDF } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { at, openProject, type Project } from "../helpers/projects";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 11, point 13: a partner account writes only what is addressed to its organization. On a
// project, only the land-transfer system the project names (an outside body's partner account) records
// the land-grant contract and the land delivery; the tax office or market regulation recording a
// contract on any project is refused (403) — and a refused or failed request records nothing.

type Full = Project & {
  version: number;
  landTransferOrg: { code: string; name: string } | null;
  landContracts: { number: string; source: string }[];
  landDeliveries: { confirmationNo: string }[];
  abilities: Record<string, boolean>;
};
type Problem = { code: string; field?: string; errors?: { field: string; code: string }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 30 * 24 * 60 });
  t.clock.set(at("2026-11-25", "09:00"));
});
afterAll(async () => t?.close());

const contract = (number: string) => ({
  number,
  signedAt: at("2026-11-25", "09:00").toISOString(),
  parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
  priceYuan: 3_000_000,
  paymentStatus: "paid",
});
const delivery = (confirmationNo: string, landContractNo: string) => ({
  confirmationNo,
  deliveredAt: at("2026-11-25", "10:00").toISOString(),
  deliveredBy: "双桥集镇人民政府",
  deliveredTo: "安徽三木新材料科技有限公司",
  landContractNo,
});

async function project(code: string, landTransferOrgCode?: string) {
  const p = await openProject(await t.as("helper"), await t.as("sanmu"), code, `三木新材料 ${code}`, {
    ...(landTransferOrgCode ? { landTransferOrgCode } : {}),
  });
  return p.id;
}
const read = async (id: string) => (await (await t.as("helper")).get<Full>(`/api/projects/${id}`)).body;

describe("land contracts and deliveries on a project: the bureau's staff and the land-transfer system it names", () => {
  it("tax and scjg recording a contract or a delivery are refused (403); nothing is recorded", async () => {
    const id = await project("2026-340321-30-03-017001", "HY-SQJ");
    const before = await read(id);
    expect(before.landTransferOrg).toEqual({ code: "HY-SQJ", name: "双桥集镇人民政府" });
    for (const who of ["tax", "scjg"]) {
      const partner = await t.as(who);
      const c = await partner.post<Problem>(
        `/api/projects/${id}/land-contracts`,
        contract(`怀土出〔2026〕7${who}号`),
      );
      expect(c.status, who).toBe(403);
      const d = await partner.post<Problem>(
        `/api/projects/${id}/land-deliveries`,
        delivery(`怀交〔2026〕7${who}号`, "怀土出〔2026〕70号"),
      );
      expect(d.status, who).toBe(403);
    }
    const after = await read(id);
    expect(after.landContracts).toEqual([]);
    expect(after.landDeliveries).toEqual([]);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it("the named land-transfer system records (source api); on a project naming none, no partner does", async () => {
    const id = await project("2026-340321-30-03-017002", "HY-SQJ");
    const township = await t.as("township");
    const ok = await township.post<{ contract: { source: string } }>(
      `/api/projects/${id}/land-contracts`,
      contract("怀土出〔2026〕71号"),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.contract.source).toBe("api");
    const none = await project("2026-340321-30-03-017003");
    expect((await read(none)).abilities.recordLandContract).toBe(true); // the helper may
    for (const who of ["township", "tax", "scjg"]) {
      const res = await (await t.as(who)).post(
        `/api/projects/${none}/land-contracts`,
        contract(`怀土出〔2026〕72${who}号`),
      );
      expect(res.status, who).toBe(403);
    }
    expect((await read(none)).landContracts).toEqual([]);
  });

  it("the helper names another body: the right moves with it (timeline entry, optimistic version)", async () => {
    const id = await project("2026-340321-30-03-017004", "HY-SQJ");
    const helper = await t.as("helper");
    const p = await read(id);
    const moved = await helper.put<Full>(`/api/projects/${id}/land-transfer-org`, {
      expectedVersion: p.version,
      orgCode: "HY-SW",
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.landTransferOrg?.code).toBe("HY-SW");
    expect(moved.body.timeline.at(-1)?.type).toBe("project.land_transfer_org");
    const stale = await helper.put<Problem>(`/api/projects/${id}/land-transfer-org`, {
      expectedVersion: p.version,
      orgCode: "HY-SQJ",
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await (
          await t.as("township")
        ).post(`/api/projects/${id}/land-contracts`, contract("怀土出〔2026〕73号"))
      ).status,
    ).toBe(403);
    const tax = await (await t.as("tax")).post(
      `/api/projects/${id}/land-contracts`,
      contract("怀土出〔2026〕74号"),
    );
    expect(tax.status).toBe(201);
    expect((await read(id)).landContracts.map((c) => c.number)).toEqual(["怀土出〔2026〕74号"]);
  });

  it("only the bureau's helper, window and approver name it; a unit of the bureau or an unknown code is 422", async () => {
    const id = await project("2026-340321-30-03-017005");
    const { version } = await read(id);
    for (const who of ["sanmu", "supervisor", "reviewer-planning", "township", "tax"]) {
      const res = await (await t.as(who)).put(`/api/projects/${id}/land-transfer-org`, {
        expectedVersion: version,
        orgCode: "HY-SQJ",
      });
      expect(res.status, who).toBe(403);
    }
    const helper = await t.as("helper");
    for (const [orgCode, code] of [
      ["HY-ZRZY-GH", "not_outside_body"],
      ["NOPE", "unknown_org"],
    ]) {
      const res = await helper.put<Problem>(`/api/projects/${id}/land-transfer-org`, {
        expectedVersion: version,
        orgCode,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0]).toMatchObject({ field: "orgCode", code });
    }
    expect((await read(id)).version).toBe(version);
    const me = await (await t.as("sanmu")).get<{ id: string }>("/api/auth/me");
    const refused = await helper.post<Problem>("/api/projects", {
      code: "2026-340321-30-03-017006",
      name: "x",
      enterpriseId: me.body.id,
      parcel: { location: "怀远县", areaSqm: 1, use: "工业用地" },
      landTransferOrgCode: "NOPE",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0].field).toBe("landTransferOrgCode");
    const list = await helper.get<{ items: { code: string }[] }>("/api/projects");
    expect(list.body.items.map((x) => x.code)).not.toContain("2026-340321-30-03-017006");
  });

  it("a failed request records nothing: a contract of another project (409), a delivery naming it (422)", async () => {
    const first = await project("2026-340321-30-03-017007", "HY-SQJ");
    const second = await project("2026-340321-30-03-017008", "HY-SQJ");
    const township = await t.as("township");
    expect(
      (await township.post(`/api/projects/${first}/land-contracts`, contract("怀土出〔2026〕75号"))).status,
    ).toBe(201);
    const before = await read(second);
    const clash = await township.post<Problem>(
      `/api/projects/${second}/land-contracts`,
      contract("怀土出〔2026〕75号"),
    );
    expect(clash.status).toBe(409);
    const elsewhere = await township.post<Problem>(
      `/api/projects/${second}/land-deliveries`,
      delivery("怀交〔2026〕75号", "怀土出〔2026〕75号"),
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors?.[0].field).toBe("landContractNo");
    const after = await read(second);
    expect(after.landContracts).toEqual([]);
    expect(after.landDeliveries).toEqual([]);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });
});

describe("other partner writes are bound to the partner's organization", () => {
  it("a material request answered by another department is refused and stores nothing, not even the bytes", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const c = await caseRead(t, "submitted", sanmu);
    const asked = await clerk.post<{ id: string }>(`/api/cases/${c.id}/partner-requests`, {
      toOrgCode: "HY-SW",
      materialCode: "land_grant_contract",
    });
    expect(asked.status).toBe(201);
    const bytes = Buffer.concat([PDF, Buffer.from(`% ${asked.body.id}\n`)]);
    const sha = createHash("sha256").update(bytes).digest("hex");
    for (const who of ["township", "scjg"]) {
      const res = await (await t.as(who)).upload(
        `/api/partner-requests/${asked.body.id}/answer`,
        "合同.pdf",
        bytes,
        "application/pdf",
      );
      expect(res.status, who).toBe(404);
    }
    await expect(fileStorage(t.ctx).get(checksumKey(sha))).rejects.toThrow();
    const answered = await (await t.as("tax")).upload<{ status: string }>(
      `/api/partner-requests/${asked.body.id}/answer`,
      "合同.pdf",
      bytes,
      "application/pdf",
    );
    expect(answered.body.status).toBe("answered");
  });
});
