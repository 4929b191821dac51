import { describe, expect, it } from "vitest";
import { loadSeedCatalog } from "../../../seed/catalog/load";
import { diffItemVersions } from "./diffItemVersions";

const [first] = loadSeedCatalog().items.items;
const base = first.content;

describe("diffItemVersions", () => {
  it("finds nothing between a version and itself, whatever the key order", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(diffItemVersions(base, reordered)).toMatchObject({ same: true, fields: [] });
  });

  it("names changed fields and materials added, removed and changed (matched by code)", () => {
    const [m0, m1, ...rest] = base.materials;
    const after = {
      ...base,
      promisedLimitDays: base.promisedLimitDays - 1,
      materials: [{ ...m1, copies: m1.copies + 1 }, ...rest, { ...m0, code: "new_material", name: "新材料" }],
    };
    const d = diffItemVersions(base, after);
    expect(d.same).toBe(false);
    expect(d.fields).toEqual([
      { field: "promisedLimitDays", before: base.promisedLimitDays, after: base.promisedLimitDays - 1 },
    ]);
    expect(d.materials.added.map((m) => m.code)).toEqual(["new_material"]);
    expect(d.materials.removed.map((m) => m.code)).toEqual([m0.code]);
    expect(d.materials.changed).toEqual([
      {
        code: m1.code,
        name: m1.name,
        changes: [{ field: "copies", before: m1.copies, after: m1.copies + 1 }],
      },
    ]);
    expect(d.reviewSteps).toEqual({ added: [], removed: [], changed: [] });
  });
});
