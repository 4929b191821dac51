import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveEffectiveVersion } from "../../src/app/catalog/resolveItemVersion";
import { seedCatalogItems } from "../../src/app/catalog/seedCatalog";
import { loadCatalogContext } from "../../src/app/catalog/validation";
import { validateItemContent } from "../../src/domain/catalog/validateItem";
import type { TServiceItemContent } from "../../src/shared/catalog";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Summary = {
  code: string;
  name: string;
  handledByTownship: boolean;
  department: { code: string } | null;
};
type List = { items: Summary[]; total: number; abilities: Record<string, boolean> };
type Item = {
  code: string;
  version: number;
  latestVersion: number;
  effectiveFrom: string;
  content: TServiceItemContent;
  abilities: Record<string, boolean>;
};
type Problem = {
  code: string;
  status: number;
  errors?: { field: string; code: string }[];
  details?: Record<string, unknown>;
};

const LAND = "construction-land-planning-permit";
const search = async (q: string) =>
  (await t.client().get<List>(`/api/catalog/items?q=${encodeURIComponent(q)}&pageSize=50`)).body;
const getItem = async (code: string, query = "") =>
  t.client().get<Item>(`/api/catalog/items/${code}${query}`);

describe("the public guide (no login)", () => {
  it("lists every seed item, and each is in the database and passes the catalog validation", async () => {
    const res = await t.client().get<List>("/api/catalog/items?pageSize=100");
    expect(res.status).toBe(200);
    const seed = seedCatalogItems();
    expect(res.body.total).toBe(seed.length);
    expect(res.body.items.map((i) => i.code).sort()).toEqual(seed.map((s) => s.content.code).sort());
    expect(res.body.abilities.create).toBe(false);
    const ctx = await loadCatalogContext(t.ctx.database.db);
    for (const s of seed) {
      const v = await resolveEffectiveVersion(t.ctx.database.db, s.content.code, "2026-11-24");
      expect(v, s.content.code).toMatchObject({ version: 1, effectiveFrom: s.effectiveFrom });
      expect(validateItemContent(v?.content as TServiceItemContent, ctx), s.content.code).toEqual([]);
    }
    expect(await resolveEffectiveVersion(t.ctx.database.db, LAND, "2025-12-31")).toBeNull();
  });

  it("shows an item with everything an applicant needs, read-only for visitors", async () => {
    const res = await getItem(LAND);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: LAND, version: 1, effectiveFrom: "2026-01-01" });
    expect(res.body.content).toMatchObject({
      name: "建设用地规划许可证核发",
      statutoryLimitDays: 20,
      promisedLimitDays: 3,
    });
    expect(res.body.content.materials.length).toBeGreaterThan(3);
    expect(res.body.abilities).toMatchObject({ read: true, update: false });
    expect((await getItem("no-such-item")).status).toBe(404);
  });

  it("filters by kind, life event, handling type and department", async () => {
    const get = async (q: string) =>
      (await t.client().get<List>(`/api/catalog/items?${q}`)).body.items.map((i) => i.code);
    expect(await get("kind=filing")).toEqual(["facility-agricultural-land-filing"]);
    expect(await get("handlingType=immediate")).toEqual(
      expect.arrayContaining(["real-estate-records-inquiry", "real-estate-certificate-replacement"]),
    );
    expect(await get(`lifeEvent=${encodeURIComponent("拿地即办证")}`)).toEqual(
      expect.arrayContaining([LAND, "state-land-first-registration"]),
    );
    expect(await get("department=township")).toEqual(["facility-agricultural-land-filing"]);
    expect(await get("department=HY-ZRZY-BDC")).toContain("mortgage-first-registration");
    const facets = await t
      .client()
      .get<{ lifeEvents: { code: string; count: number }[]; departments: { code: string }[] }>(
        "/api/catalog/facets",
      );
    expect(facets.body.lifeEvents.find((e) => e.code === "工程建设")?.count).toBeGreaterThanOrEqual(5);
    expect(facets.body.departments.map((d) => d.code)).toEqual(
      expect.arrayContaining(["HY-ZRZY-GH", "township"]),
    );
  });

  it("searches in Chinese: 不动产 finds the registrations, 规划许可 the planning permits, 乡镇 the township item", async () => {
    const estate = (await search("不动产")).items.map((i) => i.code);
    expect(estate).toEqual(
      expect.arrayContaining([
        "state-land-first-registration",
        "state-land-and-house-transfer-registration",
        "mortgage-first-registration",
        "real-estate-records-inquiry",
      ]),
    );
    expect(estate).not.toContain("temporary-land-use-approval");
    const permits = (await search("规划许可")).items.map((i) => i.code);
    expect(permits.slice(0, 3).sort()).toEqual(
      [
        "building-planning-permit",
        "construction-land-planning-permit",
        "rural-construction-planning-permit",
      ].sort(),
    );
    const township = (await search("乡镇")).items;
    expect(township[0]).toMatchObject({ code: "facility-agricultural-land-filing", handledByTownship: true });
    expect((await search("建设用地规划许可证核发")).items[0].code).toBe(LAND);
    expect((await search("抵押")).items[0].code).toBe("mortgage-first-registration");
    expect((await search("量子纠缠")).total).toBe(0);
  });

  it("serves the one-time notice sheet as a PDF and as data", async () => {
    const pdf = await t.client().get<string>(`/api/catalog/items/${LAND}/notice-sheet`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.text.startsWith("%PDF")).toBe(true);
    const json = await t
      .client()
      .get<{ item: { name: string }; materials: unknown[] }>(
        `/api/catalog/items/${LAND}/notice-sheet?format=json`,
      );
    expect(json.body.item.name).toBe("建设用地规划许可证核发");
    expect(json.body.materials.length).toBeGreaterThan(3);
  });
});

describe("editing the catalog", () => {
  it("an update creates version 2 effective from a date, while version 1 stays readable", async () => {
    const admin = await t.as("admin");
    const v1 = (await admin.get<Item>(`/api/catalog/items/${LAND}`)).body;
    expect(v1.abilities.update).toBe(true);
    const content = { ...v1.content, promisedLimitDays: 2, materials: v1.content.materials.slice(1) };
    const res = await admin.put<{ version: number }>(`/api/catalog/items/${LAND}`, {
      content,
      effectiveFrom: "2026-12-01",
      changeNote: "承诺时限压缩为2个工作日",
      expectedVersion: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    // Still version 1 today (2026-11-24); version 2 from 2026-12-01.
    expect((await getItem(LAND)).body).toMatchObject({ version: 1, latestVersion: 2 });
    expect((await getItem(LAND, "?on=2026-12-01")).body.content.promisedLimitDays).toBe(2);
    expect((await getItem(LAND, "?version=1")).body.content).toEqual(v1.content);
    const history = await t
      .client()
      .get<{ items: { version: number; changeNote: string; inEffect: boolean }[] }>(
        `/api/catalog/items/${LAND}/versions`,
      );
    expect(history.body.items.map((v) => [v.version, v.inEffect])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(history.body.items[1].changeNote).toBe("承诺时限压缩为2个工作日");
    const diff = await t
      .client()
      .get<{ fields: { field: string }[]; materials: { removed: { code: string }[] } }>(
        `/api/catalog/items/${LAND}/compare?from=1&to=2`,
      );
    expect(diff.body.fields.map((f) => f.field)).toEqual(["promisedLimitDays"]);
    expect(diff.body.materials.removed.map((m) => m.code)).toEqual([v1.content.materials[0].code]);
  });

  it("a stale expectedVersion is a 409 version_conflict", async () => {
    const admin = await t.as("admin");
    const v = (await admin.get<Item>(`/api/catalog/items/${LAND}?version=2`)).body;
    const res = await admin.put<Problem>(`/api/catalog/items/${LAND}`, {
      content: v.content,
      effectiveFrom: "2026-12-15",
      changeNote: "stale",
      expectedVersion: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "version_conflict",
      details: { expectedVersion: 1, currentVersion: 2 },
    });
  });

  it("invalid content is a 422 naming every field", async () => {
    const admin = await t.as("admin");
    const v = (await admin.get<Item>("/api/catalog/items/building-planning-permit")).body;
    const c = v.content;
    const itemSourced = c.materials.findIndex((m) => m.source === "item_result");
    const content = {
      ...c,
      promisedLimitDays: 25,
      reviewSteps: c.reviewSteps.map((s, i) => (i === 0 ? { ...s, orgCode: "NO-SUCH-ORG" } : s)),
      materials: c.materials.map((m, i) => (i === itemSourced ? { ...m, sourceRef: "no-such-item" } : m)),
      formSchema: { type: "object", properties: { name: { type: "strin" } } },
    };
    const res = await admin.put<Problem>("/api/catalog/items/building-planning-permit", {
      content,
      effectiveFrom: "2026-12-01",
      changeNote: "bad",
      expectedVersion: 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    const fields = Object.fromEntries((res.body.errors ?? []).map((e) => [e.field, e.code]));
    expect(fields).toMatchObject({
      "content.promisedLimitDays": "promised_exceeds_statutory",
      "content.reviewSteps[0].orgCode": "unknown_org",
      [`content.materials[${itemSourced}].sourceRef`]: "unknown_item",
      "content.formSchema": "invalid_form_schema",
    });
    expect((await getItem("building-planning-permit")).body.latestVersion).toBe(1);
  });

  it("先行出证: the seed lets the permit be issued before the project filing; only deferrable materials may", async () => {
    const admin = await t.as("admin");
    const v = (await admin.get<Item>(`/api/catalog/items/${LAND}`)).body;
    const approval = v.content.materials.find((m) => m.code === "project_approval") as Record<
      string,
      unknown
    >;
    expect(approval).toMatchObject({ mayBeDeferred: true });
    expect(String(approval.issueFirstCondition)).toContain("先行核发");
    const key = v.content.materials.findIndex((m) => m.code === "land_grant_contract");
    const res = await admin.put<Problem>(`/api/catalog/items/${LAND}`, {
      content: {
        ...v.content,
        materials: v.content.materials.map((m, i) =>
          i === key ? { ...m, issueFirstCondition: "先发证" } : m,
        ),
      },
      effectiveFrom: "2026-12-20",
      changeNote: "bad",
      expectedVersion: v.latestVersion,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => [e.field, e.code])).toContainEqual([
      `content.materials[${key}].issueFirstCondition`,
      "issue_first_not_deferrable",
    ]);
  });

  it("creates a new item (admin), refuses a duplicate code and a past effective date on update", async () => {
    const admin = await t.as("admin");
    const base = (await getItem("real-estate-records-inquiry")).body.content;
    const content = { ...base, code: "demo-new-item", name: "测试新事项不动产证明打印" };
    const created = await admin.post<{ code: string; version: number }>("/api/catalog/items", {
      content,
      effectiveFrom: "2026-11-24",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "demo-new-item", version: 1 });
    expect((await search("证明打印")).items.map((i) => i.code)).toContain("demo-new-item");
    const dup = await admin.post<Problem>("/api/catalog/items", { content, effectiveFrom: "2026-11-24" });
    expect(dup.status).toBe(422);
    expect(dup.body.errors?.[0]).toMatchObject({ field: "content.code", code: "duplicate_item_code" });
    const past = await admin.put<Problem>("/api/catalog/items/demo-new-item", {
      content,
      effectiveFrom: "2026-01-01",
      changeNote: "backdated",
      expectedVersion: 1,
    });
    expect(past.status).toBe(422);
    expect(past.body.errors?.[0].field).toBe("effectiveFrom");
  });

  it("a clerk may read but not edit (403); a visitor gets 401", async () => {
    const clerk = await t.as("clerk");
    const v = (await clerk.get<Item>(`/api/catalog/items/${LAND}`)).body;
    expect(v.abilities.update).toBe(false);
    const body = {
      content: v.content,
      effectiveFrom: "2026-12-20",
      changeNote: "x",
      expectedVersion: v.latestVersion,
    };
    expect((await clerk.put<Problem>(`/api/catalog/items/${LAND}`, body)).status).toBe(403);
    expect(
      (await clerk.post<Problem>("/api/catalog/items", { content: v.content, effectiveFrom: "2026-12-20" }))
        .status,
    ).toBe(403);
    expect((await t.client().put<Problem>(`/api/catalog/items/${LAND}`, body)).status).toBe(401);
  });
});
