import { describe, expect, it } from "vitest";
import { referralProgressProblem } from "./referralRules";

describe("referral progress (转办)", () => {
  it("moves forward, repeats a status to add a note, never goes back, and done is final", () => {
    expect(referralProgressProblem("sent", "received")).toBeNull();
    expect(referralProgressProblem("sent", "done")).toBeNull();
    expect(referralProgressProblem("in_progress", "in_progress")).toBeNull();
    expect(referralProgressProblem("in_progress", "received")).toBe("backwards");
    expect(referralProgressProblem("done", "done")).toBe("closed");
  });
});
