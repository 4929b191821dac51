import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../domain/cases/caseStatus";
import { ZCaseStatus } from "./cases";

describe("the wire's case statuses", () => {
  it("are the state machine's (src/domain/cases/caseStatus.ts), no more, no fewer", () => {
    expect([...ZCaseStatus.options].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
