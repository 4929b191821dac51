import { describe, expect, it } from "vitest";
import { buildTsQuery, indexWords, queryWords } from "./search";

describe("Chinese segmentation for search", () => {
  it("indexes sub-words (乡镇政府 → 乡镇) and keeps legal terms whole (不动产, 核发)", () => {
    expect(indexWords("乡镇人民政府")).toEqual(expect.arrayContaining(["乡镇", "人民政府"]));
    expect(indexWords("不动产登记")).toContain("不动产");
    expect(queryWords("建设用地规划许可证核发")).toContain("核发");
  });

  it("builds a quoted tsquery, escaping quotes, and nothing from punctuation", () => {
    expect(buildTsQuery("规划许可")).toBe("'规划' & '许可'");
    expect(buildTsQuery("不动产")).toBe("('不动产' | ('不动' & '动产'))");
    expect(buildTsQuery("a'b")).toBe("'a' & 'b'");
    expect(buildTsQuery("，。 ")).toBeNull();
  });
});
