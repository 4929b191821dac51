import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TRAINING, seedDemoTraining } from "../../src/app/training/demo";
import { trainingSessions, users } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Org = { id: string; name: string; kind: string; path: string; canHold: boolean };
type Options = { orgs: Org[]; staff: { id: string; displayName: string; orgName: string }[] };
type Session = {
  id: string;
  version: number;
  heldOn: string;
  topic: string;
  org: { id: string; name: string };
  sections: { id: string; name: string }[];
  documents: { title: string; number?: string; url?: string }[];
  organizer: { id: string; displayName: string };
  counts: { present: number; absent: number; excused: number; expected: number };
  record: string | null;
  roster: { user: { id: string; displayName: string }; orgName: string; status: string | null }[];
  abilities: Record<string, boolean>;
};
type Problem = { code: string; errors?: { field: string; message: Record<string, string> }[] };
type History = {
  user: { id: string };
  totals: { sessions: number; present: number; absent: number; excused: number };
  items: { sessionId: string; topic: string; status: string | null }[];
};

const userId = async (username: string) =>
  (await t.ctx.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ??
  "";

async function setup() {
  const supervisor = await t.as("supervisor");
  const opts = await supervisor.get<Options>("/api/training-options");
  expect(opts.status).toBe(200);
  const org = (code: string) => {
    const o = opts.body.orgs.find((x) => x.path.endsWith(`/${code}/`));
    if (!o) throw new Error(`no org ${code}`);
    return o;
  };
  return { supervisor, opts: opts.body, org };
}

describe("training sessions (教育培训)", () => {
  it("the supervisor plans for the bureau's tree: the bureau and their own section may hold sessions, the window is a section to train", async () => {
    const { opts, org } = await setup();
    expect(org("HY-ZRZY").canHold).toBe(true);
    expect(org("HY-ZRZY-SP").canHold).toBe(true);
    expect(org("HY-ZRZY-WIN").canHold).toBe(false);
    expect(opts.orgs.some((o) => o.path.includes("HY-SCJG"))).toBe(false);
    const clerk = await userId("clerk");
    expect(opts.staff.find((s) => s.id === clerk)?.orgName).toBe("县政务服务中心自然资源和规划窗口");
    expect(opts.staff.map((s) => s.id)).not.toContain(await userId("scjg"));
  });

  it("creates a session, records attendance with the version (409 on a stale one), and the record", async () => {
    const { supervisor, org } = await setup();
    const created = await supervisor.post<Session>("/api/training-sessions", {
      orgId: org("HY-ZRZY").id,
      heldOn: "2026-11-20",
      topic: "不动产登记暂行条例实施细则学习",
      documents: [{ title: "不动产登记暂行条例实施细则", number: "国土资源部令第63号" }],
      sectionIds: [org("HY-ZRZY-WIN").id, org("HY-ZRZY-SP").id],
      record: "逐条学习",
    });
    expect(created.status).toBe(201);
    const s = created.body;
    expect(s).toMatchObject({
      version: 1,
      heldOn: "2026-11-20",
      org: { name: "怀远县自然资源和规划局" },
      documents: [{ title: "不动产登记暂行条例实施细则", number: "国土资源部令第63号" }],
      organizer: { displayName: "股负责人 周明" },
      record: "逐条学习",
      abilities: { recordAttendance: true },
    });
    const clerk = await userId("clerk");
    const clerk2 = await userId("clerk2");
    const helper = await userId("helper");
    const sup = await userId("supervisor");
    // The roster: the window's two clerks, the section's helper and supervisor; nobody of other sections.
    expect(s.roster.map((r) => r.user.id).sort()).toEqual([clerk, clerk2, helper, sup].sort());
    expect(s.roster.every((r) => r.status === null)).toBe(true);
    expect(s.counts).toEqual({ present: 0, absent: 0, excused: 0, expected: 4 });

    const recorded = await supervisor.put<Session>(`/api/training-sessions/${s.id}/attendance`, {
      expectedVersion: 1,
      entries: [
        { userId: clerk, status: "present" },
        { userId: helper, status: "excused" },
        { userId: sup, status: "present" },
      ],
      record: "逐条学习；窗口统一一次性告知口径。",
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.version).toBe(2);
    expect(recorded.body.counts).toEqual({ present: 2, absent: 0, excused: 1, expected: 4 });
    expect(recorded.body.record).toBe("逐条学习；窗口统一一次性告知口径。");
    expect(recorded.body.roster.find((r) => r.user.id === helper)?.status).toBe("excused");

    // A stale version: 409, nothing changed.
    const stale = await supervisor.put<Problem>(`/api/training-sessions/${s.id}/attendance`, {
      expectedVersion: 1,
      entries: [{ userId: helper, status: "absent" }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const again = await supervisor.get<Session>(`/api/training-sessions/${s.id}`);
    expect(again.body.version).toBe(2);
    expect(again.body.roster.find((r) => r.user.id === helper)?.status).toBe("excused");

    // With the current version the change goes through (and keeps the record when none is sent).
    const next = await supervisor.put<Session>(`/api/training-sessions/${s.id}/attendance`, {
      expectedVersion: 2,
      entries: [{ userId: helper, status: "absent" }],
    });
    expect(next.status).toBe(200);
    expect(next.body.counts).toEqual({ present: 2, absent: 1, excused: 0, expected: 4 });
    expect(next.body.record).toBe("逐条学习；窗口统一一次性告知口径。");
  });

  it("422 names the field: a section outside the tree, an impossible date, a short topic, a person not of the roster", async () => {
    const { supervisor, org } = await setup();
    const all = await t.ctx.database.db.select().from(trainingSessions);
    const base = {
      orgId: org("HY-ZRZY-SP").id,
      heldOn: "2026-11-21",
      topic: "窗口服务规范",
      sectionIds: [org("HY-ZRZY-SP").id],
    };
    const field = async (body: unknown) => {
      const res = await supervisor.post<Problem>("/api/training-sessions", body);
      expect(res.status).toBe(422);
      return res.body.errors?.[0]?.field;
    };
    // The window is not below the section: the section's session cannot be for it.
    expect(await field({ ...base, sectionIds: [org("HY-ZRZY-SP").id, org("HY-ZRZY-WIN").id] })).toBe(
      "sectionIds.1",
    );
    expect(await field({ ...base, heldOn: "2026-02-30" })).toBe("heldOn");
    expect(await field({ ...base, topic: "学" })).toBe("topic");
    expect(await field({ ...base, sectionIds: [] })).toBe("sectionIds");
    expect(await field({ ...base, documents: [{ title: "条例", url: "javascript:alert(1)" }] })).toBe(
      "documents.0.url",
    );
    expect(await field({ ...base, organizerId: await userId("scjg") })).toBe("organizerId");
    expect((await t.ctx.database.db.select().from(trainingSessions)).length).toBe(all.length);

    const s = await supervisor.post<Session>("/api/training-sessions", base);
    expect(s.status).toBe(201);
    const outsider = await supervisor.put<Problem>(`/api/training-sessions/${s.body.id}/attendance`, {
      expectedVersion: 1,
      entries: [
        { userId: await userId("helper"), status: "present" },
        { userId: await userId("clerk"), status: "present" },
      ],
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors?.[0]?.field).toBe("entries.1.userId");
    expect(outsider.body.errors?.[0]?.message["zh-CN"]).toContain("参训科室");
    expect(outsider.body.errors?.[0]?.message["en-US"]).toContain("sections");
    const unchanged = await supervisor.get<Session>(`/api/training-sessions/${s.body.id}`);
    expect(unchanged.body.version).toBe(1);
    expect(unchanged.body.counts.present).toBe(0);
  });

  it("403 for the applicant and for staff writing; staff read their tree's sessions only", async () => {
    const { supervisor, org } = await setup();
    const bureau = await supervisor.post<Session>("/api/training-sessions", {
      orgId: org("HY-ZRZY").id,
      heldOn: "2026-11-22",
      topic: "优化营商环境条例学习",
      documents: [{ title: "优化营商环境条例", number: "国务院令第722号" }],
      sectionIds: [org("HY-ZRZY-WIN").id],
    });
    const section = await supervisor.post<Session>("/api/training-sessions", {
      orgId: org("HY-ZRZY-SP").id,
      heldOn: "2026-11-23",
      topic: "股室内部业务学习",
      sectionIds: [org("HY-ZRZY-SP").id],
    });
    expect(bureau.status).toBe(201);
    expect(section.status).toBe(201);

    const applicant = await t.as("sanmu");
    expect((await applicant.get("/api/training-sessions")).status).toBe(403);
    expect((await applicant.get(`/api/training-sessions/${bureau.body.id}`)).status).toBe(403);
    expect((await applicant.get("/api/training-options")).status).toBe(403);
    expect(
      (
        await applicant.post("/api/training-sessions", {
          orgId: org("HY-ZRZY").id,
          heldOn: "2026-11-22",
          topic: "学习",
          sectionIds: [org("HY-ZRZY-WIN").id],
        })
      ).status,
    ).toBe(403);
    expect((await applicant.get(`/api/staff/${await userId("clerk")}/training`)).status).toBe(403);

    const clerk = await t.as("clerk");
    // The window sees the bureau's session for it, not the other section's internal one.
    const list = await clerk.get<{ items: Session[] }>("/api/training-sessions");
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i) => i.id);
    expect(ids).toContain(bureau.body.id);
    expect(ids).not.toContain(section.body.id);
    expect((await clerk.get(`/api/training-sessions/${section.body.id}`)).status).toBe(404);
    const read = await clerk.get<Session>(`/api/training-sessions/${bureau.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.abilities.recordAttendance).toBe(false);
    // Newest first.
    const dates = list.body.items.map((i) => i.heldOn);
    expect([...dates].sort().reverse()).toEqual(dates);

    // Staff write nothing: create and record are the supervisor's.
    const create = await clerk.post<Problem>("/api/training-sessions", {
      orgId: org("HY-ZRZY").id,
      heldOn: "2026-11-22",
      topic: "自学",
      sectionIds: [org("HY-ZRZY-WIN").id],
    });
    expect(create.status).toBe(403);
    const record = await clerk.put<Problem>(`/api/training-sessions/${bureau.body.id}/attendance`, {
      expectedVersion: 1,
      entries: [{ userId: await userId("clerk"), status: "present" }],
    });
    expect(record.status).toBe(403);
    expect((await clerk.get("/api/training-options")).status).toBe(403);
    const partner = await t.as("scjg");
    expect((await partner.get("/api/training-sessions")).status).toBe(403);
  });

  it("a person's history: their own, and the supervisor's for their staff; not a colleague's", async () => {
    const { supervisor, org } = await setup();
    const clerkId = await userId("clerk");
    const s = await supervisor.post<Session>("/api/training-sessions", {
      orgId: org("HY-ZRZY").id,
      heldOn: "2026-11-23",
      topic: "政务服务好差评制度学习",
      sectionIds: [org("HY-ZRZY-WIN").id],
    });
    await supervisor.put(`/api/training-sessions/${s.body.id}/attendance`, {
      expectedVersion: 1,
      entries: [{ userId: clerkId, status: "absent" }],
    });
    const clerk = await t.as("clerk");
    const own = await clerk.get<History>(`/api/staff/${clerkId}/training`);
    expect(own.status).toBe(200);
    const item = own.body.items.find((i) => i.sessionId === s.body.id);
    expect(item).toMatchObject({ topic: "政务服务好差评制度学习", status: "absent" });
    expect(own.body.totals.absent).toBeGreaterThanOrEqual(1);
    expect(own.body.totals.sessions).toBe(own.body.items.length);

    const bySupervisor = await supervisor.get<History>(`/api/staff/${clerkId}/training`);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body.items).toEqual(own.body.items);

    // A colleague (the helper) may not read the clerk's history; an unknown person is 404.
    const helper = await t.as("helper");
    expect((await helper.get(`/api/staff/${clerkId}/training`)).status).toBe(403);
    expect((await supervisor.get("/api/staff/00000000-0000-4000-8000-000000000000/training")).status).toBe(
      404,
    );
    // The section's internal sessions are not in the window clerk's history.
    expect(own.body.items.every((i) => i.topic !== "股室内部业务学习")).toBe(true);
  });

  it("the demo seed holds four fixed past sessions with attendance, once", async () => {
    const before = (await t.ctx.database.db.select().from(trainingSessions)).length;
    expect(await seedDemoTraining(t.ctx)).toEqual({ created: DEMO_TRAINING.length });
    expect(await seedDemoTraining(t.ctx)).toEqual({ created: 0 });
    expect((await t.ctx.database.db.select().from(trainingSessions)).length).toBe(before + 4);
    const clerk = await t.as("clerk");
    const h = await clerk.get<History>(`/api/staff/${await userId("clerk")}/training`);
    const demo = h.body.items.filter((i) => DEMO_TRAINING.some((d) => d.topic === i.topic));
    expect(demo.map((i) => i.status)).toEqual(["excused", "present", "present", "present"]);
    const supervisor = await t.as("supervisor");
    const helper = await supervisor.get<History>(`/api/staff/${await userId("helper")}/training`);
    expect(helper.body.items.find((i) => i.topic === "政务服务“好差评”制度学习")?.status).toBe("absent");
  });
});
