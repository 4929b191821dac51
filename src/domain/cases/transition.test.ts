import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus, CLOSED } from "./caseStatus";
import { type CaseCommandType, COMMAND_TYPES } from "./commands";
import { caseIn, permissiveContext, VALID_COMMANDS } from "./testFixtures";
import { transition } from "./transition";

/** The lifecycle of DESIGN.md, written out independently of the table in transitions.ts. */
const EXPECTED: Record<CaseStatus, CaseCommandType[]> = {
  draft: ["submit", "withdraw", "expire"],
  submitted: ["requestCorrection", "accept", "deemAccepted", "refuse", "refer", "withdraw"],
  correction_requested: ["resubmit", "deemAccepted", "refuse", "refer", "withdraw"],
  accepted: ["assign", "suspend", "extend", "decide", "withdraw", "deliverDeferred", "checkDeferred"],
  in_review: [
    "recommend",
    "sendBack",
    "suspend",
    "extend",
    "decide",
    "withdraw",
    "deliverDeferred",
    "checkDeferred",
  ],
  suspended: ["resume", "extend", "withdraw", "deliverDeferred", "checkDeferred"],
  approved: ["issue", "deliverDeferred", "checkDeferred"],
  denied: ["complete"],
  // Issued first on a condition (容缺 with 先行出证): the owed material still comes and is checked.
  completed: ["deliverDeferred", "checkDeferred"],
  not_accepted: [],
  referred: [],
  withdrawn: [],
  expired: [],
};

describe("the transition table", () => {
  for (const status of CASE_STATUSES) {
    it(`in ${status}, exactly ${EXPECTED[status].join(", ") || "no command"} succeed`, () => {
      const succeeded = COMMAND_TYPES.filter(
        (c) => transition(caseIn(status), VALID_COMMANDS[c], permissiveContext()).ok,
      );
      expect(succeeded).toEqual(EXPECTED[status]);
    });
  }

  it("closed states allow nothing (but the follow-up of an issued-first 容缺) and answer 409", () => {
    for (const status of CLOSED) {
      for (const c of COMMAND_TYPES) {
        if (status === "completed" && (c === "deliverDeferred" || c === "checkDeferred")) continue;
        const r = transition(caseIn(status), VALID_COMMANDS[c], permissiveContext());
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: "invalid_transition", status: 409 });
      }
    }
  });

  it("records the time the new state was entered and emits one event with from/to", () => {
    const ctx = permissiveContext();
    const r = transition(caseIn("submitted"), VALID_COMMANDS.accept, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status).toBe("accepted");
    expect(r.next.statusEnteredAt).toBe(ctx.now.toISOString());
    expect(r.next.acceptedOn).toBe("2026-11-24");
    expect(r.events).toEqual([
      { type: "case.accepted", data: expect.objectContaining({ from: "submitted", to: "accepted" }) },
    ]);
  });
});

describe("guards", () => {
  it("不刁: a correction notice may only name materials of the published list", () => {
    const r = transition(
      caseIn("submitted"),
      { type: "requestCorrection", items: [{ materialCode: "M99", problem: "missing" }] },
      permissiveContext(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.status).toBe(422);
      expect(r.error.errors?.[0]).toMatchObject({
        field: "items[0].materialCode",
        code: "material_not_on_list",
      });
    }
  });

  it("a second correction notice may not name a material that already passed", () => {
    const ctx = permissiveContext({ passedBefore: new Set(["M02"]) });
    const r = transition(
      caseIn("submitted"),
      { type: "requestCorrection", items: [{ materialCode: "M02", problem: "defective" }] },
      ctx,
    );
    expect(!r.ok && r.error.errors?.[0].code).toBe("material_already_passed");
  });

  it("acceptance needs every required material passed, or deferred where allowed (容缺)", () => {
    const ctx = permissiveContext({ checks: { M01: "pass", M02: "pass", M03: "missing" } });
    expect(transition(caseIn("submitted"), { type: "accept" }, ctx).ok).toBe(false);
    const deferred = { materialCode: "M03", dueOn: "2026-11-25", commitmentSigned: true };
    const ok = transition(
      caseIn("submitted"),
      { type: "accept", deferred: [deferred] },
      { ...ctx, today: "2026-11-24", effectiveDate: "2026-11-24" },
    );
    // limit 3 working days: due 2026-11-25 leaves 2 working days before the limit (11-27)
    expect(ok.ok).toBe(true);
    const key = transition(
      caseIn("submitted"),
      { type: "accept", deferred: [{ materialCode: "M01", dueOn: "2026-11-25", commitmentSigned: true }] },
      ctx,
    );
    expect(!key.ok && key.error.errors?.map((e) => e.code)).toContain("deferral_not_allowed");
    const unsigned = transition(
      caseIn("submitted"),
      { type: "accept", deferred: [{ ...deferred, commitmentSigned: false }] },
      ctx,
    );
    expect(!unsigned.ok && unsigned.error.errors?.map((e) => e.code)).toContain("commitment_required");
    const late = transition(
      caseIn("submitted"),
      { type: "accept", deferred: [{ ...deferred, dueOn: "2026-11-27" }] },
      ctx,
    );
    expect(!late.ok && late.error.errors?.map((e) => e.field)).toContain("deferred[0].dueOn");
  });

  it("a refusal needs its legal basis", () => {
    const r = transition(
      caseIn("submitted"),
      { type: "refuse", legalBasis: " ", reason: "x" },
      permissiveContext(),
    );
    expect(!r.ok && r.error.field).toBe("legalBasis");
  });

  it("an extension is granted once, with a reason, within the legal maximum", () => {
    const ctx = permissiveContext();
    expect(transition(caseIn("in_review"), { type: "extend", days: 11, reason: "复杂" }, ctx).ok).toBe(false);
    const once = transition(caseIn("in_review"), { type: "extend", days: 10, reason: "复杂" }, ctx);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const twice = transition(once.next, { type: "extend", days: 1, reason: "再延" }, ctx);
    expect(!twice.ok && twice.error.errors?.[0].code).toBe("already_extended");
  });

  it("no decision while review tasks are open; no issue with unpaid fees", () => {
    const open = transition(
      caseIn("in_review"),
      VALID_COMMANDS.decide,
      permissiveContext({ review: { total: 2, open: 1 } }),
    );
    expect(!open.ok && open.error.errors?.[0].code).toBe("review_open");
    const unpaid = transition(
      caseIn("approved"),
      VALID_COMMANDS.issue,
      permissiveContext({ feesSettled: false }),
    );
    expect(!unpaid.ok && unpaid.error.code).toBe("fees_unpaid");
  });

  it("an item that charges fees issues nothing before an assessment exists and is settled", () => {
    const charged = permissiveContext();
    charged.item = { ...charged.item, chargesFees: true };
    const none = transition(caseIn("approved"), VALID_COMMANDS.issue, charged);
    expect(!none.ok && none.error).toMatchObject({ code: "fees_unpaid", status: 422, field: "fees" });
    expect(!none.ok && none.error.errors?.[0].code).toBe("fees_not_assessed");
    const open = transition(caseIn("approved"), VALID_COMMANDS.issue, {
      ...charged,
      feesAssessed: true,
      feesSettled: false,
    });
    expect(!open.ok && open.error.errors?.[0].code).toBe("fees_unpaid");
    expect(transition(caseIn("approved"), VALID_COMMANDS.issue, { ...charged, feesAssessed: true }).ok).toBe(
      true,
    );
  });

  it("deemed acceptance dates back to receipt, only after the 5-day check period", () => {
    const early = transition(
      caseIn("submitted"),
      { type: "deemAccepted" },
      permissiveContext({ checkDueOn: "2026-11-27" }),
    );
    expect(early.ok).toBe(false);
    const late = transition(
      caseIn("submitted"),
      { type: "deemAccepted" },
      permissiveContext({ checkDueOn: "2026-11-20" }),
    );
    expect(late.ok && late.next.acceptedOn).toBe("2026-11-20");
  });

  it("suspend then resume records the pause up to the day before resumption", () => {
    const s = transition(
      caseIn("in_review"),
      VALID_COMMANDS.suspend,
      permissiveContext({ today: "2026-11-24" }),
    );
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.next.pauses).toEqual([expect.objectContaining({ from: "2026-11-24", to: null })]);
    const r = transition(s.next, { type: "resume" }, permissiveContext({ today: "2026-11-27" }));
    expect(r.ok && r.next.status).toBe("in_review");
    expect(r.ok && r.next.pauses[0].to).toBe("2026-11-26");
    expect(r.ok && r.next.pauses[0].resumedOn).toBe("2026-11-27");
  });

  it("a pause resumed on the day it began is kept: it covers no day, and the event says so", () => {
    const s = transition(caseIn("in_review"), VALID_COMMANDS.suspend, permissiveContext());
    if (!s.ok) throw s.error;
    const r = transition(s.next, { type: "resume", result: "当日评审完毕" }, permissiveContext());
    if (!r.ok) throw r.error;
    expect(r.next.status).toBe("in_review");
    expect(r.next.pauses).toEqual([
      expect.objectContaining({
        from: "2026-11-24",
        to: "2026-11-23",
        resumedOn: "2026-11-24",
        result: "当日评审完毕",
        kind: "expert_review",
      }),
    ]);
    expect(r.events[0].data.pause).toEqual(r.next.pauses[0]);
  });

  it("a special procedure longer than the item allows is refused", () => {
    const r = transition(
      caseIn("in_review"),
      { ...VALID_COMMANDS.suspend, expectedDays: 11 } as never,
      permissiveContext(),
    );
    expect(!r.ok && r.error.field).toBe("expectedDays");
  });
});
