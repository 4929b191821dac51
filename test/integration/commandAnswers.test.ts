import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseIn } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Case = {
  id: string;
  version: number;
  status: string;
  materials: { code: string; status: string; required: boolean }[];
  reviewTasks: { id: string; orgCode: string; version: number; status: string }[];
  documents: { kind: string; number: string }[];
  abilities: Record<string, boolean>;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/**
 * A command answers the case from what it read in its own transaction (no second read by the route):
 * the answer must be what a read of the case right after gives — the new review tasks, the notice
 * numbered after commit, the abilities the new tasks give a reviewer.
 */
describe("a command's answer is the case as a read gives it", () => {
  it("accept, complete a review task, suspend: each answer equals the GET that follows", async () => {
    const { id } = await caseIn(t, "submitted");
    const clerk = await t.as("clerk");
    const before = (await clerk.get<Case>(`/api/cases/${id}`)).body;
    const checked = await clerk.post<Case>(`/api/cases/${id}/material-checks`, {
      expectedVersion: before.version,
      checks: before.materials
        .filter((m) => m.status !== "pending" || m.required)
        .map((m) => ({ materialCode: m.code, status: "pass" })),
    });
    expect(checked.status).toBe(200);

    const accepted = await clerk.post<Case>(`/api/cases/${id}/accept`, {
      expectedVersion: checked.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("in_review");
    expect(accepted.body.reviewTasks.length).toBeGreaterThan(0);
    const notice = accepted.body.documents.find((d) => d.kind === "acceptance");
    expect(notice?.number).toMatch(/受〔\d{4}〕\d+号$/);
    expect(accepted.body).toEqual((await clerk.get<Case>(`/api/cases/${id}`)).body);

    const planning = await t.as("reviewer-planning");
    const task = accepted.body.reviewTasks.find((x) => x.orgCode === "HY-ZRZY-GH");
    if (!task) throw new Error("no planning task");
    const completed = await planning.post<Case>(`/api/review-tasks/${task.id}/complete`, {
      expectedVersion: task.version,
      outcome: "approve",
      opinion: "符合规划条件",
    });
    expect(completed.status).toBe(200);
    expect(completed.body.reviewTasks.find((x) => x.id === task.id)?.status).toBe("approved");
    // The reviewer reads the case through their task's department: the answer knows it too.
    expect(completed.body.abilities.read).toBe(true);
    expect(completed.body).toEqual((await planning.get<Case>(`/api/cases/${id}`)).body);

    const approver = await t.as("approver");
    const answer = await approver.request<Record<string, unknown>>("POST", `/api/cases/${id}/suspend`, {
      expectedVersion: completed.body.version,
      kind: "expert_review",
      reason: "专家评审",
      expectedDays: 5,
    });
    expect(answer.status).toBe(200);
    const suspended = (await approver.get<Case>(`/api/cases/${id}`)).body;
    expect(answer.body).toEqual(suspended);
  });

  it("with Prefer: return=minimal the answer is the case's reference only", async () => {
    const { id } = await caseIn(t, "in_review");
    const clerk = await t.as("clerk");
    const c = (await clerk.get<Case>(`/api/cases/${id}`)).body;
    const planning = await t.as("reviewer-planning");
    const task = c.reviewTasks.find((x) => x.orgCode === "HY-ZRZY-GH");
    if (!task) throw new Error("no planning task");
    const res = await planning.request<Record<string, unknown>>(
      "POST",
      `/api/review-tasks/${task.id}/complete`,
      { expectedVersion: task.version, outcome: "approve", opinion: "同意" },
      { prefer: "return=minimal" },
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["id", "number", "status", "version"]);
    expect(res.body.version).toBe(c.version + 1);
  });

  it("submit, material checks, decide and issue answer the reference too when asked", async () => {
    const { id } = await caseIn(t, "draft");
    const minimal = { prefer: "return=minimal" };
    const ref = (body: Record<string, unknown>) => {
      expect(Object.keys(body).sort()).toEqual(["id", "number", "status", "version"]);
      return body as { id: string; status: string; version: number };
    };
    const applicant = await t.as("sanmu");
    const draft = (await applicant.get<Case>(`/api/cases/${id}`)).body;
    const submitted = await applicant.request<Record<string, unknown>>(
      "POST",
      `/api/cases/${id}/submit`,
      { expectedVersion: draft.version },
      minimal,
    );
    expect(submitted.status).toBe(200);
    expect(ref(submitted.body).status).toBe("submitted");

    const clerk = await t.as("clerk");
    const checked = await clerk.request<Record<string, unknown>>(
      "POST",
      `/api/cases/${id}/material-checks`,
      {
        expectedVersion: ref(submitted.body).version,
        checks: draft.materials
          .filter((m) => m.status !== "pending" || m.required)
          .map((m) => ({ materialCode: m.code, status: "pass" })),
      },
      minimal,
    );
    expect(checked.status).toBe(200);
    const accepted = await clerk.post<Case>(`/api/cases/${id}/accept`, {
      expectedVersion: ref(checked.body).version,
    });
    expect(accepted.status).toBe(200);
    let version = accepted.body.version;
    for (const task of accepted.body.reviewTasks) {
      const reviewer = await t.as(task.orgCode === "HY-ZRZY-GH" ? "reviewer-planning" : "reviewer-land");
      const done = await reviewer.request<Record<string, unknown>>(
        "POST",
        `/api/review-tasks/${task.id}/complete`,
        { expectedVersion: task.version, outcome: "approve", opinion: "同意" },
        minimal,
      );
      expect(done.status).toBe(200);
      version = ref(done.body).version;
    }
    const approver = await t.as("approver");
    const decided = await approver.request<Record<string, unknown>>(
      "POST",
      `/api/cases/${id}/decide`,
      { expectedVersion: version, outcome: "approve", reasons: "符合法定条件和标准" },
      minimal,
    );
    expect(decided.status).toBe(200);
    const issued = await clerk.request<Record<string, unknown>>(
      "POST",
      `/api/cases/${id}/issue`,
      { expectedVersion: ref(decided.body).version },
      minimal,
    );
    expect(issued.status).toBe(200);
    expect(ref(issued.body).status).toBe("completed");
    // The reference is the case as saved: a read that follows agrees.
    const read = (await clerk.get<Case>(`/api/cases/${id}`)).body;
    expect({ status: read.status, version: read.version }).toEqual({
      status: "completed",
      version: ref(issued.body).version,
    });
  });
});
