import { describe, expect, it } from "vitest";
import { YizhanError } from "../errors";
import { decideStageChange, nextStage, PROJECT_STAGES, type ProjectStage } from "./projectStage";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof YizhanError) return { status: e.status, field: e.field };
    throw e;
  }
  return null;
};

describe("project stages", () => {
  it("every stage moves to the next one without a reason; the last one moves nowhere", () => {
    for (const from of PROJECT_STAGES) {
      const next = nextStage(from);
      if (next) expect(decideStageChange(from, {})).toBe(next);
      else expect(refusal(() => decideStageChange(from, {}))).toEqual({ status: 409, field: undefined });
    }
  });

  it("for every pair of stages: back or same refused (stage), skipping only with a reason", () => {
    for (const [i, from] of PROJECT_STAGES.entries()) {
      if (i === PROJECT_STAGES.length - 1) continue;
      for (const [j, to] of PROJECT_STAGES.entries()) {
        const without = refusal(() => decideStageChange(from, { to }));
        const withReason = refusal(() => decideStageChange(from, { to, reason: "简易低风险项目合并办理" }));
        if (j <= i) {
          expect(without).toEqual({ status: 422, field: "stage" });
          expect(withReason).toEqual({ status: 422, field: "stage" });
        } else if (j === i + 1) {
          expect(without).toBeNull();
        } else {
          expect(without).toEqual({ status: 422, field: "reason" });
          expect(withReason).toBeNull();
          expect(decideStageChange(from, { to, reason: "合并办理" })).toBe(to as ProjectStage);
        }
      }
    }
  });

  it("a blank reason is no reason", () => {
    expect(refusal(() => decideStageChange("land_planning", { to: "completion", reason: "  " }))).toEqual({
      status: 422,
      field: "reason",
    });
  });
});
