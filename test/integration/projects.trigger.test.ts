import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoProject } from "../../src/app/projects/demoProject";
import { at, type Bundle, type Project, uploadFile as upload } from "../helpers/projects";
import { createTestApp, type TestApp } from "../helpers/testApp";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-projects-trigger-"));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 30 * 24 * 60 });
});
afterAll(async () => t?.close());

describe("demo data", () => {
  it("the demo project of the new-materials company is seeded with the helper assigned (idempotent)", async () => {
    const helper = await t.as("helper");
    const list = await helper.get<{ items: { id: string; code: string; helperName: string | null }[] }>(
      "/api/projects",
    );
    const demo = list.body.items.filter((p) => p.code === "2026-340321-30-03-012345");
    expect(demo).toHaveLength(1);
    expect(demo[0].helperName).toContain("孙丽");
    expect(await seedDemoProject(t.ctx.database.db, t.clock.now())).toBe(0);
    const again = await helper.get<{ items: { code: string }[] }>("/api/projects");
    expect(again.body.items.filter((p) => p.code === "2026-340321-30-03-012345")).toHaveLength(1);
    const p = await helper.get<Project>(`/api/projects/${demo[0].id}`);
    expect(p.body.meetings[0].actionItems).toHaveLength(2);
  });
});

describe("trigger through the API and refusals", () => {
  it("without the pre-checked materials the contract is recorded (201) but nothing is filed, naming what is missing", async () => {
    t.clock.set(at("2026-11-25", "09:00"));
    const helper = await t.as("helper");
    const sanmu = await t.as("sanmu");
    const me = await sanmu.get<{ id: string }>("/api/auth/me");
    const created = await helper.post<Project>("/api/projects", {
      code: "2026-340321-30-03-019999",
      name: "三木新材料二期仓储项目",
      enterpriseId: me.body.id,
      parcel: { location: "怀远县经济开发区禹王路北侧", areaSqm: 20000, use: "仓储用地" },
      // The land-transfer system of 双桥集镇 records this project's contract through the API.
      landTransferOrgCode: "HY-SQJ",
    });
    expect(created.status).toBe(201);
    const pid = created.body.id;
    const filed = await helper.post<{ code: string }>(`/api/projects/${pid}/bundles`, {
      templateCode: "land-acquired-certificates-issued",
    });
    expect(filed.status).toBe(422);
    const p = await helper.get<Project>(`/api/projects/${pid}`);
    expect(p.body.bundles).toHaveLength(0);
    // The enterprise may read but not file; the land-transfer system (a partner account) may record.
    expect(
      (
        await sanmu.post(`/api/projects/${pid}/bundles`, {
          templateCode: "land-acquired-certificates-issued",
        })
      ).status,
    ).toBe(403);
    const system = await t.as("township");
    // A template that does not exist is refused, naming the field, before anything is recorded.
    const unknown = await system.post<{ errors: { field: string; code: string }[] }>(
      `/api/projects/${pid}/land-contracts`,
      {
        number: "怀土出〔2026〕30号",
        signedAt: at("2026-11-25", "09:00").toISOString(),
        parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
        priceYuan: 4_000_000,
        paymentStatus: "paid",
        templateCode: "no-such-bundle",
      },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ field: "templateCode", code: "unknown_template" });
    const res = await system.post<{
      bundle: unknown;
      notFiled: { code: string; errors: { field: string }[] };
    }>(`/api/projects/${pid}/land-contracts`, {
      number: "怀土出〔2026〕31号",
      signedAt: at("2026-11-25", "09:00").toISOString(),
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 4_000_000,
      paymentStatus: "paid",
    });
    expect(res.status).toBe(201);
    expect(res.body.bundle).toBeNull();
    expect(res.body.notFiled.code).toBe("rule_violation");
    expect(res.body.notFiled.errors.map((e) => e.field)).toContain(
      "prechecks.construction-land-planning-permit.application_form",
    );
    const after = await helper.get<Project & { landContracts: { number: string; source: string }[] }>(
      `/api/projects/${pid}`,
    );
    expect(after.body.landContracts).toMatchObject([{ number: "怀土出〔2026〕31号", source: "api" }]);
    expect(after.body.bundles).toHaveLength(0);

    // Once everything is pre-checked, the system's retry files the bundle (cases filed by the helper).
    const permit = [
      "application_form",
      "land_grant_contract",
      "parcel_map",
      "planning_conditions",
      "project_approval",
    ];
    const registration = ["registration_application", "land_price_payment_proof", "cadastral_survey"];
    for (const [itemCode, codes] of [
      ["construction-land-planning-permit", permit],
      ["state-land-first-registration", registration],
    ] as const) {
      const checks = [];
      for (const code of codes)
        checks.push({
          materialCode: code,
          status: "pass",
          fileIds: [await upload(t, helper, pid, `${code}.pdf`)],
        });
      expect((await helper.put(`/api/projects/${pid}/prechecks`, { itemCode, checks })).status).toBe(200);
    }
    const retry = await system.post<{ bundle: Bundle }>(`/api/projects/${pid}/land-contracts`, {
      number: "怀土出〔2026〕31号",
      signedAt: at("2026-11-25", "09:00").toISOString(),
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 4_000_000,
      paymentStatus: "paid",
    });
    expect(retry.status).toBe(201);
    expect(retry.body.bundle.cases.map((c) => c.status)).toEqual(["submitted", "submitted"]);
  });
});
