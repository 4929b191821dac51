import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseIn, FACTORY_STATES } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("caseIn: a case in any state in one call", () => {
  it.each(FACTORY_STATES)(
    "builds a case %s that the API reads as such, with its path in the timeline",
    async (state) => {
      const { id, number } = await caseIn(t, state);
      const clerk = await t.as("clerk");
      const applicant = await t.as("sanmu");
      const got = await applicant.get<{ status: string; number: string | null }>(`/api/cases/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.status).toBe(state);
      expect(got.body.number).toBe(number);
      if (state !== "draft") {
        const timeline = await clerk.get<{ events: { type: string }[] }>(`/api/cases/${id}/timeline`);
        expect(timeline.status).toBe(200);
        const types = timeline.body.events.map((e) => e.type);
        expect(types).toContain("case.submitted");
        if (state !== "submitted") expect(types).toContain("case.accepted");
        if (state === "approved" || state === "completed") expect(types).toContain("case.decided");
        if (state === "completed") expect(types).toContain("case.issued");
      }
    },
  );
});
