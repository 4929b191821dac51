import { describe, expect, it } from "vitest";
import { nextStep } from "../../app/presenters/case";
import { nextStepOf } from "./actionLabels";
import { CLOSED, OPEN } from "./caseStatus";
import { commandsAllowedIn } from "./transitions";

describe("the next step of a case (issue 15 item 4)", () => {
  it("is read from the commands the transition table allows, named with the actions' names", () => {
    expect(nextStepOf(commandsAllowedIn("submitted"))["zh-CN"]).toBe(
      "窗口：受理 / 一次性告知补正 / 不予受理",
    );
    expect(nextStepOf(commandsAllowedIn("correction_requested"))["zh-CN"]).toBe("申请人：提交补正");
    expect(nextStepOf(commandsAllowedIn("approved"))["en-US"]).toBe("The window: Issue result");
    for (const status of OPEN) expect(nextStepOf(commandsAllowedIn(status))["zh-CN"], status).not.toBe("—");
    for (const status of CLOSED.filter((s) => !OPEN.includes(s)))
      expect(nextStepOf(commandsAllowedIn(status)), status).toEqual({ "zh-CN": "—", "en-US": "—" });
  });

  it("follows the review tasks when the case page knows them", () => {
    const open = nextStep("in_review", [{ status: "approved" }, { status: "claimed" }]);
    const done = nextStep("in_review", [{ status: "approved" }, { status: "cancelled" }]);
    expect(open["zh-CN"]).toBe("审查科室：审查通过 / 审查退回");
    expect(done["zh-CN"]).toBe("审批负责人：作出决定");
  });
});
