import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(async () => t?.close());

type List = { items: { code: string; name: string }[] };
const search = async (q: string) =>
  (await t.client().get<List>(`/api/catalog/items?q=${encodeURIComponent(q)}&pageSize=50`)).body.items.map(
    (i) => i.code,
  );

describe("the guide finds items by their common names (seed/catalog/synonyms.yaml)", () => {
  it("房产证 finds the items about the 不动产权证书", async () => {
    const found = await search("房产证");
    expect(found).toEqual(
      expect.arrayContaining([
        "real-estate-certificate-replacement",
        "state-land-and-house-transfer-registration",
      ]),
    );
    expect(found).not.toContain("temporary-land-use-approval");
    expect(found).not.toContain("facility-agricultural-land-filing");
  });

  it("规划许可 finds both planning permits", async () => {
    const found = await search("规划许可");
    // Both permits (and the rural one, also a 规划许可) come before anything else.
    expect(found.slice(0, 3).sort()).toEqual([
      "building-planning-permit",
      "construction-land-planning-permit",
      "rural-construction-planning-permit",
    ]);
  });

  it("土地证, 用地许可, 过户, 查档 and 大棚用地 find their items", async () => {
    expect(await search("土地证")).toContain("state-land-first-registration");
    expect(await search("用地许可")).toEqual(
      expect.arrayContaining(["construction-land-planning-permit", "site-selection-and-land-pre-review"]),
    );
    expect(await search("过户")).toContain("state-land-and-house-transfer-registration");
    expect(await search("查档")).toEqual(["real-estate-records-inquiry"]);
    expect(await search("大棚用地")).toEqual(["facility-agricultural-land-filing"]);
  });

  it("a word of no synonym still finds only its own items", async () => {
    expect(await search("抵押")).toContain("mortgage-first-registration");
    expect(await search("房产证抵押不存在的词语")).toEqual([]);
  });
});
