import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBody } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Task = { id: string; caseId: string; status: string; version: number };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("withdrawal during review", () => {
  it("cancels every open review task — never marks it approved — and every reader says so", async () => {
    const applicant = await t.as("sanmu");
    const c = await caseRead(t, "in_review", applicant);
    expect(c.reviewTasks.map((x) => x.status)).toEqual(["open", "open"]);
    const planning = await t.as("reviewer-planning");
    const inbox = await planning.get<{ items: Task[] }>("/api/review-tasks");
    const task = inbox.body.items.find((x) => x.caseId === c.id) as Task;
    const claimed = await planning.post<Task>(`/api/review-tasks/${task.id}/claim`, {
      expectedVersion: task.version,
    });
    expect(claimed.status).toBe(200);
    const current = await applicant.get<CaseBody>(`/api/cases/${c.id}`);

    const w = await applicant.post<CaseBody>(`/api/cases/${c.id}/withdraw`, {
      expectedVersion: current.body.version,
      reason: "项目取消",
    });
    expect(w.status).toBe(200);
    expect(w.body.status).toBe("withdrawn");
    expect(w.body.reviewTasks.map((x) => x.status)).toEqual(["cancelled", "cancelled"]);

    // The reviewer's inbox no longer lists it; the approved list does not count it; cancelled does.
    const after = await planning.get<{ items: Task[] }>("/api/review-tasks");
    expect(after.body.items.some((x) => x.caseId === c.id)).toBe(false);
    const approved = await planning.get<{ items: Task[] }>("/api/review-tasks?status=approved");
    expect(approved.body.items.some((x) => x.caseId === c.id)).toBe(false);
    const cancelled = await planning.get<{ items: Task[] }>("/api/review-tasks?status=cancelled");
    expect(cancelled.body.items.filter((x) => x.caseId === c.id).map((x) => x.status)).toEqual(["cancelled"]);

    // The stale claim cannot complete the cancelled task.
    const late = await planning.post<{ code: string }>(`/api/review-tasks/${task.id}/complete`, {
      expectedVersion: claimed.body.version,
      outcome: "approve",
      opinion: "符合",
    });
    expect(late.status).toBe(409);

    // The timeline names what was cancelled; the public progress page shows it as cancelled.
    const tl = await applicant.get<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/api/cases/${c.id}/timeline`,
    );
    const withdrawn = tl.body.events.find((e) => e.type === "case.withdrawn");
    expect(withdrawn?.data.cancelledTasks).toHaveLength(2);
    const full = await applicant.get<CaseBody & { queryCode: string }>(`/api/cases/${c.id}`);
    const progress = await t
      .client()
      .get<{ reviews: { status: string }[] }>(
        `/api/public/progress?number=${encodeURIComponent(c.number)}&queryCode=${full.body.queryCode}`,
      );
    expect(progress.status).toBe(200);
    expect(progress.body.reviews.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
  });
});
