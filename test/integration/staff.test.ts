import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_POSTS, seedDemoStaff } from "../../src/app/staff/demo";
import { caseEvents, reviewTasks, users } from "../../src/db/schema";
import type { TReviewInboxItem } from "../../src/shared/api/review";
import type { THandoverResult, TStaffAbsence, TStaffPost, TStaffRoster } from "../../src/shared/api/staff";
import { caseIn } from "../helpers/factories";
import { otherCountyStaff } from "../helpers/otherCounty";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoStaff(t.ctx)).toEqual({ created: DEMO_POSTS.length });
  expect(await seedDemoStaff(t.ctx)).toEqual({ created: 0 });
});
afterAll(async () => t?.close());

type Problem = { code: string; errors?: { field: string }[] };

const userId = async (username: string) =>
  (await t.ctx.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ??
  "";

/** The planning section's review task of a case (the land-use permit's review step at 国土空间规划股). */
async function planningTask(caseId: string) {
  const gh = await t.ctx.database.db.select().from(reviewTasks).where(eq(reviewTasks.caseId, caseId));
  const roster = await (await t.as("supervisor")).get<TStaffRoster>("/api/staff");
  const ghOrg = roster.body.orgs.find((o) => o.name === "国土空间规划股");
  const task = gh.find((x) => x.orgId === ghOrg?.id && x.status === "open");
  if (!task) throw new Error("no open planning task");
  return task;
}

async function routedEvents(caseId: string) {
  return t.ctx.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "review.routed")));
}

async function roster() {
  const res = await (await t.as("supervisor")).get<TStaffRoster>("/api/staff");
  expect(res.status).toBe(200);
  return res.body;
}

const ghPost = (r: TStaffRoster) =>
  r.orgs.flatMap((o) => o.posts).find((p) => p.name === "规划审查岗") as TStaffPost;
const person = (r: TStaffRoster, id: string) => r.orgs.flatMap((o) => o.people).find((p) => p.id === id);

describe("staff posts and AB岗 (人员)", () => {
  it("lists the roster by window and section with posts, masked data and no absence", async () => {
    const r = await roster();
    expect(r.today).toBe("2026-11-24");
    const names = r.orgs.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(["县政务服务中心自然资源和规划窗口", "国土空间规划股", "不动产登记中心"]),
    );
    const win = r.orgs.find((o) => o.kind === "window");
    expect(win?.posts).toMatchObject([
      {
        name: "窗口综合受理岗",
        duty: "window_intake",
        holder: { displayName: "窗口受理员 王芳" },
        backup: { displayName: "窗口受理员 杨洁" },
        current: { displayName: "窗口受理员 王芳" },
        holderAbsent: false,
      },
    ]);
    expect(ghPost(r)).toMatchObject({
      holder: { displayName: "规划审查员 陈刚" },
      backup: { displayName: "规划审查员 李娜" },
      current: { displayName: "规划审查员 陈刚" },
    });
    // Outside departments and townships are not the bureau's roster.
    expect(r.orgs.some((o) => o.name.includes("市场监督"))).toBe(false);
    expect(r.handover).toEqual([]);
    const posts = await (await t.as("admin")).get<{ items: TStaffPost[] }>("/api/staff-posts");
    expect(posts.status).toBe(200);
    expect(posts.body.items).toHaveLength(DEMO_POSTS.length);
  });

  it("routes a new review task to the holder; while the holder is away to the backup; back again to the holder", async () => {
    const chen = await userId("reviewer-planning");
    const li = await userId("reviewer-planning2");
    const supervisor = await t.as("supervisor");

    const first = await caseIn(t, "in_review");
    const t1 = await planningTask(first.id);
    expect(t1.assigneeId).toBe(chen);
    expect((await routedEvents(first.id)).map((e) => e.data)).toContainEqual(
      expect.objectContaining({ via: "holder", assigneeName: "规划审查员 陈刚", stepName: t1.stepName }),
    );

    const absent = await supervisor.post<TStaffAbsence>("/api/staff-absences", {
      userId: chen,
      fromDate: "2026-11-24",
      toDate: "2026-11-26",
      reason: "leave",
      note: "年休假",
    });
    expect(absent.status).toBe(201);
    expect(absent.body).toMatchObject({
      reason: "leave",
      endedAt: null,
      recordedBy: { displayName: "股负责人 周明" },
    });
    // Recording the absence moved nothing: the first task is still the holder's.
    expect((await planningTask(first.id)).assigneeId).toBe(chen);

    const second = await caseIn(t, "in_review");
    const t2 = await planningTask(second.id);
    expect(t2.assigneeId).toBe(li);
    expect((await routedEvents(second.id)).map((e) => e.data)).toContainEqual(
      expect.objectContaining({
        via: "backup",
        assigneeName: "规划审查员 李娜",
        holderName: "规划审查员 陈刚",
        absence: "leave",
      }),
    );
    // The backup sees it first in their inbox, marked as theirs; the holder's colleague sees the rest.
    const inbox = await (await t.as("reviewer-planning2")).get<{ items: TReviewInboxItem[] }>(
      "/api/review-tasks",
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.items[0]).toMatchObject({ id: t2.id, assigneeId: li, assigneeName: "规划审查员 李娜" });
    expect(inbox.body.items.find((i) => i.id === t1.id)?.assigneeId).toBe(chen);

    const r = await roster();
    expect(ghPost(r)).toMatchObject({ holderAbsent: true, current: { displayName: "规划审查员 李娜" } });
    expect(person(r, chen)?.absence).toMatchObject({ id: absent.body.id, toDate: "2026-11-26" });
    // The handover list: the absent holder's open task, to the backup.
    const item = r.handover.find((h) => h.taskId === t1.id);
    expect(item).toMatchObject({ caseNumber: first.number, holder: { id: chen }, backup: { id: li } });
    expect(r.handover.some((h) => h.taskId === t2.id)).toBe(false);

    // Another county's supervisor sending the same valid body is refused for scope (403), not 422.
    const outsider = await otherCountyStaff(t, "x-supervisor", "supervisor");
    const refused = await outsider.post<Problem>("/api/staff-handover", {
      tasks: [{ taskId: t1.id, expectedVersion: item?.version }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");

    const handed = await supervisor.post<THandoverResult>("/api/staff-handover", {
      tasks: [{ taskId: t1.id, expectedVersion: item?.version }],
    });
    expect(handed.status).toBe(200);
    expect(handed.body.handedOver).toEqual([
      {
        taskId: t1.id,
        caseNumber: first.number,
        from: expect.objectContaining({ id: chen }),
        to: expect.objectContaining({ id: li }),
      },
    ]);
    const after = await planningTask(first.id);
    expect(after.assigneeId).toBe(li);
    expect(after.version).toBe((item?.version ?? 0) + 1);
    const [log] = await t.ctx.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, first.id), eq(caseEvents.type, "review.handed_over")));
    expect(log?.data).toMatchObject({
      taskId: t1.id,
      fromName: "规划审查员 陈刚",
      toName: "规划审查员 李娜",
    });
    expect(log?.actorName).toBe("股负责人 周明");
    expect((await roster()).handover.some((h) => h.taskId === t1.id)).toBe(false);
    // Handing over the same task again (stale, and no longer the holder's) is refused.
    const again = await supervisor.post<Problem>("/api/staff-handover", {
      tasks: [{ taskId: t1.id, expectedVersion: after.version }],
    });
    expect(again.status).toBe(422);
    expect(again.body.errors?.[0]?.field).toBe("tasks.0.taskId");

    // The holder is back: the absence ends, new work goes to them again.
    const ended = await supervisor.post<TStaffAbsence>(`/api/staff-absences/${absent.body.id}/end`, {
      expectedVersion: absent.body.version,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    const stale = await supervisor.post<Problem>(`/api/staff-absences/${absent.body.id}/end`, {
      expectedVersion: absent.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const third = await caseIn(t, "in_review");
    expect((await planningTask(third.id)).assigneeId).toBe(chen);
  }, 120_000); // three cases filed, accepted and read on a shared machine

  it("counts each person's open, yellow and red work on the fixed clock", async () => {
    const chen = await userId("reviewer-planning");
    const before = person(await roster(), chen)?.workload;
    expect(before?.open).toBeGreaterThan(0);
    const mine = await t.ctx.database.db.select().from(reviewTasks).where(eq(reviewTasks.assigneeId, chen));
    const open = mine.filter((x) => x.status === "open" && x.claimedBy === null);
    expect(before?.open).toBe(open.length);
    const due = open.map((x) => x.dueOn as string).sort()[0] as string;
    try {
      t.clock.set(`${due}T01:00:00Z`); // the due date itself: yellow
      const onDue = person(await roster(), chen)?.workload;
      expect(onDue?.dueSoon).toBeGreaterThan(0);
      expect(onDue?.overdue).toBe(0);
      const [y, m, d] = due.split("-").map(Number);
      t.clock.set(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1, 1)).toISOString()); // past it: red
      const late = person(await roster(), chen)?.workload;
      expect(late?.overdue).toBeGreaterThan(0);
      expect((late?.overdue ?? 0) + (late?.dueSoon ?? 0)).toBeLessThanOrEqual(late?.open ?? 0);
    } finally {
      t.clock.set(TEST_NOW);
    }
    expect(person(await roster(), chen)?.workload.overdue).toBe(0);
  });

  it("sets a post's holder and backup with its version; refuses the same person, outsiders and stale versions", async () => {
    const supervisor = await t.as("supervisor");
    const post = ghPost(await roster());
    const chen = await userId("reviewer-planning");
    const li = await userId("reviewer-planning2");
    const same = await supervisor.put<Problem>(`/api/staff-posts/${post.id}`, {
      expectedVersion: post.version,
      holderId: li,
      backupId: li,
    });
    expect(same.status).toBe(422);
    expect(same.body.errors?.[0]?.field).toBe("backupId");
    const outsider = await supervisor.put<Problem>(`/api/staff-posts/${post.id}`, {
      expectedVersion: post.version,
      holderId: await userId("clerk"),
      backupId: li,
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors?.[0]?.field).toBe("holderId");
    const swapped = await supervisor.put<TStaffPost>(`/api/staff-posts/${post.id}`, {
      expectedVersion: post.version,
      holderId: li,
      backupId: chen,
    });
    expect(swapped.status).toBe(200);
    expect(swapped.body).toMatchObject({
      version: post.version + 1,
      holder: { id: li },
      current: { id: li },
    });
    const stale = await supervisor.put<Problem>(`/api/staff-posts/${post.id}`, {
      expectedVersion: post.version,
      holderId: chen,
      backupId: li,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const back = await supervisor.put<TStaffPost>(`/api/staff-posts/${post.id}`, {
      expectedVersion: post.version + 1,
      holderId: chen,
      backupId: li,
    });
    expect(back.status).toBe(200);
  });

  it("refuses impossible and overlapping absences and people outside the bureau", async () => {
    const supervisor = await t.as("supervisor");
    const lin = await userId("reviewer-registry");
    const reversed = await supervisor.post<Problem>("/api/staff-absences", {
      userId: lin,
      fromDate: "2026-12-03",
      toDate: "2026-12-01",
      reason: "training",
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors?.[0]?.field).toBe("toDate");
    const trip = await supervisor.post<TStaffAbsence>("/api/staff-absences", {
      userId: lin,
      fromDate: "2026-12-01",
      toDate: "2026-12-03",
      reason: "business_trip",
    });
    expect(trip.status).toBe(201);
    const overlap = await supervisor.post<Problem>("/api/staff-absences", {
      userId: lin,
      fromDate: "2026-12-03",
      toDate: "2026-12-04",
      reason: "leave",
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors?.[0]?.field).toBe("fromDate");
    // A later absence shows as upcoming, not as today's.
    const r = await roster();
    expect(person(r, lin)).toMatchObject({
      absence: null,
      upcoming: [expect.objectContaining({ id: trip.body.id })],
    });
    const partner = await supervisor.post<Problem>("/api/staff-absences", {
      userId: await userId("township"),
      fromDate: "2026-12-01",
      toDate: "2026-12-01",
      reason: "other",
    });
    expect(partner.status).toBe(422);
    expect(partner.body.errors?.[0]?.field).toBe("userId");
  });

  it("answers 403 to everyone but supervisors and admins", async () => {
    const post = ghPost(await roster());
    for (const who of ["clerk", "reviewer-planning", "approver", "sanmu"]) {
      const c = await t.as(who);
      expect((await c.get("/api/staff")).status, who).toBe(403);
      expect((await c.get("/api/staff-posts")).status, who).toBe(403);
      const put = await c.put(`/api/staff-posts/${post.id}`, {
        expectedVersion: post.version,
        holderId: null,
        backupId: null,
      });
      expect(put.status, who).toBe(403);
      const abs = await c.post("/api/staff-absences", {
        userId: await userId("clerk"),
        fromDate: "2026-12-01",
        toDate: "2026-12-01",
        reason: "leave",
      });
      expect(abs.status, who).toBe(403);
    }
    expect((await (await t.as("admin")).get("/api/staff")).status).toBe(200);
  });
});
