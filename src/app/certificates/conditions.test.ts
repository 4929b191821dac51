import { describe, expect, it } from "vitest";
import { issueConditions, withConditions } from "./conditions";

const owed = [
  { code: "a", name: "项目备案文件", dueOn: "2026-12-01", delivered: false, issueFirstCondition: "先行核发" },
  { code: "b", name: "宗地图", dueOn: "2026-11-30", delivered: false, issueFirstCondition: null },
];

describe("conditions of a result issued first (容缺)", () => {
  it("states only the materials that allow issuing first, with their due dates", () => {
    expect(issueConditions(owed)).toEqual(["先行核发（容缺材料：项目备案文件，承诺于 2026-12-01 前补交）"]);
    expect(issueConditions([])).toEqual([]);
  });

  it("go into the 附记: appended to one the type has, else added at the end; nothing without conditions", () => {
    const fields = [{ name: "项目名称", value: "X" }];
    expect(withConditions(fields, [])).toBe(fields);
    expect(withConditions(fields, ["c1", "c2"])).toEqual([...fields, { name: "附记", value: "c1；c2" }]);
    expect(withConditions([{ name: "附记", value: "出让合同编号：18号" }], ["c1"])).toEqual([
      { name: "附记", value: "出让合同编号：18号；c1" },
    ]);
    expect(withConditions([{ name: "附记", value: "—" }], ["c1"])).toEqual([{ name: "附记", value: "c1" }]);
  });
});
