import { describe, expect, it } from "vitest";
import { officialCalendar } from "../calendar/officialData";
import { type PlanStep, planReviewTasks, returnTargets, stepsReadyToOpen } from "./reviewPlan";

const cal = officialCalendar();
const steps: PlanStep[] = [
  { code: "GH", name: "规划审查", orgCode: "HY-ZRZY-GH", mode: "parallel", lead: true, limitDays: 2 },
  { code: "LY", name: "用地审查", orgCode: "HY-ZRZY-LY", mode: "parallel", lead: false, limitDays: 2 },
  {
    code: "SP",
    name: "审核签发",
    orgCode: "HY-ZRZY-SP",
    mode: "sequential",
    lead: false,
    limitDays: 1,
    after: ["GH", "LY"],
  },
];

describe("parallel review plan", () => {
  it("opens parallel steps at once, due inside the case limit; sequential ones wait", () => {
    const tasks = planReviewTasks(steps, "2026-11-24", "2026-11-25", cal);
    expect(tasks.map((t) => [t.stepCode, t.status, t.dueOn])).toEqual([
      ["GH", "open", "2026-11-25"],
      ["LY", "open", "2026-11-25"],
      ["SP", "waiting", null],
    ]);
  });
  it("opens a sequential step once all its predecessors are approved", () => {
    expect(
      stepsReadyToOpen(steps, [
        { stepCode: "GH", status: "approved" },
        { stepCode: "LY", status: "claimed" },
        { stepCode: "SP", status: "waiting" },
      ]),
    ).toEqual([]);
    expect(
      stepsReadyToOpen(steps, [
        { stepCode: "GH", status: "approved" },
        { stepCode: "LY", status: "approved" },
        { stepCode: "SP", status: "waiting" },
      ]),
    ).toEqual(["SP"]);
  });
  it("sends a return to the predecessors, else to the lead", () => {
    expect(returnTargets(steps, "SP")).toEqual(["GH", "LY"]);
    expect(returnTargets(steps, "LY")).toEqual(["GH"]);
    expect(returnTargets(steps, "GH")).toEqual(["GH"]);
  });
});
