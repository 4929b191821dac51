import { describe, expect, it } from "vitest";
import {
  addMonths,
  alertCounts,
  type CaseFact,
  caseFigures,
  caseInFigure,
  isOnTime,
  monthsOf,
  visitsOf,
} from "./figures";

const fact = (over: Partial<CaseFact>): CaseFact => ({
  id: "x",
  number: "N",
  itemName: "I",
  status: "completed",
  acceptedOn: "2026-11-02",
  completedOn: "2026-11-05",
  deadline: "2026-11-05",
  finishedOnSpot: false,
  visits: 0,
  clockState: null,
  handlers: [],
  ...over,
});
const NOV = { from: "2026-11", to: "2026-11" };

describe("supervision figures", () => {
  it("counts visits only for window-recorded filings, resubmissions and deferred deliveries", () => {
    expect(
      visitsOf([
        { type: "case.submitted", actorRole: "clerk" },
        { type: "case.resubmitted", actorRole: "applicant" },
        { type: "case.resubmitted", actorRole: "clerk" },
        { type: "material.deferred_delivered", actorRole: "clerk" },
        { type: "case.accepted", actorRole: "clerk" },
      ]),
    ).toBe(3);
    expect(visitsOf([{ type: "case.submitted", actorRole: "applicant" }])).toBe(0);
  });

  it("on time is completion on or before the deadline; no deadline is on time", () => {
    expect(isOnTime({ completedOn: "2026-11-05", deadline: "2026-11-05" })).toBe(true);
    expect(isOnTime({ completedOn: "2026-11-06", deadline: "2026-11-05" })).toBe(false);
    expect(isOnTime({ completedOn: "2026-11-06", deadline: null })).toBe(true);
    expect(isOnTime({ completedOn: null, deadline: null })).toBe(false);
  });

  it("办结率 follows the acceptance month, the others the completion month", () => {
    const facts = [
      fact({ id: "a" }),
      fact({ id: "late", acceptedOn: "2026-10-09", completedOn: "2026-11-24", deadline: "2026-10-14" }),
      fact({ id: "open", status: "in_review", completedOn: null, clockState: "normal" }),
      fact({ id: "spot", finishedOnSpot: true, visits: 1, deadline: null }),
    ];
    const f = caseFigures(facts, [{ caseId: "a", month: "2026-11", satisfied: false }], NOV);
    expect(f).toEqual({
      accepted: 3,
      completed: 3,
      completionRate: { numerator: 2, denominator: 3, value: 0.6667 },
      onTimeRate: { numerator: 2, denominator: 3, value: 0.6667 },
      onSpotRate: { numerator: 1, denominator: 3, value: 0.3333 },
      visitsPerCase: { visits: 1, cases: 3, value: 0.33 },
      satisfactionRate: { numerator: 0, denominator: 1, value: 0 },
    });
    expect(caseInFigure("onTimeRate", facts[1], NOV)).toEqual({ member: true, counted: false });
    expect(caseInFigure("completionRate", facts[1], NOV)).toEqual({ member: false, counted: false });
    expect(caseFigures([], [], NOV).completionRate.value).toBeNull();
  });

  it("alerts count in the month raised and in the month closed", () => {
    const a = alertCounts(
      [
        {
          id: "1",
          rule: "clock_red",
          caseId: null,
          taskHandlers: [],
          orgId: null,
          raisedMonth: "2026-10",
          closedMonth: "2026-11",
        },
        {
          id: "2",
          rule: "clock_red",
          caseId: null,
          taskHandlers: [],
          orgId: null,
          raisedMonth: "2026-11",
          closedMonth: null,
        },
      ],
      NOV,
    );
    expect(a.raised).toBe(1);
    expect(a.closed).toBe(1);
    expect(a.byRule.get("clock_red")).toEqual({ raised: 1, closed: 1 });
  });

  it("month arithmetic", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 11)).toBe("2026-11");
    expect(monthsOf({ from: "2025-11", to: "2026-02" })).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });
});
