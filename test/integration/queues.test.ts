import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../helpers/client";
import { caseIn } from "../helpers/factories";
import { REG_FORM } from "../helpers/forms";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 15, item 4: the staff queues — search (number, applicant, item, dates), filters (status, clock),
// counts of every tab in one query, the 已办 lists of reviewers and approvers, claim-on-act, paging and
// row scoping.

type Summary = { id: string; number: string; status: string; clock: { state: string } };
type Page = { items: Summary[]; total: number };
type Task = {
  id: string;
  version: number;
  status: string;
  stepCode: string;
  claimedBy: string | null;
  case: { id: string; number: string };
  myAct: { outcome: string; at: string } | null;
};
type TaskPage = { items: Task[]; total: number };
type Counts = Record<string, number>;

const QUEUES = [
  "today",
  "awaiting_check",
  "corrections",
  "in_progress",
  "ready_to_issue",
  "deferred",
  "drafts",
  "mine",
  "awaiting_decision",
  "decided",
];

let t: TestApp;
let clerk: TestClient;
let approver: TestClient;
let planning: TestClient;
let land: TestClient;
let registry: TestClient;
let inReview: { id: string; number: string };
let submitted: { id: string; number: string };
let registration: { id: string; number: string };

const numbered = (c: { id: string; number: string | null }) => ({ id: c.id, number: c.number as string });
const q = (params: Record<string, string | number | string[]>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const x of Array.isArray(v) ? v : [v]) u.append(k, String(x));
  return u.toString();
};

beforeAll(async () => {
  t = await createTestApp();
  inReview = numbered(await caseIn(t, "in_review"));
  submitted = numbered(await caseIn(t, "submitted", { applicant: "huaishang" }));
  registration = numbered(
    await caseIn(t, "in_review", { itemCode: "state-land-first-registration", formData: REG_FORM }),
  );
  [clerk, approver, planning, land, registry] = await Promise.all(
    ["clerk", "approver", "reviewer-planning", "reviewer-land", "reviewer-registry"].map((u) => t.as(u)),
  );
  // Three cases through the real path (intake, checks, acceptance) take long on a loaded machine.
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("search and filters of the case queues", () => {
  it("finds a case by its number", async () => {
    const res = await clerk.get<Page>(`/api/cases?${q({ q: inReview.number })}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items.map((c) => c.id)).toEqual([inReview.id]);
  });

  it("matches an applicant by a whole credit code, never by a fragment of it", async () => {
    const whole = await clerk.get<Page>(`/api/cases?${q({ applicant: "91340321ma2u8hr7x2" })}`);
    expect(whole.body.items.map((c) => c.id)).toContain(submitted.id);
    expect(whole.body.items.map((c) => c.id)).not.toContain(inReview.id);
    // A fragment of the (masked) code narrows nothing down: it is read as a name and matches none.
    const fragment = await clerk.get<Page>(`/api/cases?${q({ applicant: "MA2U8HR7" })}`);
    expect(fragment.body.total).toBe(0);
    const byName = await clerk.get<Page>(`/api/cases?${q({ applicant: "淮商建材" })}`);
    expect(byName.body.items.map((c) => c.id)).toContain(submitted.id);
    expect(byName.body.items.map((c) => c.id)).not.toContain(inReview.id);
    // LIKE wildcards are text, not patterns.
    expect((await clerk.get<Page>(`/api/cases?${q({ applicant: "%" })}`)).body.total).toBe(0);
  });

  it("filters by item and by the date received", async () => {
    const item = await clerk.get<Page>(`/api/cases?${q({ itemCode: "state-land-first-registration" })}`);
    expect(item.body.items.map((c) => c.id)).toContain(registration.id);
    expect(item.body.items.map((c) => c.id)).not.toContain(inReview.id);
    const today = await clerk.get<Page>(
      `/api/cases?${q({ q: inReview.number, from: "2026-11-24", to: "2026-11-24" })}`,
    );
    expect(today.body.total).toBe(1);
    const before = await clerk.get<Page>(`/api/cases?${q({ q: inReview.number, to: "2026-11-23" })}`);
    expect(before.body.total).toBe(0);
    const after = await clerk.get<Page>(`/api/cases?${q({ q: inReview.number, from: "2026-11-25" })}`);
    expect(after.body.total).toBe(0);
  });

  it("filters by status and by the clock's state now", async () => {
    const mine = [inReview.id, submitted.id, registration.id];
    const ids = async (params: Record<string, string | string[]>) =>
      (await clerk.get<Page>(`/api/cases?${q({ ...params, limit: 200 })}`)).body.items
        .map((c) => c.id)
        .filter((id) => mine.includes(id));
    expect(await ids({ status: "submitted" })).toEqual([submitted.id]);
    expect(await ids({ clock: "not_started" })).toEqual([submitted.id]);
    expect((await ids({ clock: ["normal", "yellow"] })).sort()).toEqual(
      [inReview.id, registration.id].sort(),
    );
    expect(await ids({ clock: "red" })).toEqual([]);
    // Each state filters exactly the cases whose clock the list shows in that state.
    const all = (await clerk.get<Page>("/api/cases?limit=200")).body.items;
    for (const state of ["normal", "yellow", "red", "paused", "not_started", "stopped"]) {
      const got = (await clerk.get<Page>(`/api/cases?${q({ clock: state, limit: 200 })}`)).body.items;
      expect({ state, ids: got.map((c) => c.id).sort() }).toEqual({
        state,
        ids: all
          .filter((c) => c.clock.state === state)
          .map((c) => c.id)
          .sort(),
      });
    }
    // Six weeks later both accepted cases are past their deadlines (a session of its own: the
    // window's would have expired in between).
    t.clock.advance(42 * 86_400_000);
    try {
      const late = await t.as("clerk");
      const red = await late.get<Page>(`/api/cases?${q({ clock: ["red", "yellow"], limit: 200 })}`);
      expect(
        red.body.items
          .map((c) => c.id)
          .filter((id) => mine.includes(id))
          .sort(),
      ).toEqual([inReview.id, registration.id].sort());
      const one = await late.get<Page>(`/api/cases?${q({ q: inReview.number, clock: "red" })}`);
      expect(one.body.items[0].clock.state).toBe("red");
      await late.post("/api/auth/logout");
    } finally {
      t.clock.set("2026-11-24T01:00:00Z");
    }
  });

  it("pages without losing or repeating a case", async () => {
    const all = await clerk.get<Page>("/api/cases?limit=200");
    const seen: string[] = [];
    for (let offset = 0; offset < all.body.total; offset += 2) {
      const page = await clerk.get<Page>(`/api/cases?limit=2&offset=${offset}`);
      expect(page.body.total).toBe(all.body.total);
      seen.push(...page.body.items.map((c) => c.id));
    }
    expect(seen).toHaveLength(all.body.total);
    expect(new Set(seen).size).toBe(all.body.total);
  });
});

describe("counts of every queue", () => {
  it("are the totals of the lists, for every queue, with and without filters", async () => {
    const sets: Record<string, string>[] = [
      {},
      { itemCode: "construction-land-planning-permit" },
      { clock: "normal" },
    ];
    for (const filters of sets) {
      const counts = await clerk.get<Counts>(`/api/cases/counts?${q(filters)}`);
      expect(counts.status).toBe(200);
      const all = await clerk.get<Page>(`/api/cases?${q({ ...filters, limit: 1 })}`);
      expect(counts.body.all).toBe(all.body.total);
      for (const queue of QUEUES) {
        const list = await clerk.get<Page>(`/api/cases?${q({ ...filters, queue, limit: 1 })}`);
        expect({ queue, n: counts.body[queue] }).toEqual({ queue, n: list.body.total });
      }
    }
    const one = await clerk.get<Counts>(`/api/cases/counts?${q({ q: inReview.number })}`);
    expect(one.body).toMatchObject({ all: 1, in_progress: 1, awaiting_check: 0, today: 1 });
  });

  it("keep an applicant to their own cases", async () => {
    const huaishang = await t.as("huaishang");
    const res = await huaishang.get<Counts>(`/api/cases/counts?${q({ q: inReview.number })}`);
    expect(res.body.all).toBe(0);
    const own = await huaishang.get<Counts>(`/api/cases/counts?${q({ q: submitted.number })}`);
    expect(own.body.all).toBe(1);
  });
});

describe("the review inbox: search, 已办, counts, claim on the act", () => {
  const taskOf = async (who: TestClient, number: string, view = "todo") => {
    const res = await who.get<TaskPage>(`/api/review-tasks?${q({ q: number, view })}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it("never shows a reviewer another department's tasks", async () => {
    expect((await taskOf(planning, registration.number)).total).toBe(0);
    expect((await taskOf(registry, registration.number)).total).toBe(1);
    const cases = await planning.get<Page>(`/api/cases?${q({ q: registration.number })}`);
    expect(cases.body.total).toBe(0);
  });

  it("refuses applicants (403)", async () => {
    const sanmu = await t.as("sanmu");
    expect((await sanmu.get("/api/review-tasks")).status).toBe(403);
    expect((await sanmu.get("/api/review-tasks/counts")).status).toBe(403);
    expect((await sanmu.get("/api/review-tasks?view=done")).status).toBe(403);
  });

  it("completing an unclaimed task claims it in the same act, and it moves to 已办", async () => {
    const before = await planning.get<Counts>(`/api/review-tasks/counts?${q({ q: inReview.number })}`);
    expect(before.body).toEqual({ todo: 1, done: 0 });
    const { items } = await taskOf(planning, inReview.number);
    const task = items[0];
    expect(task).toMatchObject({ status: "open", claimedBy: null, stepCode: "planning_review", myAct: null });
    const done = await planning.post(`/api/review-tasks/${task.id}/complete`, {
      expectedVersion: task.version,
      outcome: "approve",
      opinion: "符合规划条件。",
    });
    expect(done.status).toBe(200);
    const me = await planning.get<{ id: string }>("/api/auth/me");
    const timeline = await clerk.get<{
      tasks: { id: string; status: string }[];
      events: { type: string; data: Record<string, unknown> }[];
    }>(`/api/cases/${inReview.id}/timeline`);
    const recommended = timeline.body.events.find((e) => e.type === "review.recommended");
    expect(recommended?.data).toMatchObject({ taskId: task.id, claimedOnAct: true });
    const detail = await clerk.get<{ reviewTasks: { id: string; claimedBy: string | null }[] }>(
      `/api/cases/${inReview.id}`,
    );
    expect(detail.body.reviewTasks.find((x) => x.id === task.id)?.claimedBy).toBe(me.body.id);

    expect((await taskOf(planning, inReview.number)).total).toBe(0);
    const doneList = await taskOf(planning, inReview.number, "done");
    expect(doneList.total).toBe(1);
    expect(doneList.items[0]).toMatchObject({
      id: task.id,
      status: "approved",
      myAct: { outcome: "approve" },
    });
    const after = await planning.get<Counts>(`/api/review-tasks/counts?${q({ q: inReview.number })}`);
    expect(after.body).toEqual({ todo: 0, done: 1 });
    // Another reviewer's 已办 does not carry it.
    expect((await taskOf(land, inReview.number, "done")).total).toBe(0);
  });

  it("commenting on an unclaimed task claims it for the commenter", async () => {
    const task = (await taskOf(land, inReview.number)).items[0];
    expect(task).toMatchObject({ stepCode: "land_review", claimedBy: null });
    const res = await land.post(`/api/review-tasks/${task.id}/comments`, { text: "请补充宗地图。" });
    expect(res.status).toBe(201);
    const again = (await taskOf(land, inReview.number)).items[0];
    expect(again.status).toBe("claimed");
    expect(again.claimedBy).not.toBeNull();
    expect(again.version).toBe(task.version + 1);
    const timeline = await clerk.get<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/api/cases/${inReview.id}/timeline`,
    );
    expect(timeline.body.events.find((e) => e.type === "review.claimed")?.data).toMatchObject({
      taskId: task.id,
      onAct: "comment",
    });
  });

  it("the approver's 待决定 and 已办 (decided)", async () => {
    const land2 = (await taskOf(land, inReview.number)).items[0];
    const ok = await land.post(`/api/review-tasks/${land2.id}/complete`, {
      expectedVersion: land2.version,
      outcome: "approve",
      opinion: "用地符合要求。",
    });
    expect(ok.status).toBe(200);
    const waiting = await approver.get<Page>(
      `/api/cases?${q({ queue: "awaiting_decision", q: inReview.number })}`,
    );
    expect(waiting.body.total).toBe(1);
    expect(
      (await approver.get<Page>(`/api/cases?${q({ queue: "awaiting_decision", q: registration.number })}`))
        .body.total,
    ).toBe(0);
    const c = await approver.get<{ version: number }>(`/api/cases/${inReview.id}`);
    const decided = await approver.post(`/api/cases/${inReview.id}/decide`, {
      expectedVersion: c.body.version,
      outcome: "approve",
      reasons: "符合条件，准予许可。",
    });
    expect(decided.status).toBe(200);
    const mine = await approver.get<Page>(`/api/cases?${q({ queue: "decided" })}`);
    expect(mine.body.items.map((x) => x.id)).toContain(inReview.id);
    const counts = await approver.get<Counts>(`/api/cases/counts?${q({ q: inReview.number })}`);
    expect(counts.body).toMatchObject({ decided: 1, awaiting_decision: 0, ready_to_issue: 1 });
    // The window decided nothing.
    expect((await clerk.get<Page>(`/api/cases?${q({ queue: "decided" })}`)).body.total).toBe(0);
  });
});
