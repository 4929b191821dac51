import { describe, expect, it } from "vitest";
import { YizhanError } from "../errors";
import {
  SAME_STATE_CHANGES,
  type SameStateChange,
  sameStateAllowedIn,
  sameStateEvents,
  sameStateRule,
} from "./caseChanges";
import { CASE_STATUSES } from "./caseStatus";

const CHANGES = Object.keys(SAME_STATE_CHANGES) as SameStateChange[];

describe("same-state table", () => {
  it("allows each change exactly in the statuses of its row and refuses it elsewhere with 409", () => {
    for (const change of CHANGES)
      for (const status of CASE_STATUSES) {
        const allowed = (SAME_STATE_CHANGES[change].from as readonly string[]).includes(status);
        expect(sameStateAllowedIn(status, change), `${change} in ${status}`).toBe(allowed);
        if (allowed) expect(sameStateRule(status, change)).toBe(SAME_STATE_CHANGES[change]);
        else {
          const e = (() => {
            try {
              sameStateRule(status, change);
            } catch (err) {
              return err;
            }
          })();
          expect(e, `${change} in ${status}`).toBeInstanceOf(YizhanError);
          expect((e as YizhanError).code).toBe("invalid_transition");
          expect((e as YizhanError).status).toBe(409);
        }
      }
  });

  it("records the row's event; a draft saved names its status, a claim does not", () => {
    expect(sameStateEvents(SAME_STATE_CHANGES.updateDraft, "draft", undefined)).toEqual([
      { type: "case.draft_saved", fromStatus: "draft", toStatus: "draft" },
    ]);
    expect(sameStateEvents(SAME_STATE_CHANGES.claimReviewTask, "in_review", { taskId: "t" })).toEqual([
      { type: "review.claimed", data: { taskId: "t" } },
    ]);
    expect(sameStateEvents(SAME_STATE_CHANGES.remindDraft, "draft", undefined)).toEqual([]);
  });

  it("keeps the materials open only until acceptance, fees assessable from submission to approval", () => {
    expect(SAME_STATE_CHANGES.uploadMaterial.from).toEqual(["draft", "submitted", "correction_requested"]);
    expect(sameStateAllowedIn("accepted", "uploadMaterial")).toBe(false);
    expect(sameStateAllowedIn("draft", "assessFees")).toBe(false);
    expect(sameStateAllowedIn("approved", "assessFees")).toBe(true);
    expect(sameStateAllowedIn("completed", "assessFees")).toBe(false);
  });
});
