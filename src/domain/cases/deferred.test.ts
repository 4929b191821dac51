import { describe, expect, it } from "vitest";
import type { OwedMaterial } from "./context";
import { caseIn, permissiveContext, VALID_COMMANDS } from "./testFixtures";
import { transition } from "./transition";

const owed = (o: Partial<OwedMaterial> = {}): OwedMaterial => ({
  code: "M03",
  name: "宗地图",
  dueOn: "2026-11-25",
  delivered: false,
  issueFirstCondition: null,
  ...o,
});

describe("容缺受理 fulfilled", () => {
  it("no approval and no issue while a deferred material is owed: 422 naming the material and its due date", () => {
    const ctx = permissiveContext({ owed: [owed()] });
    const decide = transition(caseIn("in_review"), VALID_COMMANDS.decide, ctx);
    expect(!decide.ok && decide.error).toMatchObject({ status: 422, field: "materials.M03" });
    expect(!decide.ok && decide.error.errors?.[0].code).toBe("deferred_material_owed");
    expect(!decide.ok && decide.error.messages["zh-CN"]).toContain("宗地图");
    expect(!decide.ok && decide.error.messages["zh-CN"]).toContain("2026-11-25");
    const issue = transition(caseIn("approved"), VALID_COMMANDS.issue, ctx);
    expect(!issue.ok && issue.error.errors?.[0].field).toBe("materials.M03");
    // A denial stays possible: not delivering what was promised is itself a reason to deny.
    const deny = transition(
      caseIn("in_review"),
      { type: "decide", outcome: "deny", reasons: "逾期未补交" },
      ctx,
    );
    expect(deny.ok).toBe(true);
  });

  it("an item that allows issuing first lets decide and issue through; the material is still owed", () => {
    const ctx = permissiveContext({ owed: [owed({ issueFirstCondition: "先行核发，承诺补交" })] });
    expect(transition(caseIn("in_review"), VALID_COMMANDS.decide, ctx).ok).toBe(true);
    expect(transition(caseIn("approved"), VALID_COMMANDS.issue, ctx).ok).toBe(true);
    const later = transition(
      caseIn("completed"),
      { type: "deliverDeferred", materialCode: "M03", fileId: "f2" },
      ctx,
    );
    expect(later.ok && later.next.status).toBe("completed");
  });

  it("delivery names an owed material; a check needs a delivery; defective needs a note", () => {
    const ctx = permissiveContext({ owed: [owed()] });
    const notOwed = transition(
      caseIn("in_review"),
      { type: "deliverDeferred", materialCode: "M02", fileId: "f1" },
      ctx,
    );
    expect(!notOwed.ok && notOwed.error.errors?.[0]).toMatchObject({
      field: "materialCode",
      code: "material_not_owed",
    });
    const early = transition(caseIn("in_review"), VALID_COMMANDS.checkDeferred, ctx);
    expect(!early.ok && early.error.errors?.[0].code).toBe("nothing_delivered");
    const delivered = permissiveContext({ owed: [owed({ delivered: true })] });
    const noNote = transition(
      caseIn("in_review"),
      { type: "checkDeferred", materialCode: "M03", verdict: "defective", note: " " },
      delivered,
    );
    expect(!noNote.ok && noNote.error.errors?.[0].field).toBe("note");
    const ok = transition(caseIn("in_review"), VALID_COMMANDS.checkDeferred, delivered);
    expect(ok.ok && ok.next.status).toBe("in_review");
    expect(ok.ok && ok.events[0].type).toBe("material.deferred_checked");
    // A denied case owes nothing any more: no delivery there.
    const denied = transition(caseIn("denied"), VALID_COMMANDS.deliverDeferred, ctx);
    expect(!denied.ok && denied.error.code).toBe("invalid_transition");
  });
});
