import { describe, expect, it } from "vitest";
import { catalogSynonyms, expandQuery } from "./synonyms";

describe("the guide search's synonyms", () => {
  it("the list in seed/catalog/synonyms.yaml parses, longest term first, with the common names", () => {
    const list = catalogSynonyms();
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < list.length; i++)
      expect(list[i - 1].term.length).toBeGreaterThanOrEqual(list[i].term.length);
    expect(list.map((s) => s.term)).toEqual(
      expect.arrayContaining(["房产证", "规划许可", "土地证", "用地许可"]),
    );
    expect(new Set(list.map((s) => s.term)).size).toBe(list.length);
  });

  it("a query stands for itself and each replacement of a term it contains", () => {
    const list = [
      { term: "房产证", means: ["不动产权证书"] },
      { term: "规划许可", means: ["建设用地规划许可证", "建设工程规划许可证"] },
    ];
    expect(expandQuery("房产证换发", list)).toEqual(["房产证换发", "不动产权证书换发"]);
    expect(expandQuery("规划许可", list)).toEqual(["规划许可", "建设用地规划许可证", "建设工程规划许可证"]);
    expect(expandQuery("抵押", list)).toEqual(["抵押"]);
  });
});
