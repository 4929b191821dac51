import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog, seedCatalogItems } from "../../src/app/catalog/seedCatalog";
import { queryRows } from "../../src/db/client";
import type { TServiceItemContent } from "../../src/shared/catalog";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 15, item 5: the fields of an application form come back in the order the item's form schema
// gives them. jsonb (PGlite and PostgreSQL alike) sorts an object's keys, so the order is kept as
// `ui:order` and applied to `properties` on every read.

type Item = { content: TServiceItemContent };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const WRITTEN = ["projectName", "applicantCode", "siteArea", "contact", "startDate", "b"];

describe("form field order", () => {
  it("keeps the author's order of a form (and of a nested object) over the API", async () => {
    const admin = await t.as("admin");
    const base = (await t.client().get<Item>("/api/catalog/items/real-estate-records-inquiry")).body.content;
    const formSchema = {
      type: "object",
      required: ["projectName"],
      properties: {
        projectName: { type: "string", title: "项目名称" },
        applicantCode: { type: "string", title: "统一社会信用代码" },
        siteArea: { type: "number", title: "用地面积（平方米）" },
        contact: {
          type: "object",
          title: "联系人",
          properties: { name: { type: "string" }, phone: { type: "string" }, email: { type: "string" } },
        },
        startDate: { type: "string", format: "date", title: "开工日期" },
        b: { type: "string", title: "备注" },
      },
    };
    const { uiSchema: _ui, ...rest } = base;
    const created = await admin.post("/api/catalog/items", {
      content: { ...rest, code: "form-order-demo", name: "表单顺序测试事项", formSchema },
      effectiveFrom: "2026-11-24",
    });
    expect(created.status).toBe(201);
    // jsonb itself does not keep the order: it sorts the keys (shorter first).
    const [stored] = await queryRows<{ keys: string[] }>(
      t.ctx.database.db,
      sql`select array(select jsonb_object_keys(v.content->'formSchema'->'properties')) as keys
          from item_versions v join service_items i on i.id = v.item_id where i.code = 'form-order-demo'`,
    );
    expect(stored.keys).not.toEqual(WRITTEN);
    const read = (await t.client().get<Item>("/api/catalog/items/form-order-demo")).body.content;
    expect(Object.keys(read.formSchema.properties as object)).toEqual(WRITTEN);
    expect(read.uiSchema?.["ui:order"]).toEqual(WRITTEN);
    const contact = (read.formSchema.properties as Record<string, { properties: object }>).contact;
    expect(Object.keys(contact.properties)).toEqual(["name", "phone", "email"]);
  });

  it("gives a seeded version stored without an order the seed's order again", async () => {
    const seed = seedCatalogItems().find((i) => i.content.code === "construction-land-planning-permit");
    const expected = Object.keys((seed?.content.formSchema.properties ?? {}) as object);
    await t.ctx.database.db.execute(
      sql`update item_versions set content = content #- '{uiSchema,ui:order}'
          where item_id = (select id from service_items where code = 'construction-land-planning-permit')`,
    );
    const lost = (await t.client().get<Item>("/api/catalog/items/construction-land-planning-permit")).body;
    expect(Object.keys(lost.content.formSchema.properties as object)).not.toEqual(expected);
    await t.ctx.database.db.transaction((tx) => seedCatalog(tx, t.clock.now()));
    const back = (await t.client().get<Item>("/api/catalog/items/construction-land-planning-permit")).body;
    expect(Object.keys(back.content.formSchema.properties as object)).toEqual(expected);
  });
});
