import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep } from "../../src/app/sweep/runSweep";
import { caseEvents, evaluations, outbox, supervisionAlerts } from "../../src/db/schema";
import type { TSatisfactionStats } from "../../src/shared/api/evaluations";
import { caseIn } from "../helpers/factories";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://yz.example.gov.cn" });
});
afterAll(async () => t?.close());

const ONLINE = {
  overall: "satisfied",
  efficiency: "satisfied",
  guide_accuracy: "very_satisfied",
  convenience: "basic",
  usability: "satisfied",
};
const WINDOW = {
  overall: "very_satisfied",
  service_efficiency: "satisfied",
  service_level: "satisfied",
  attitude: "very_satisfied",
};
const bad = (level: "dissatisfied" | "very_dissatisfied") => ({ ...ONLINE, overall: level });

/** The signed-link token of the last message of `kind` about a case, as the outbox holds it. */
async function linkToken(caseId: string, kind = "evaluation.invited"): Promise<string> {
  const rows = await t.ctx.database.db.select().from(outbox);
  const msgs = rows
    .map((r) => r.payload as { kind: string; caseId?: string; data: { link: string } })
    .filter((p) => p.kind === kind && p.caseId === caseId);
  expect(msgs.length, `${kind} for ${caseId}`).toBeGreaterThan(0);
  const link = msgs[msgs.length - 1].data.link;
  const m = /^\/evaluate\/(e_[A-Za-z0-9_-]{32})$/.exec(link);
  if (!m) throw new Error(`not an evaluation link: ${link}`);
  return m[1];
}

const stats = async () =>
  (await t.client().get<TSatisfactionStats>("/api/public/satisfaction?from=2026-11&to=2026-12")).body;

async function events(caseId: string, type: string) {
  return t.ctx.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type)));
}

describe("好差评: invitation and the three ways to rate", () => {
  it("completion invites the applicant with a signed link that works once, without login; staff are refused", async () => {
    const c = await caseIn(t, "completed");
    const token = await linkToken(c.id);
    const anon = t.client();
    const form = await anon.get<{ channel: string; dimensions: string[]; state: string; caseNumber: string }>(
      `/api/evaluation-invitations/${token}`,
    );
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ channel: "online", state: "open", caseNumber: c.number });
    expect(form.body.dimensions).toEqual([
      "overall",
      "efficiency",
      "guide_accuracy",
      "convenience",
      "usability",
    ]);

    // Staff cannot rate for the applicant, not even holding the applicant's link.
    const clerk = await t.as("clerk");
    const refused = await clerk.post<{ code: string; message: Record<string, string> }>(
      `/api/evaluation-invitations/${token}/evaluation`,
      { dimensions: ONLINE },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("staff_cannot_rate");
    expect(refused.body.message["zh-CN"]).toContain("工作人员不能代替申请人评价");
    expect((await clerk.get(`/api/evaluation-invitations/${token}`)).status).toBe(403);
    const supervisor = await t.as("supervisor");
    expect(
      (await supervisor.post(`/api/evaluation-invitations/${token}/evaluation`, { dimensions: ONLINE }))
        .status,
    ).toBe(403);

    const first = await anon.post<{ id: string; level: string; rectificationId: null }>(
      `/api/evaluation-invitations/${token}/evaluation`,
      { dimensions: ONLINE, comment: "很快", tags: ["fast"] },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ level: "satisfied", rectificationId: null });
    const again = await anon.post<{ code: string }>(`/api/evaluation-invitations/${token}/evaluation`, {
      dimensions: bad("very_dissatisfied"),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_rated");
    // The rating stays as given.
    const [row] = await t.ctx.database.db.select().from(evaluations).where(eq(evaluations.id, first.body.id));
    expect(row).toMatchObject({ level: "satisfied", source: "link", channel: "online", submittedBy: null });
    const ev = await events(c.id, "evaluation.submitted");
    expect(ev).toHaveLength(1);
    expect(ev[0].actorId).toBeNull();
    expect(ev[0].data).toMatchObject({ source: "link", channel: "online", level: "satisfied" });
  });

  it("the applicant rates in the portal; one rating per case and stage; bad input names the field", async () => {
    const c = await caseIn(t, "completed");
    const applicant = await t.as("sanmu");
    const list = await applicant.get<{
      invitations: { id: string; stage: string; abilities: { rate: boolean } }[];
    }>(`/api/cases/${c.id}/evaluations`);
    expect(list.status).toBe(200);
    const inv = list.body.invitations[0];
    expect(inv).toMatchObject({ stage: "completion", abilities: { rate: true } });

    const missing = await applicant.post<{ errors: { field: string; message: Record<string, string> }[] }>(
      `/api/evaluation-invitations/${inv.id}/evaluation`,
      { dimensions: { overall: "satisfied" } },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe("dimensions.efficiency");
    expect(missing.body.errors[0].message["zh-CN"]).toBeTruthy();
    const foreign = await applicant.post<{ errors: { field: string }[] }>(
      `/api/evaluation-invitations/${inv.id}/evaluation`,
      { dimensions: { ...ONLINE, attitude: "satisfied" } },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe("dimensions.attitude");
    const wrongLevel = await applicant.post<{ errors: { field: string }[] }>(
      `/api/evaluation-invitations/${inv.id}/evaluation`,
      { dimensions: { ...ONLINE, overall: "great" } },
    );
    expect(wrongLevel.status).toBe(422);

    // Another person cannot reach the invitation by its id.
    const other = await t.as("citizen");
    expect(
      (await other.post(`/api/evaluation-invitations/${inv.id}/evaluation`, { dimensions: ONLINE })).status,
    ).toBe(404);

    const pending = await applicant.get<{ items: { id: string; caseId: string }[] }>(
      "/api/me/evaluation-invitations",
    );
    expect(pending.body.items.map((i) => i.id)).toContain(inv.id);
    const ok = await applicant.post(`/api/evaluation-invitations/${inv.id}/evaluation`, {
      dimensions: ONLINE,
    });
    const left = await applicant.get<{ items: { id: string }[] }>("/api/me/evaluation-invitations");
    expect(left.body.items.map((i) => i.id)).not.toContain(inv.id);
    const clerkList = await (await t.as("clerk")).get<{ items: unknown[] }>("/api/me/evaluation-invitations");
    expect(clerkList.body.items).toEqual([]);
    expect(ok.status).toBe(201);
    const twice = await applicant.post<{ code: string }>(`/api/evaluation-invitations/${inv.id}/evaluation`, {
      dimensions: ONLINE,
    });
    expect(twice.status).toBe(409);
    // The e-mail link of the same invitation is used up too.
    const viaLink = await t
      .client()
      .post<{ code: string }>(`/api/evaluation-invitations/${await linkToken(c.id)}/evaluation`, {
        dimensions: ONLINE,
      });
    expect(viaLink.status).toBe(409);
    const after = await applicant.get<{
      invitations: { state: string; evaluation: { level: string; source: string } }[];
    }>(`/api/cases/${c.id}/evaluations`);
    expect(after.body.invitations[0]).toMatchObject({
      state: "used",
      evaluation: { level: "satisfied", source: "portal" },
    });
    const [e] = await events(c.id, "evaluation.submitted");
    expect(e.data).toMatchObject({ source: "portal" });
  });

  it("the window tablet: the clerk opens it, cannot rate through it, the applicant rates once, the device is recorded", async () => {
    const c = await caseIn(t, "completed");
    const clerk = await t.as("clerk");
    const opened = await clerk.post<{ token: string; url: string; path: string }>(
      `/api/cases/${c.id}/evaluation-tablet`,
      { deviceLabel: "8号窗口评价器" },
    );
    expect(opened.status).toBe(201);
    expect(opened.body.url).toBe(`https://yz.example.gov.cn/tablet/${opened.body.token}`);
    const tok = opened.body.token;
    expect(
      (await clerk.post(`/api/evaluation-invitations/${tok}/evaluation`, { dimensions: WINDOW })).status,
    ).toBe(403);
    // Applicants cannot open tablets.
    expect(
      (await (await t.as("sanmu")).post(`/api/cases/${c.id}/evaluation-tablet`, { deviceLabel: "x" })).status,
    ).toBe(403);

    const tablet = t.client();
    const form = await tablet.get<{ channel: string; deviceLabel: string; dimensions: string[] }>(
      `/api/evaluation-invitations/${tok}`,
    );
    expect(form.body).toMatchObject({ channel: "window", deviceLabel: "8号窗口评价器" });
    expect(form.body.dimensions).toEqual(["overall", "service_efficiency", "service_level", "attitude"]);
    // The online dimensions are not those of the window.
    expect(
      (await tablet.post(`/api/evaluation-invitations/${tok}/evaluation`, { dimensions: ONLINE })).status,
    ).toBe(422);
    const ok = await tablet.post<{ id: string }>(`/api/evaluation-invitations/${tok}/evaluation`, {
      dimensions: WINDOW,
    });
    expect(ok.status).toBe(201);
    expect(
      (await tablet.post(`/api/evaluation-invitations/${tok}/evaluation`, { dimensions: WINDOW })).status,
    ).toBe(409);
    const locked = await tablet.get<{ state: string }>(`/api/evaluation-invitations/${tok}`);
    expect(locked.body.state).toBe("used");
    const [row] = await t.ctx.database.db.select().from(evaluations).where(eq(evaluations.id, ok.body.id));
    expect(row).toMatchObject({
      source: "tablet",
      channel: "window",
      deviceLabel: "8号窗口评价器",
      level: "very_satisfied",
    });
    const [ev] = await events(c.id, "evaluation.submitted");
    expect(ev.data).toMatchObject({ source: "tablet", channel: "window", device: "8号窗口评价器" });
    expect(await events(c.id, "evaluation.tablet_opened")).toHaveLength(1);
    // Nothing left to open a tablet for.
    expect((await clerk.post(`/api/cases/${c.id}/evaluation-tablet`, { deviceLabel: "x" })).status).toBe(409);
  });

  it("no rating after 30 days (410)", async () => {
    const c = await caseIn(t, "completed");
    const token = await linkToken(c.id);
    try {
      t.clock.set(new Date(TEST_NOW.getTime() + 30 * 86_400_000 + 1000));
      const late = await t
        .client()
        .post<{ code: string }>(`/api/evaluation-invitations/${token}/evaluation`, {
          dimensions: ONLINE,
        });
      expect(late.status).toBe(410);
      expect(late.body.code).toBe("evaluation_closed");
      t.clock.set(new Date(TEST_NOW.getTime() + 29 * 86_400_000));
      expect(
        (await t.client().post(`/api/evaluation-invitations/${token}/evaluation`, { dimensions: ONLINE }))
          .status,
      ).toBe(201);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("one reminder after 3 working days, with a new link (the first stops working)", async () => {
    const c = await caseIn(t, "completed"); // invited Tue 2026-11-24
    const first = await linkToken(c.id);
    try {
      t.clock.set("2026-11-26T02:00:00Z"); // Thu: 2 working days
      expect((await runSweep(t.ctx)).evaluations?.reminded).toEqual([]);
      t.clock.set("2026-11-27T02:00:00Z"); // Fri: 3 working days
      const report = await runSweep(t.ctx);
      expect(report.evaluations?.reminded).toHaveLength(1);
      expect((await runSweep(t.ctx)).evaluations?.reminded).toEqual([]);
      const second = await linkToken(c.id, "evaluation.reminder");
      expect(second).not.toBe(first);
      expect((await t.client().get(`/api/evaluation-invitations/${first}`)).status).toBe(404);
      expect(
        (await t.client().post(`/api/evaluation-invitations/${second}/evaluation`, { dimensions: ONLINE }))
          .status,
      ).toBe(201);
      expect(await events(c.id, "evaluation.reminded")).toHaveLength(1);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});

describe("bad ratings: rectification, appeal, figures", () => {
  it("a bad rating opens a rectification; callback, outcome, follow-up rating; the figures follow", async () => {
    const before = await stats();
    const c = await caseIn(t, "completed");
    const rated = await t
      .client()
      .post<{ rectificationId: string }>(`/api/evaluation-invitations/${await linkToken(c.id)}/evaluation`, {
        dimensions: bad("dissatisfied"),
        comment: "等了很久",
      });
    expect(rated.status).toBe(201);
    const rid = rated.body.rectificationId;
    expect(rid).toBeTruthy();
    const mid = await stats();
    expect(mid.overall.ratings).toBe(before.overall.ratings + 1);
    expect(mid.overall.bad).toBe(before.overall.bad + 1);
    expect(mid.rectifications.open).toBe(before.rectifications.open + 1);

    const supervisor = await t.as("supervisor");
    type R = {
      id: string;
      version: number;
      status: string;
      callbackDueOn: string;
      rectifyDueOn: string;
      responsible: { displayName: string } | null;
      abilities: Record<string, boolean>;
      followUp: { state: string; level: string | null } | null;
    };
    const list = await supervisor.get<{ items: R[] }>("/api/rectifications?status=open");
    const r = list.body.items.find((x) => x.id === rid) as R;
    expect(r).toMatchObject({
      status: "callback_due",
      callbackDueOn: "2026-11-25",
      rectifyDueOn: "2026-12-15",
      responsible: { displayName: "股负责人 周明" },
      abilities: { callback: true, rectify: false },
    });
    // The clerk may not record it; the outcome cannot come before the callback; versions guard edits.
    const clerk = await t.as("clerk");
    expect(
      (
        await clerk.patch(`/api/rectifications/${rid}`, {
          action: "callback",
          note: "已回访",
          expectedVersion: 1,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await supervisor.patch(`/api/rectifications/${rid}`, {
          action: "rectify",
          outcome: "增派人手",
          expectedVersion: 1,
        })
      ).status,
    ).toBe(409);
    const noNote = await supervisor.patch<{ errors: { field: string }[] }>(`/api/rectifications/${rid}`, {
      action: "callback",
      expectedVersion: 1,
    });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors[0].field).toBe("note");
    const cb = await supervisor.patch<R>(`/api/rectifications/${rid}`, {
      action: "callback",
      note: "已电话回访，申请人反映排队时间长",
      expectedVersion: 1,
    });
    expect(cb.status).toBe(200);
    expect(cb.body).toMatchObject({ status: "rectifying", version: 2 });
    const stale = await supervisor.patch<{ code: string }>(`/api/rectifications/${rid}`, {
      action: "rectify",
      outcome: "增派人手",
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const done = await supervisor.patch<R>(`/api/rectifications/${rid}`, {
      action: "rectify",
      outcome: "窗口增设取号分流，高峰期增派两名工作人员",
      expectedVersion: 2,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "rectified", followUp: { state: "open", level: null } });
    expect(await events(c.id, "rectification.callback_recorded")).toHaveLength(1);
    expect(await events(c.id, "rectification.rectified")).toHaveLength(1);
    expect((await stats()).rectifications.rectified).toBe(mid.rectifications.rectified + 1);

    const follow = await linkToken(c.id, "evaluation.follow_up");
    const form = await t.client().get<{ stage: string }>(`/api/evaluation-invitations/${follow}`);
    expect(form.body.stage).toBe("follow_up");
    expect(
      (await t.client().post(`/api/evaluation-invitations/${follow}/evaluation`, { dimensions: ONLINE }))
        .status,
    ).toBe(201);
    const after = await stats();
    expect(after.overall.ratings).toBe(before.overall.ratings + 2);
    expect(after.overall.satisfied).toBe(before.overall.satisfied + 1);
    // The first rating is kept as given.
    const applicant = await t.as("sanmu");
    const mine = await applicant.get<{
      invitations: { stage: string; evaluation: { level: string } | null }[];
    }>(`/api/cases/${c.id}/evaluations`);
    expect(mine.body.invitations.map((i) => [i.stage, i.evaluation?.level])).toEqual([
      ["completion", "dissatisfied"],
      ["follow_up", "satisfied"],
    ]);
    const r2 = (await supervisor.get<{ items: R[] }>("/api/rectifications")).body.items.find(
      (x) => x.id === rid,
    );
    expect(r2?.followUp).toEqual({ state: "used", level: "satisfied" });
  });

  it("appeals: upheld → the rating stops counting; dismissed → it counts and shows", async () => {
    const c1 = await caseIn(t, "completed");
    const c2 = await caseIn(t, "completed");
    const e1 = await t
      .client()
      .post<{ id: string }>(`/api/evaluation-invitations/${await linkToken(c1.id)}/evaluation`, {
        dimensions: bad("very_dissatisfied"),
      });
    const e2 = await t
      .client()
      .post<{ id: string }>(`/api/evaluation-invitations/${await linkToken(c2.id)}/evaluation`, {
        dimensions: bad("dissatisfied"),
      });
    const before = await stats();
    const clerk = await t.as("clerk");
    const supervisor = await t.as("supervisor");
    const applicant = await t.as("sanmu");
    expect(
      (await applicant.post(`/api/evaluations/${e1.body.id}/appeal`, { reason: "申请人不能申诉自己的评价" }))
        .status,
    ).toBe(403);
    const a1 = await clerk.post<{ appealStatus: string; abilities: Record<string, boolean> }>(
      `/api/evaluations/${e1.body.id}/appeal`,
      { reason: "申请人误操作，已电话确认对服务满意" },
    );
    expect(a1.status).toBe(200);
    expect(a1.body.appealStatus).toBe("pending");
    expect(
      (await clerk.post(`/api/evaluations/${e1.body.id}/appeal`, { reason: "再次申诉一下" })).status,
    ).toBe(409);
    expect((await clerk.post(`/api/evaluations/${e2.body.id}/appeal`, { reason: "理由" })).status).toBe(422);
    await clerk.post(`/api/evaluations/${e2.body.id}/appeal`, { reason: "材料要求系法定要求" });
    // Only the supervisor decides.
    expect(
      (
        await clerk.post(`/api/evaluations/${e1.body.id}/appeal-decision`, {
          decision: "uphold",
          reason: "同意",
        })
      ).status,
    ).toBe(403);
    const pending = await supervisor.get<{ items: { id: string; abilities: Record<string, boolean> }[] }>(
      "/api/evaluations?appealStatus=pending",
    );
    expect(pending.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([e1.body.id, e2.body.id]));
    expect(pending.body.items.find((i) => i.id === e1.body.id)?.abilities.decideAppeal).toBe(true);

    const up = await supervisor.post<{
      appealStatus: string;
      counted: boolean;
      rectification: { status: string };
    }>(`/api/evaluations/${e1.body.id}/appeal-decision`, { decision: "uphold", reason: "经核实属误评" });
    expect(up.body).toMatchObject({
      appealStatus: "upheld",
      counted: false,
      rectification: { status: "void" },
    });
    const down = await supervisor.post<{ appealStatus: string; counted: boolean; level: string }>(
      `/api/evaluations/${e2.body.id}/appeal-decision`,
      { decision: "dismiss", reason: "申请人反映属实，应当整改" },
    );
    expect(down.body).toMatchObject({ appealStatus: "dismissed", counted: true, level: "dissatisfied" });
    expect(
      (
        await supervisor.post(`/api/evaluations/${e2.body.id}/appeal-decision`, {
          decision: "uphold",
          reason: "改判",
        })
      ).status,
    ).toBe(409);
    const after = await stats();
    expect(after.overall.ratings).toBe(before.overall.ratings - 1);
    expect(after.overall.bad).toBe(before.overall.bad - 1);
    expect(after.rectifications.void).toBe(before.rectifications.void + 1);
    expect(await events(c1.id, "evaluation.appeal_decided")).toHaveLength(1);
    // The staff drill-down masks personal data: the clerk sees the applicant, other staff a masked name.
    const drill = await supervisor.get<{ items: { id: string; applicantName: string }[] }>(
      "/api/evaluations?bad=true",
    );
    expect(drill.status).toBe(200);
  });

  it("overdue callback and rectification raise alerts to the supervisor, once each", async () => {
    const c = await caseIn(t, "completed");
    const rated = await t
      .client()
      .post<{ rectificationId: string }>(`/api/evaluation-invitations/${await linkToken(c.id)}/evaluation`, {
        dimensions: bad("very_dissatisfied"),
      });
    const rid = rated.body.rectificationId;
    const alerts = () =>
      t.ctx.database.db.select().from(supervisionAlerts).where(eq(supervisionAlerts.caseId, c.id));
    try {
      t.clock.set("2026-11-25T02:00:00Z"); // callback due today: not yet overdue
      await runSweep(t.ctx);
      expect((await alerts()).map((a) => a.rule)).not.toContain("rectification_callback_overdue");
      t.clock.set("2026-11-26T02:00:00Z");
      const r1 = await runSweep(t.ctx);
      expect(r1.evaluations?.overdue).toContainEqual({ rectificationId: rid, step: "callback" });
      expect((await runSweep(t.ctx)).evaluations?.overdue.filter((o) => o.rectificationId === rid)).toEqual(
        [],
      );
      t.clock.set("2026-12-16T02:00:00Z"); // past 2026-12-15
      const r2 = await runSweep(t.ctx);
      expect(r2.evaluations?.overdue).toContainEqual({ rectificationId: rid, step: "rectification" });
      const rules = (await alerts()).map((a) => [a.rule, a.severity]);
      expect(rules).toContainEqual(["rectification_callback_overdue", "red"]);
      expect(rules).toContainEqual(["rectification_overdue", "red"]);
      const kinds = (await t.ctx.database.db.select().from(outbox)).map(
        (o) => (o.payload as { kind: string }).kind,
      );
      expect(kinds).toContain("rectification.overdue");
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it("comments are published only when allowed, with personal data removed", async () => {
    const c1 = await caseIn(t, "completed");
    const c2 = await caseIn(t, "completed");
    const text = "李三木反映：窗口很好，电话13905521234，身份证340321199001012011";
    await t.client().post(`/api/evaluation-invitations/${await linkToken(c1.id)}/evaluation`, {
      dimensions: ONLINE,
      comment: text,
      publishComment: true,
    });
    await t.client().post(`/api/evaluation-invitations/${await linkToken(c2.id)}/evaluation`, {
      dimensions: ONLINE,
      comment: "不公开的评论内容",
      publishComment: false,
    });
    const s = await stats();
    const texts = s.comments.map((x) => x.text);
    const published = texts.find((x) => x.includes("窗口很好"));
    expect(published).toBeDefined();
    expect(published).not.toContain("13905521234");
    expect(published).not.toContain("340321199001012011");
    expect(published).not.toContain("李三木");
    expect(published).toContain("139****1234");
    expect(texts.some((x) => x.includes("不公开"))).toBe(false);
    // Public: no session needed, nothing personal in the figures.
    const raw = JSON.stringify(s);
    expect(raw).not.toContain("13905521234");
    expect(s.byMonth.find((m) => m.month === "2026-11")?.ratings).toBeGreaterThan(0);
    expect(s.byDepartment.length).toBeGreaterThan(0);
    expect(s.byItem.some((i) => i.itemCode === "construction-land-planning-permit")).toBe(true);
    const badQuery = await t
      .client()
      .get<{ errors: { field: string }[] }>("/api/public/satisfaction?from=2026-13");
    expect(badQuery.status).toBe(422);
  });
});
