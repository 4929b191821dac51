import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSuspensionKind } from "../../src/shared/api/cases";
import type { CaseBody } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseIn, FACTORY_STATES, FACTORY_STATUS, type FactoryState } from "../helpers/factories";
import { INQUIRY_FORM, REG_FORM } from "../helpers/forms";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Case = CaseBody & {
  pauses: { kind: string; to: string | null; expectedDays: number }[];
  decision: { outcome: string } | null;
  correctionRounds: number;
  materials: (CaseBody["materials"][number] & { deferredDueOn: string | null; commitmentSigned: boolean })[];
};

let t: TestApp;
let clerk: TestClient;
let approver: TestClient;
let sanmu: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.as("clerk");
  approver = await t.as("approver");
  sanmu = await t.as("sanmu");
});
afterAll(async () => {
  await t.close();
});

/** What the API must show of a case built in each state. */
type Expect = {
  clock: string;
  /** The timeline's event types, in order (the path the factory took). */
  events: string[];
  /** Abilities that must be true / false, by who reads the case. */
  can: [Who, string][];
  cannot: [Who, string][];
};
type Who = "applicant" | "clerk" | "approver";
const A: Who = "applicant";
const C: Who = "clerk";
const P: Who = "approver";
const SUBMIT = ["case.created", "case.submitted"];
const CHECKED = [...SUBMIT, "case.materials_checked", "case.accepted"];
/** Accepted and assigned to the review sections of the plan. */
const ACCEPT = [...CHECKED, "case.assigned"];

const EXPECTED: Record<FactoryState, Expect> = {
  draft: {
    clock: "not_started",
    events: ["case.created"],
    can: [
      [A, "submit"],
      [A, "withdraw"],
      [A, "updateDraft"],
    ],
    cannot: [
      [C, "accept"],
      [A, "resubmit"],
    ],
  },
  submitted: {
    clock: "not_started",
    events: SUBMIT,
    can: [
      [C, "accept"],
      [C, "requestCorrection"],
      [C, "refuse"],
      [C, "checkMaterials"],
      [A, "withdraw"],
    ],
    cannot: [
      [A, "submit"],
      [A, "resubmit"],
      [P, "decide"],
    ],
  },
  correction_requested: {
    clock: "not_started",
    events: [...SUBMIT, "case.correction_requested"],
    can: [
      [A, "resubmit"],
      [A, "withdraw"],
      [C, "refuse"],
    ],
    cannot: [
      [C, "accept"],
      [C, "requestCorrection"],
      [A, "submit"],
    ],
  },
  not_accepted: {
    clock: "not_started",
    events: [...SUBMIT, "case.refused"],
    can: [],
    cannot: [
      [C, "accept"],
      [C, "refuse"],
      [A, "withdraw"],
      [A, "resubmit"],
    ],
  },
  referred: {
    clock: "not_started",
    events: [...SUBMIT, "case.referred"],
    can: [],
    cannot: [
      [C, "accept"],
      [C, "refer"],
      [A, "withdraw"],
    ],
  },
  withdrawn: {
    clock: "not_started",
    events: [...SUBMIT, "case.withdrawn"],
    can: [],
    cannot: [
      [C, "accept"],
      [A, "withdraw"],
      [A, "submit"],
      [A, "resubmit"],
    ],
  },
  in_review: {
    clock: "normal",
    events: ACCEPT,
    can: [
      [P, "decide"],
      [P, "suspend"],
      [P, "extend"],
      [A, "withdraw"],
    ],
    cannot: [
      [C, "accept"],
      [P, "resume"],
      [C, "issue"],
    ],
  },
  deferred: {
    clock: "normal",
    events: ACCEPT,
    can: [
      [P, "decide"],
      [P, "suspend"],
      [A, "withdraw"],
    ],
    cannot: [
      [C, "accept"],
      [C, "issue"],
    ],
  },
  suspended: {
    clock: "paused",
    events: [...ACCEPT, "case.suspended"],
    can: [
      [P, "resume"],
      [A, "withdraw"],
    ],
    cannot: [
      [P, "suspend"],
      [P, "decide"],
      [C, "issue"],
      [C, "accept"],
    ],
  },
  approved: {
    clock: "stopped",
    events: [...ACCEPT, "case.decided"],
    can: [[C, "issue"]],
    cannot: [
      [P, "decide"],
      [A, "withdraw"],
      [C, "complete"],
    ],
  },
  denied: {
    clock: "stopped",
    events: [...ACCEPT, "case.decided"],
    can: [[C, "complete"]],
    cannot: [
      [C, "issue"],
      [P, "decide"],
      [A, "withdraw"],
    ],
  },
  completed: {
    clock: "stopped",
    events: [...ACCEPT, "case.decided", "case.issued"],
    can: [],
    cannot: [
      [C, "issue"],
      [C, "complete"],
      [P, "decide"],
      [A, "withdraw"],
    ],
  },
  denied_completed: {
    clock: "stopped",
    events: [...ACCEPT, "case.decided", "case.completed"],
    can: [],
    cannot: [
      [C, "issue"],
      [C, "complete"],
      [P, "decide"],
      [A, "withdraw"],
    ],
  },
  finished_on_the_spot: {
    clock: "stopped",
    events: [...CHECKED, "case.decided", "case.issued"],
    can: [],
    cannot: [
      [C, "issue"],
      [C, "accept"],
      [C, "finishOnTheSpot"],
    ],
  },
};

/** The event types of the case's timeline that mark its path (reviews and materials left out). */
async function pathEvents(id: string): Promise<string[]> {
  const timeline = await clerk.get<{ events: { type: string }[] }>(`/api/cases/${id}/timeline`);
  expect(timeline.status).toBe(200);
  return timeline.body.events.map((e) => e.type).filter((type) => type.startsWith("case."));
}

async function read(client: TestClient, id: string): Promise<Case> {
  const got = await client.get<Case>(`/api/cases/${id}`);
  expect(got.status).toBe(200);
  return got.body;
}

/** Checks the case as each reader sees it against {@link EXPECTED}. */
async function expectBuilt(
  id: string,
  state: FactoryState,
  applicant: TestClient = sanmu,
  differs: Partial<Expect> = {},
) {
  const want = { ...EXPECTED[state], ...differs };
  const c = await read(applicant, id);
  expect(c.status).toBe(FACTORY_STATUS[state]);
  expect(c.clock.state).toBe(want.clock);
  expect(await pathEvents(id)).toEqual(want.events);
  const pick = (who: Who) => ({ applicant, clerk, approver })[who];
  for (const [who, ability] of want.can) {
    const seen = await read(pick(who), id);
    expect({ ability, value: seen.abilities[ability] }).toEqual({ ability, value: true });
  }
  for (const [who, ability] of want.cannot) {
    const seen = await read(pick(who), id);
    expect({ ability, value: !!seen.abilities[ability] }).toEqual({ ability, value: false });
  }
  return c;
}

describe("caseIn: a land-use planning permit in any state in one call", () => {
  it.each(FACTORY_STATES.filter((s) => s !== "finished_on_the_spot"))(
    "builds a case %s that the API reads as such: status, clock, abilities and the path on its timeline",
    async (state) => {
      const { id, number } = await caseIn(t, state);
      const c = await expectBuilt(id, state);
      expect(c.number).toBe(number);
      expect(number).toMatch(/^340321-20261124-\d{4}$/);
    },
  );

  it("deferred: the material is owed with the applicant's commitment and a due date before the limit", async () => {
    const { id } = await caseIn(t, "deferred");
    const c = await read(clerk, id);
    const owed = c.materials.filter((m) => m.status === "deferred");
    expect(owed.map((m) => m.code)).toEqual(["parcel_map"]);
    expect(owed[0]).toMatchObject({ commitmentSigned: true, deferredDueOn: "2026-11-25" });
    expect(
      c.materials.filter((m) => m.required && m.code !== "parcel_map").every((m) => m.status === "pass"),
    ).toBe(true);
    const other = await caseIn(t, "deferred", { deferredMaterial: "project_approval" });
    expect((await read(clerk, other.id)).materials.find((m) => m.code === "project_approval")?.status).toBe(
      "deferred",
    );
  });

  it("correction_requested: one round, the named material reported", async () => {
    const { id } = await caseIn(t, "correction_requested", { correctionMaterial: "parcel_map" });
    const c = await read(clerk, id);
    expect(c.correctionRounds).toBe(1);
    expect(c.materials.find((m) => m.code === "parcel_map")?.status).toBe("defective");
  });

  it.each(["draft", "correction_requested", "in_review", "suspended"] as const)(
    "withdrawn from %s: the path up to it, then the withdrawal",
    async (from) => {
      const { id } = await caseIn(t, "withdrawn", { withdrawnFrom: from });
      const c = await read(sanmu, id);
      expect(c.status).toBe("withdrawn");
      const events = await pathEvents(id);
      expect(events.at(-1)).toBe("case.withdrawn");
      expect(events.slice(0, -1)).toEqual(from === "draft" ? ["case.created"] : EXPECTED[from].events);
      expect(c.abilities.withdraw).toBe(false);
    },
  );

  it("denied and approved carry the approver's decision", async () => {
    const denied = await read(clerk, (await caseIn(t, "denied")).id);
    expect(denied.decision).toMatchObject({ outcome: "deny" });
    const approved = await read(clerk, (await caseIn(t, "approved")).id);
    expect(approved.decision).toMatchObject({ outcome: "approve" });
    expect(approved.reviewTasks.map((x) => x.status)).toEqual(["approved", "approved"]);
  });
});

describe("caseIn: suspended in each special procedure", () => {
  it.each(ZSuspensionKind.options)("a pause of kind %s, open, the clock stopped", async (kind) => {
    const { id } = await caseIn(t, "suspended", { suspension: kind, expectedDays: 7 });
    const c = await read(approver, id);
    expect(c.status).toBe("suspended");
    expect(c.clock.state).toBe("paused");
    expect(c.pauses).toEqual([expect.objectContaining({ kind, to: null, expectedDays: 7 })]);
    expect(c.abilities.resume).toBe(true);
  });
});

describe("caseIn: other service items", () => {
  it("a state-land first registration (the registry section reviews; fees assessed and paid) completed", async () => {
    const { id } = await caseIn(t, "completed", {
      itemCode: "state-land-first-registration",
      formData: REG_FORM,
    });
    const c = await expectBuilt(id, "completed");
    expect(c.reviewTasks.map((x) => [x.orgCode, x.status])).toEqual([["HY-ZRZY-BDC", "approved"]]);
    const fees = await clerk.get<{ required: boolean; settled: boolean }>(`/api/cases/${id}/fees`);
    expect(fees.body).toMatchObject({ required: true, settled: true });
  });

  it("a registration in review and suspended (public notice)", async () => {
    const opts = { itemCode: "state-land-first-registration", formData: REG_FORM };
    // A one-day promised limit: accepted today, the clock is already yellow.
    await expectBuilt((await caseIn(t, "in_review", opts)).id, "in_review", sanmu, { clock: "yellow" });
    const s = await caseIn(t, "suspended", { ...opts, suspension: "public_notice" });
    expect((await expectBuilt(s.id, "suspended")).pauses[0].kind).toBe("public_notice");
  });

  it("a records inquiry (即办件) finished on the spot at the window, for a citizen", async () => {
    const citizen = await t.as("citizen");
    const { id } = await caseIn(t, "finished_on_the_spot", {
      itemCode: "real-estate-records-inquiry",
      formData: INQUIRY_FORM,
      applicant: "citizen",
    });
    const c = await expectBuilt(id, "finished_on_the_spot", citizen);
    expect(c.finishedOnSpot).toBe(true);
    expect(c.documents.map((d) => d.kind)).toContain("service_result");
  });

  it("refuses to guess a form for another item", async () => {
    await expect(caseIn(t, "draft", { itemCode: "state-land-first-registration" })).rejects.toThrow(
      /formData/,
    );
  });
});
