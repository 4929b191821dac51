import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseIn } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Settings = {
  orgId: string;
  orgCode: string;
  callbackWorkingDays: number;
  rectifyWorkingDays: number;
  acceptanceItemCodes: string[];
  own: boolean;
};

describe("evaluation settings per organization", () => {
  it("the supervisor sets the rectification clock and the items invited at acceptance; they apply to new cases", async () => {
    const supervisor = await t.as("supervisor");
    const list = await supervisor.get<{ items: Settings[] }>("/api/evaluation-settings");
    expect(list.status).toBe(200);
    const bureau = list.body.items.find((s) => s.orgCode === "HY-ZRZY") as Settings;
    expect(bureau).toMatchObject({ callbackWorkingDays: 1, rectifyWorkingDays: 15, own: false });

    const clerk = await t.as("clerk");
    const body = {
      callbackWorkingDays: 2,
      rectifyWorkingDays: 10,
      acceptanceItemCodes: ["construction-land-planning-permit"],
    };
    expect((await clerk.put(`/api/evaluation-settings/${bureau.orgId}`, body)).status).toBe(404);
    const zero = await supervisor.put<{ errors: { field: string }[] }>(
      `/api/evaluation-settings/${bureau.orgId}`,
      {
        ...body,
        callbackWorkingDays: 0,
      },
    );
    expect(zero.status).toBe(422);
    expect(zero.body.errors[0].field).toBe("callbackWorkingDays");
    const unknown = await supervisor.put<{ errors: { field: string }[] }>(
      `/api/evaluation-settings/${bureau.orgId}`,
      {
        ...body,
        acceptanceItemCodes: ["no-such-item"],
      },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe("acceptanceItemCodes.0");
    const saved = await supervisor.put<Settings>(`/api/evaluation-settings/${bureau.orgId}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...body, own: true });

    // Acceptance now invites too; a bad rating gets the organization's clock (Tue 11-24 + 2 / + 10 working days).
    const c = await caseIn(t, "completed");
    const applicant = await t.as("sanmu");
    const invs = await applicant.get<{ invitations: { id: string; stage: string }[] }>(
      `/api/cases/${c.id}/evaluations`,
    );
    expect(invs.body.invitations.map((i) => i.stage)).toEqual(["acceptance", "completion"]);
    const acc = invs.body.invitations[0];
    const rated = await applicant.post<{ rectificationId: string }>(
      `/api/evaluation-invitations/${acc.id}/evaluation`,
      {
        dimensions: {
          overall: "dissatisfied",
          efficiency: "basic",
          guide_accuracy: "basic",
          convenience: "basic",
          usability: "basic",
        },
      },
    );
    expect(rated.status).toBe(201);
    const rects = await supervisor.get<{
      items: { id: string; callbackDueOn: string; rectifyDueOn: string }[];
    }>("/api/rectifications");
    expect(rects.body.items.find((r) => r.id === rated.body.rectificationId)).toMatchObject({
      callbackDueOn: "2026-11-26",
      rectifyDueOn: "2026-12-08",
    });
  });
});
