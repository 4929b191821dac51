import { describe, expect, it } from "vitest";
import { correctionProblems } from "../cases/guards";
import { permissiveContext } from "../cases/testFixtures";
import { blockedFindings } from "./blockedRules";
import { ALERT_RULES } from "./rules";

const p = (field: string, code: string) => ({ field, code, message: { "zh-CN": "x", "en-US": "x" } });

describe("blocked and recorded: blockedFindings", () => {
  it("a correction asking for a material outside the list is a finding naming the material", () => {
    const cmd = {
      type: "requestCorrection" as const,
      items: [
        { materialCode: "M01", problem: "missing" as const },
        { materialCode: "X99", problem: "missing" as const },
      ],
    };
    const problems = correctionProblems(cmd.items, permissiveContext({ passedBefore: new Set() }));
    const [f] = blockedFindings("HY-1", cmd, problems, "u-clerk");
    expect(f).toMatchObject({
      rule: "material_off_list",
      severity: "red",
      responsibleUserId: "u-clerk",
      eventIds: [],
      data: { materialCodes: ["X99"], fields: ["items[1].materialCode"] },
    });
    expect(f.zh).toContain("X99");
  });
  it("a correction refused for another reason (empty notice, already passed) is not", () => {
    const cmd = { type: "requestCorrection" as const, items: [] };
    expect(blockedFindings("HY-1", cmd, [p("items", "empty_notice")], null)).toEqual([]);
  });
  it("a refusal without a legal basis is a finding; one refused only for its reason is not", () => {
    const cmd = { type: "refuse" as const, legalBasis: " ", reason: "材料不全" };
    expect(blockedFindings("HY-1", cmd, [p("legalBasis", "required")], null)[0]?.rule).toBe(
      "refusal_without_basis",
    );
    expect(blockedFindings("HY-1", cmd, [p("reason", "required")], null)).toEqual([]);
  });
  it("an extension without a reason is a finding; one refused for its days is not", () => {
    const cmd = { type: "extend" as const, days: 5, reason: "" };
    expect(blockedFindings("HY-1", cmd, [p("reason", "required")], null)[0]?.rule).toBe(
      "extension_without_reason",
    );
    expect(blockedFindings("HY-1", cmd, [p("days", "already_extended")], null)).toEqual([]);
  });
  it("other commands record nothing, and every rule is in ALERT_RULES", () => {
    expect(
      blockedFindings(
        "HY-1",
        { type: "decide", outcome: "deny", reasons: "" },
        [p("reasons", "required")],
        null,
      ),
    ).toEqual([]);
    const known = new Set(ALERT_RULES.map((r) => r.code));
    for (const code of ["material_off_list", "refusal_without_basis", "extension_without_reason"])
      expect(known.has(code)).toBe(true);
  });
});
