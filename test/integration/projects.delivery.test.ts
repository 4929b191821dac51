import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, type Bundle, openProject, type Project, precheckAll } from "../helpers/projects";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Delivery = {
  id: string;
  confirmationNo: string;
  deliveredAt: string;
  source: string;
  bundleId: string | null;
  landContractNo: string | null;
};
type Recorded = {
  delivery: Delivery;
  bundle: (Bundle & { landDelivery: { confirmationNo: string } | null }) | null;
  notFiled: { code: string; filed?: { itemCode: string }[]; errors?: { field: string }[] } | null;
  code?: string;
  field?: string;
};
type Full = Project & { landDeliveries: Delivery[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 30 * 24 * 60 });
});
afterAll(async () => t?.close());

const delivery = (confirmationNo: string, extra: Record<string, unknown> = {}) => ({
  confirmationNo,
  deliveredAt: at("2026-11-26", "09:00").toISOString(),
  deliveredBy: "怀远经济开发区管理委员会",
  deliveredTo: "安徽三木新材料科技有限公司",
  note: "净地交付，界址点现场确认",
  landContractNo: "怀土出〔2026〕30号",
  ...extra,
});
const post = async (as: string, projectId: string, body: unknown) =>
  (await t.as(as)).post<Recorded>(`/api/projects/${projectId}/land-deliveries`, body);

let pid0 = "";
describe("交地即交证: the land delivery files the bundle", () => {
  let pid = "";

  it("refusals: 403 for the enterprise, the supervisor and partners the project does not name; 422 naming the field", async () => {
    t.clock.set(at("2026-11-25", "09:00"));
    const helper = await t.as("helper");
    pid = (
      await openProject(helper, await t.as("sanmu"), "2026-340321-30-03-016001", "三木新材料三期项目", {
        landTransferOrgCode: "HY-SQJ",
      })
    ).id;
    pid0 = pid;
    for (const who of ["sanmu", "supervisor", "reviewer-land", "tax", "scjg"])
      expect((await post(who, pid, delivery("怀经开交〔2026〕1号"))).status, who).toBe(403);
    const missing = await post("clerk", pid, { ...delivery("怀经开交〔2026〕1号"), deliveredAt: undefined });
    expect(missing.status).toBe(422);
    expect(missing.body.field).toBe("deliveredAt");
    const noContract = await post(
      "clerk",
      pid,
      delivery("怀经开交〔2026〕1号", { landContractNo: undefined }),
    );
    expect(noContract.status).toBe(422);
    expect(noContract.body.field).toBe("landContractNo");
    const p = await helper.get<Full>(`/api/projects/${pid}`);
    expect(p.body.landDeliveries).toEqual([]);
    expect(p.body.abilities).toMatchObject({ recordLandDelivery: true });
  });

  it("without the pre-checks the delivery is recorded (201) and nothing is filed, naming the material", async () => {
    const res = await post("clerk", pid, delivery("怀经开交〔2026〕1号"));
    expect(res.status).toBe(201);
    expect(res.body.bundle).toBeNull();
    expect(res.body.notFiled?.code).toBe("rule_violation");
    expect(res.body.notFiled?.errors?.[0].field).toMatch(/^prechecks\./);
    const p = await (await t.as("helper")).get<Full>(`/api/projects/${pid}`);
    expect(p.body.landDeliveries).toMatchObject([{ confirmationNo: "怀经开交〔2026〕1号", bundleId: null }]);
    expect(p.body.bundles).toHaveLength(0);
  });

  it("pre-checked, the window's retry files both cases at once; the measure starts at the delivery", async () => {
    t.clock.set(at("2026-11-26", "09:05"));
    await precheckAll(t, await t.as("helper"), pid);
    const res = await post("clerk", pid, delivery("怀经开交〔2026〕1号"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body.bundle as NonNullable<Recorded["bundle"]>;
    expect(b.template.code).toBe("land-delivered-certificates-issued");
    expect(b.landDelivery?.confirmationNo).toBe("怀经开交〔2026〕1号");
    expect(b.cases.map((c) => [c.itemCode, c.status])).toEqual([
      ["state-land-first-registration", "submitted"],
      ["construction-land-planning-permit", "submitted"],
    ]);
    expect(b.measure).toMatchObject({ startedBy: "land_delivered", workingHours: null });
    // The term of the land-use right runs from the delivery (2026-11-26), the contract named on it.
    const reg = await (await t.as("clerk")).get<{ formData: Record<string, unknown> }>(
      `/api/cases/${b.cases[0].id}`,
    );
    expect(reg.body.formData).toMatchObject({
      contractNo: "怀土出〔2026〕30号",
      termStart: "2026-11-26",
      termEnd: "2076-11-26",
    });
    const p = await (await t.as("helper")).get<Full>(`/api/projects/${pid}`);
    expect(p.body.landDeliveries).toMatchObject([{ source: "ui", bundleId: b.id }]);
    const filed = p.body.timeline.filter((e) => ["project.land_delivered", "bundle.filed"].includes(e.type));
    expect(filed.map((e) => e.type)).toEqual(["project.land_delivered", "bundle.filed"]);
  });

  it("replays are idempotent: the same confirmation again returns the same bundle (200), nothing new", async () => {
    const again = await post("helper", pid, delivery("怀经开交〔2026〕1号", { note: "重复推送" }));
    const system = await post("township", pid, delivery("怀经开交〔2026〕1号"));
    for (const res of [again, system]) {
      expect(res.status).toBe(200);
      expect(res.body.delivery.source).toBe("ui");
    }
    expect(again.body.bundle?.id).toBe(system.body.bundle?.id);
    const p = await (await t.as("helper")).get<Full>(`/api/projects/${pid}`);
    expect(p.body.landDeliveries).toHaveLength(1);
    expect(p.body.bundles).toHaveLength(1);
    expect(p.body.bundles[0].cases).toHaveLength(2);
    // The same confirmation on another project is somebody's mistake: 409 naming the number.
    const other = await openProject(
      await t.as("helper"),
      await t.as("sanmu"),
      "2026-340321-30-03-016002",
      "三木新材料配套仓库",
    );
    const clash = await post("clerk", other.id, delivery("怀经开交〔2026〕1号"));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: "duplicate_land_delivery", field: "confirmationNo" });
  });

  it("the land-transfer system records a delivery through the API (source api, cases filed by the helper)", async () => {
    const helper = await t.as("helper");
    const p = await openProject(
      helper,
      await t.as("sanmu"),
      "2026-340321-30-03-016003",
      "三木新材料四期项目",
      { landTransferOrgCode: "HY-SQJ" },
    );
    await precheckAll(t, helper, p.id);
    // A form that breaks the item's schema is refused before anything is created (whole or nothing).
    const bad = await helper.post<{ errors: { field: string }[] }>(`/api/projects/${p.id}/bundles`, {
      templateCode: "land-delivered-certificates-issued",
      forms: { "state-land-first-registration": { termStart: 20261126 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.field)).toContain("forms.state-land-first-registration.termStart");
    expect((await helper.get<Full>(`/api/projects/${p.id}`)).body.bundles).toHaveLength(0);
    const res = await post("township", p.id, delivery("怀经开交〔2026〕3号"));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.delivery.source).toBe("api");
    expect(res.body.bundle?.cases).toHaveLength(2);
  });
});

describe("one bundle per item: 拿地即办证 and 交地即交证 do not file the same permits twice", () => {
  it("after 拿地即办证 the delivery is recorded and files nothing; filing by hand is refused (409)", async () => {
    t.clock.set(at("2026-11-27", "09:00"));
    const helper = await t.as("helper");
    const clerk = await t.as("clerk");
    const p = await openProject(
      helper,
      await t.as("sanmu"),
      "2026-340321-30-03-016004",
      "三木新材料五期项目",
    );
    await precheckAll(t, helper, p.id);
    const contract = await clerk.post<Recorded & { bundle: Bundle }>(`/api/projects/${p.id}/land-contracts`, {
      number: "怀土出〔2026〕41号",
      signedAt: at("2026-11-27", "09:00").toISOString(),
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 6_000_000,
      paymentStatus: "paid",
    });
    expect(contract.status).toBe(201);
    expect(contract.body.bundle.template.code).toBe("land-acquired-certificates-issued");
    // A contract recorded on another project is refused, naming the field.
    const theirs = await post(
      "clerk",
      pid0,
      delivery("怀经开交〔2026〕9号", { landContractNo: "怀土出〔2026〕41号" }),
    );
    expect(theirs.status).toBe(422);
    expect(theirs.body.field).toBe("landContractNo");
    // Without a number the delivery refers to the project's recorded contract.
    const res = await post("clerk", p.id, delivery("怀经开交〔2026〕4号", { landContractNo: undefined }));
    expect(res.status).toBe(201);
    expect(res.body.bundle).toBeNull();
    expect(res.body.notFiled?.code).toBe("items_already_filed");
    expect(res.body.notFiled?.filed?.map((f) => f.itemCode).sort()).toEqual([
      "construction-land-planning-permit",
      "state-land-first-registration",
    ]);
    const byHand = await clerk.post<{ code: string }>(`/api/projects/${p.id}/bundles`, {
      templateCode: "land-delivered-certificates-issued",
    });
    expect(byHand.status).toBe(409);
    expect(byHand.body.code).toBe("items_already_filed");
    const full = await helper.get<Full>(`/api/projects/${p.id}`);
    expect(full.body.bundles).toHaveLength(1);
    // The delivery links to the project's contract by default.
    expect(full.body.landDeliveries).toMatchObject([
      { landContractNo: "怀土出〔2026〕41号", bundleId: null },
    ]);
  });

  it("after 交地即交证, recording the contract files nothing either (notFiled)", async () => {
    const helper = await t.as("helper");
    const p = await openProject(
      helper,
      await t.as("sanmu"),
      "2026-340321-30-03-016005",
      "三木新材料六期项目",
    );
    await precheckAll(t, helper, p.id);
    expect((await post("clerk", p.id, delivery("怀经开交〔2026〕5号"))).status).toBe(201);
    const contract = await (await t.as("clerk")).post<Recorded>(`/api/projects/${p.id}/land-contracts`, {
      number: "怀土出〔2026〕51号",
      signedAt: at("2026-11-27", "10:00").toISOString(),
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 6_000_000,
      paymentStatus: "paid",
    });
    expect(contract.status).toBe(201);
    expect(contract.body.bundle).toBeNull();
    expect(contract.body.notFiled?.code).toBe("items_already_filed");
  });
});
