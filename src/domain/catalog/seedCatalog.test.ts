/**
 * The seed catalog (seed/catalog/*.yaml) parses with the shared schemas and passes the catalog validation
 * against the demo organizations; every number in it names its source.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeedCatalog, parseSeedItems, readYaml } from "../../../seed/catalog/load.ts";
import type { TServiceItemContent } from "../../shared/catalog.ts";
import { type TCatalogContext, validateItemContent } from "./validateItem.ts";

interface OrgNode {
  code: string;
  children?: OrgNode[];
}
const flatten = (nodes: OrgNode[]): string[] => nodes.flatMap((n) => [n.code, ...flatten(n.children ?? [])]);

const root = join(import.meta.dirname, "../../..");
const orgCodes = new Set(flatten(readYaml(join(root, "seed/demo/organizations.yaml")) as OrgNode[]));
const seed = loadSeedCatalog(join(root, "seed/catalog"));
const items = seed.items.items.map((i) => i.content);
const ctx: TCatalogContext = {
  orgCodes,
  itemCodes: new Set(items.map((i) => i.code)),
  sharedDatasets: new Set(seed.sharedDatasets.map((d) => d.code)),
  certificateTypes: new Set(seed.certificateTypes.map((c) => c.code)),
};

/** Field paths that must name a source: the limits, each fee item (or `fees` when free), each procedure. */
function numberFields(c: TServiceItemContent): string[] {
  return [
    "statutoryLimitDays",
    "promisedLimitDays",
    ...(c.fees.items.length === 0 ? ["fees"] : c.fees.items.map((_, i) => `fees.items[${i}]`)),
    ...c.fees.exemptions.map((_, i) => `fees.exemptions[${i}]`),
    ...c.specialProcedures.map((_, i) => `specialProcedures[${i}]`),
  ];
}

describe("seed catalog", () => {
  it("has the items the demo flows need", () => {
    const names = items.map((i) => i.name);
    for (const name of [
      "建设用地规划许可证核发",
      "建设工程规划许可证核发",
      "乡村建设规划许可证核发",
      "建设项目用地预审与选址意见书核发",
      "国有建设用地使用权首次登记",
      "国有建设用地使用权及房屋所有权转移登记",
      "抵押权首次登记",
      "临时用地审批",
      "设施农业用地备案",
    ]) {
      expect(names).toContain(name);
    }
    expect(items.filter((i) => i.handlingType === "immediate").length).toBeGreaterThanOrEqual(1);
    const facility = items.find((i) => i.name === "设施农业用地备案");
    expect(facility?.handledBy).toMatchObject({ kind: "township", since: expect.stringMatching(/^2020-/) });
  });

  it("has unique item codes", () => {
    expect(ctx.itemCodes.size).toBe(items.length);
  });

  it.each(items.map((i) => [i.name, i] as const))("%s passes the catalog validation", (_name, item) => {
    expect(validateItemContent(item, ctx)).toEqual([]);
  });

  it.each(seed.items.items.map((i) => [i.content.name, i] as const))(
    "%s cites a source for every number",
    (_n, item) => {
      for (const field of numberFields(item.content)) {
        expect(item.sources[field], `${item.content.code}: ${field}`).toBeDefined();
      }
      for (const key of Object.values(item.sources)) expect(Object.keys(seed.items.sources)).toContain(key);
    },
  );

  it("has certificate types and shared datasets that point to existing records", () => {
    for (const d of seed.sharedDatasets) expect(orgCodes).toContain(d.providerOrgCode);
    const used = new Set(items.flatMap((i) => (i.certificateType ? [i.certificateType] : [])));
    expect([...used].every((c) => ctx.certificateTypes?.has(c))).toBe(true);
  });

  it("would fail on a broken item", () => {
    const raw = readYaml(join(root, "seed/catalog/items.yaml")) as {
      items: { content: Record<string, unknown> }[];
    };
    const broken = structuredClone(raw);
    delete broken.items[0].content.name;
    expect(() => parseSeedItems(broken)).toThrow(/name/);

    const first = items[0];
    const bad: TServiceItemContent = {
      ...first,
      promisedLimitDays: first.statutoryLimitDays + 1,
      materials: first.materials.map((m) =>
        m.source === "item_result" ? { ...m, sourceRef: "no-such-item" } : m,
      ),
    };
    const codes = validateItemContent(bad, ctx).map((p) => p.code);
    expect(codes).toContain("promised_exceeds_statutory");
    expect(codes).toContain("unknown_item");
    expect(validateItemContent(first, { ...ctx, orgCodes: new Set() }).map((p) => p.code)).toContain(
      "unknown_org",
    );
  });
});
