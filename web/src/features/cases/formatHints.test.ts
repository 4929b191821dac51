import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { translate } from "../../i18n/translate";
import { withFormatHints, withoutChanged } from "./formatHints";
import type { JsonSchemaObject } from "./itemForm";

type SeedItem = { content?: { formSchema?: JsonSchemaObject; uiSchema?: Record<string, unknown> } };

/** The form schemas of the demo catalogue (seed/catalog/items.yaml). */
function seedSchemas(): JsonSchemaObject[] {
  const raw = parse(readFileSync(new URL("../../../../seed/catalog/items.yaml", import.meta.url), "utf8"));
  const found: JsonSchemaObject[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown> & SeedItem;
      if (o.formSchema && typeof o.formSchema === "object") found.push(o.formSchema as JsonSchemaObject);
      Object.values(o).forEach(walk);
    }
  };
  walk(raw);
  return found;
}

const zh = (key: Parameters<typeof translate>[1]) => translate("zh-CN", key);

describe("format hints of the application forms (issue 15 item 5)", () => {
  it("state the format of phones, codes, dates and areas before anything is typed", () => {
    const schemas = seedSchemas();
    expect(schemas.length).toBeGreaterThan(5);
    const land = schemas.find(
      (s) => s.properties?.contactPhone && s.properties?.landArea,
    ) as JsonSchemaObject;
    const ui = withFormatHints(land, {}, zh) as Record<string, Record<string, string>>;
    expect(ui.contactPhone["ui:help"]).toContain("11 位手机号码");
    expect(ui.projectCode["ui:help"]).toContain("2026-340321-30-03-012345");
    expect(ui.contractDate["ui:help"]).toContain("年-月-日");
    expect(ui.landArea["ui:help"]).toContain("平方米");
    expect(ui.projectName).toBeUndefined();
    // Every field of the catalogue with a pattern has its pattern said in words.
    for (const s of schemas) {
      const hints = withFormatHints(s, {}, zh) as Record<string, Record<string, string> | undefined>;
      for (const [name, p] of Object.entries(s.properties ?? {})) {
        if (p.pattern || p.format === "date") expect(hints[name]?.["ui:help"], name).toBeTruthy();
      }
    }
  });

  it("keep an item's own help, and drop a field's error once the field changes", () => {
    const schema: JsonSchemaObject = { properties: { phone: { type: "string" } } };
    expect(withFormatHints(schema, { phone: { "ui:help": "own" } }, zh)).toEqual({
      phone: { "ui:help": "own" },
    });
    const errors = { phone: { __errors: ["wrong"] }, area: { __errors: ["missing"] } };
    expect(withoutChanged(errors, { phone: "1", area: 2 }, { phone: "13912345678", area: 2 })).toEqual({
      area: { __errors: ["missing"] },
    });
  });
});
