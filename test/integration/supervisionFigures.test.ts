import { readdirSync, readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAlert } from "../../src/app/alerts/desk";
import { raiseAlert } from "../../src/app/alerts/raiseAlert";
import { loadActor } from "../../src/app/auth/loadActor";
import { caseCommand, finishOnTheSpot } from "../../src/app/cases/commands/requests";
import {
  checkMaterials,
  createApplication,
  submitApplication,
  uploadMaterial,
} from "../../src/app/cases/intake/intake";
import { claimReviewTask } from "../../src/app/cases/review/reviewTasks";
import { caseFactsOf } from "../../src/app/supervision/caseFacts";
import { caseFactsFillSql } from "../../src/app/supervision/caseFactsFill";
import { figureScope, gatherFacts, treeMembers } from "../../src/app/supervision/facts";
import { treeTrend } from "../../src/app/supervision/trend";
import { queryRows } from "../../src/db/client";
import {
  caseFacts,
  caseMaterials,
  cases,
  organizations,
  outbox,
  reviewTasks,
  roleMemberships,
  users,
} from "../../src/db/schema";
import { OPEN } from "../../src/domain/cases/caseStatus";
import { caseFigures, monthsOf } from "../../src/domain/supervision/figures";
import type {
  TScorecard,
  TScorecardList,
  TSupervisionCaseList,
  TSupervisionDashboard,
} from "../../src/shared/api/supervisionFigures";
import { PDF } from "../helpers/cases";
import { caseIn, FACTORY_STATES } from "../helpers/factories";
import { INQUIRY_FORM } from "../helpers/forms";
import { caseFactsFromEvents, comparableFacts } from "../helpers/supervisionFactsFromEvents";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.ctx.database.db;
const userId = async (username: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
const orgId = async (code: string) =>
  (await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code)))[0].id;
const actor = async (username: string) => {
  const a = await loadActor(db(), await userId(username));
  if (!a) throw new Error(username);
  return a;
};
const version = async (id: string) =>
  (await db().select({ v: cases.version }).from(cases).where(eq(cases.id, id)))[0].v;

/** 即办件 (a records inquiry) filed at the window by the clerk for `citizen` (代录: one visit) and finished on the spot. */
async function windowCaseFinishedOnTheSpot(): Promise<string> {
  const clerk = await actor("clerk");
  const draft = await createApplication(t.ctx, clerk, {
    itemCode: "real-estate-records-inquiry",
    formData: INQUIRY_FORM,
    applicantId: await userId("citizen"),
  });
  const id = draft.id;
  const materials = await db().select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  for (const m of materials.filter((m) => m.required && m.source === "upload"))
    await uploadMaterial(t.ctx, clerk, id, m.materialCode, { fileName: `${m.name}.pdf`, bytes: PDF });
  await submitApplication(t.ctx, clerk, id, await version(id));
  const provided = await db().select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  await checkMaterials(t.ctx, clerk, id, {
    expectedVersion: await version(id),
    checks: provided
      .filter((m) => m.status !== "pending" || m.required)
      .map((m) => ({ materialCode: m.materialCode, status: "pass" as const })),
  });
  await finishOnTheSpot(t.ctx, clerk, id, { expectedVersion: await version(id) });
  return id;
}

/** Rates a completed case through its signed link (the applicant, anonymous). */
async function rate(caseId: string, overall: "satisfied" | "dissatisfied") {
  const rows = await db().select().from(outbox);
  const link = rows
    .map((r) => r.payload as { kind: string; caseId?: string; data: { link: string } })
    .filter((p) => p.kind === "evaluation.invited" && p.caseId === caseId)
    .pop()?.data.link;
  const token = /^\/evaluate\/(e_[A-Za-z0-9_-]{32})$/.exec(link ?? "")?.[1];
  expect(token, `invitation of ${caseId}`).toBeTruthy();
  const res = await t.client().post(`/api/evaluation-invitations/${token}/evaluation`, {
    dimensions: {
      overall,
      efficiency: "satisfied",
      guide_accuracy: "very_satisfied",
      convenience: "basic",
      usability: "satisfied",
    },
  });
  expect(res.status).toBe(201);
}

/**
 * The fixture (the test database holds no cases before it), on the fixed clock:
 *   F  accepted 2026-10-09 (limit 3 working days → deadline 10-14), approved then; issued 11-24: LATE
 *   G  accepted 2026-10-09, still in review on 11-24: clock RED; a clock_red alert raised and closed in Nov
 *   A  accepted and completed 11-24 (online, reviewed by 规划股 and 土地利用股, approved): on time, rated 满意
 *   B  即办件 (records inquiry) finished on the spot 11-24 (filed online): on time, on the spot, 0 visits
 *   C  即办件 filed at the window by the clerk and finished on the spot 11-24: on the spot, 1 visit
 *   D  accepted 11-24, in review: clock NORMAL (3 working days left)
 *   E  accepted 11-24, reviewed, denied, the denial served (办结) 11-24: on time, rated 不满意
 * and one study session on 11-20 that the clerk attended.
 *
 * November by hand:
 *   accepted (acceptedOn in Nov)        A B C D E            = 5
 *   办结率 (of those, completed)         A B C E              = 4 / 5 = 0.8
 *   completed in Nov                    A B C E F            = 5
 *   按时办结率                            A B C E (F late)     = 4 / 5 = 0.8
 *   当场办结率                            B C                  = 2 / 5 = 0.4
 *   跑动次数                              C: 1                  = 1 / 5 = 0.2
 *   满意率 (ratings of Nov)              A 满意, E 不满意       = 1 / 2 = 0.5
 *   clock: normal D = 1, red G = 1; alerts raised 1, closed 1 (clock_red); training attended 1
 * October: accepted F G = 2, of which completed F = 1 / 2; completed in October 0.
 * The reviewers and the approver handled A, E, F only: accepted in Nov A E = 2 (both completed, 2/2);
 * completed 3, on time 2/3 = 0.6667, on the spot 0/3, visits 0/3 = 0, satisfaction 1/2.
 * The clerk handled every case: the overall figures; the G alert is on a case the clerk accepted.
 */
const ids: Record<string, string> = {};
/** 即办件: a real-estate records inquiry (no review steps; the clerk decides). */
const ON_THE_SPOT = { itemCode: "real-estate-records-inquiry", formData: INQUIRY_FORM, applicant: "citizen" };
beforeAll(async () => {
  try {
    t.clock.set("2026-10-09T01:00:00Z");
    ids.F = (await caseIn(t, "approved")).id;
    ids.G = (await caseIn(t, "in_review")).id;
  } finally {
    t.clock.set(TEST_NOW);
  }
  await caseCommand(t.ctx, await actor("clerk"), ids.F, "issue", { expectedVersion: await version(ids.F) });
  ids.A = (await caseIn(t, "completed")).id;
  ids.B = (await caseIn(t, "finished_on_the_spot", ON_THE_SPOT)).id;
  ids.C = await windowCaseFinishedOnTheSpot();
  ids.D = (await caseIn(t, "in_review")).id;
  // Reasons long enough for the 不敷 rule (denial_reason_short): the fixture's one alert stays the one raised below.
  ids.E = (
    await caseIn(t, "denied_completed", {
      decisionReasons: "申请用地不符合国土空间规划确定的用途，依法不予许可",
    })
  ).id;
  await rate(ids.A, "satisfied");
  await rate(ids.E, "dissatisfied");

  const bureau = await orgId("HY-ZRZY");
  const alert = await db().transaction((tx) =>
    raiseAlert(tx, {
      rule: "clock_red",
      severity: "red",
      orgId: bureau,
      caseId: ids.G,
      subject: `case:${ids.G}`,
      zh: "办件超期",
      en: "Case overdue",
      now: TEST_NOW,
      respondBy: null,
    }),
  );
  expect(alert).toBeTruthy();
  const [row] = await db().query.supervisionAlerts.findMany({ where: (a, { eq }) => eq(a.caseId, ids.G) });
  await closeAlert(t.ctx, await actor("supervisor"), row.id, {
    comment: "已督促办结",
    expectedVersion: row.version,
  });

  const sup = await t.as("supervisor");
  const session = await sup.post<{ id: string; version: number }>("/api/training-sessions", {
    orgId: bureau,
    heldOn: "2026-11-20",
    topic: "行政许可法学习",
    sectionIds: [await orgId("HY-ZRZY-WIN")],
  });
  expect(session.status).toBe(201);
  const att = await sup.put(`/api/training-sessions/${session.body.id}/attendance`, {
    expectedVersion: session.body.version,
    entries: [{ userId: await userId("clerk"), status: "present" }],
  });
  expect(att.status).toBe(200);
}, 180_000); // seven cases through the real path, on a shared machine

const r = (numerator: number, denominator: number, value: number | null) => ({
  numerator,
  denominator,
  value,
});

describe("the supervisor's dashboard (figures against a fixture computed by hand)", () => {
  it("overall, per office, per person, trend, clock states, alerts and training for November", async () => {
    const sup = await t.as("supervisor");
    const res = await sup.get<TSupervisionDashboard>("/api/supervision/dashboard?from=2026-11&to=2026-11");
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.overall).toEqual({
      accepted: 5,
      completed: 5,
      completionRate: r(4, 5, 0.8),
      onTimeRate: r(4, 5, 0.8),
      onSpotRate: r(2, 5, 0.4),
      visitsPerCase: { visits: 1, cases: 5, value: 0.2 },
      satisfactionRate: r(1, 2, 0.5),
    });
    expect(d.clockStates).toEqual({ normal: 1, yellow: 0, red: 1, paused: 0 });
    expect(d.alerts).toEqual({ raised: 1, closed: 1 });
    expect(d.alertsByRule).toEqual([
      expect.objectContaining({ rule: "clock_red", raised: 1, closed: 1, category: "时限" }),
    ]);
    expect(d.trainingAttended).toBe(1);

    const reviewerFigures = {
      accepted: 2,
      completed: 3,
      completionRate: r(2, 2, 1),
      onTimeRate: r(2, 3, 0.6667),
      onSpotRate: r(0, 3, 0),
      visitsPerCase: { visits: 0, cases: 3, value: 0 },
      satisfactionRate: r(1, 2, 0.5),
    };
    const person = (name: string) => d.byPerson.find((p) => p.name.includes(name));
    expect(person("王芳")).toMatchObject({ ...d.overall, orgName: "县政务服务中心自然资源和规划窗口" });
    expect(person("陈刚")).toMatchObject({ ...reviewerFigures, orgName: "国土空间规划股" });
    expect(person("马骏")).toMatchObject(reviewerFigures);
    expect(person("赵军")).toMatchObject(reviewerFigures);
    const office = (name: string) => d.byDepartment.find((o) => o.orgName === name);
    expect(office("国土空间规划股")).toMatchObject(reviewerFigures);
    expect(office("土地利用股")).toMatchObject(reviewerFigures);
    expect(office("县政务服务中心自然资源和规划窗口")).toMatchObject(d.overall);

    // The trend: 12 months ending November; October by hand.
    expect(d.trend.map((m) => m.month)).toEqual([
      "2025-12",
      ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    ]);
    expect(d.trend.at(-1)).toMatchObject({ month: "2026-11", ...d.overall });
    expect(d.trend.at(-2)).toMatchObject({
      month: "2026-10",
      accepted: 2,
      completed: 0,
      completionRate: r(1, 2, 0.5),
    });

    // October to November together: F and G join the accepted.
    const both = await sup.get<TSupervisionDashboard>("/api/supervision/dashboard?from=2026-10&to=2026-11");
    expect(both.body.overall).toMatchObject({ accepted: 7, completed: 5, completionRate: r(5, 7, 0.7143) });

    // One office: 国土空间规划股 sees A, E, F only.
    const gh = await sup.get<TSupervisionDashboard>(
      `/api/supervision/dashboard?from=2026-11&to=2026-11&orgId=${await orgId("HY-ZRZY-GH")}`,
    );
    expect(gh.body.org.name).toBe("国土空间规划股");
    expect(gh.body.overall).toEqual(reviewerFigures);
    expect(gh.body.clockStates).toEqual({ normal: 0, yellow: 0, red: 0, paused: 0 });
  });

  it("every figure drills down to its cases", async () => {
    const sup = await t.as("supervisor");
    const drill = async (q: string) => {
      const res = await sup.get<TSupervisionCaseList>(`/api/supervision/cases?from=2026-11&to=2026-11&${q}`);
      expect(res.status, res.text).toBe(200);
      const set = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
      return {
        all: set(res.body.items),
        counted: set(res.body.items.filter((i) => i.counted)),
        body: res.body,
      };
    };
    const names = (s: Set<string>) =>
      Object.entries(ids)
        .filter(([, id]) => s.has(id))
        .map(([k]) => k)
        .sort()
        .join("");
    const onTime = await drill("figure=onTimeRate");
    expect(names(onTime.all)).toBe("ABCEF");
    expect(names(onTime.counted)).toBe("ABCE");
    expect(onTime.body).toMatchObject({ total: 5, counted: 4, figureName: { "zh-CN": "按时办结率" } });
    const completion = await drill("figure=completionRate");
    expect(names(completion.all)).toBe("ABCDE");
    expect(names(completion.counted)).toBe("ABCE");
    expect(names((await drill("figure=onSpotRate")).counted)).toBe("BC");
    const visits = await drill("figure=visitsPerCase");
    expect(visits.body.items.find((i) => i.id === ids.C)?.visits).toBe(1);
    expect(visits.body.items.filter((i) => i.id !== ids.C).every((i) => i.visits === 0)).toBe(true);
    const sat = await drill("figure=satisfactionRate");
    expect(names(sat.all)).toBe("AE");
    expect(names(sat.counted)).toBe("A");
    expect(names((await drill("figure=clockState&clockState=red")).all)).toBe("G");
    expect(names((await drill("figure=alerts&rule=clock_red")).all)).toBe("G");
    const planner = await drill(`figure=completed&userId=${await userId("reviewer-planning")}`);
    expect(names(planner.all)).toBe("AEF");
    const gh = await drill(`figure=accepted&orgId=${await orgId("HY-ZRZY-GH")}`);
    expect(names(gh.all)).toBe("AE");
  });

  it("is for supervisors: 403 for other staff and applicants, 404 for an office outside the tree", async () => {
    for (const who of ["clerk", "approver", "sanmu"]) {
      const c = await t.as(who);
      expect((await c.get("/api/supervision/dashboard")).status, who).toBe(403);
      expect((await c.get("/api/supervision/cases?figure=completed")).status, who).toBe(403);
      expect((await c.get("/api/supervision/scorecards")).status, who).toBe(403);
      expect((await c.get("/api/supervision/scorecards/export?format=csv")).status, who).toBe(403);
    }
    const sup = await t.as("supervisor");
    expect((await sup.get(`/api/supervision/dashboard?orgId=${await orgId("HY-SQJ")}`)).status).toBe(404);
    expect((await sup.get("/api/supervision/dashboard?from=2026-11&to=2026-10")).status).toBe(422);
  });
});

describe("monthly scorecards (检查考核)", () => {
  it("computes each person's and section's card; signing freezes it; signing again is 409", async () => {
    const sup = await t.as("supervisor");
    const list = await sup.get<TScorecardList>("/api/supervision/scorecards?month=2026-11");
    expect(list.status).toBe(200);
    const clerk = list.body.people.find((p) => p.subjectName.includes("王芳")) as TScorecard;
    expect(clerk).toMatchObject({
      status: "draft",
      version: 0,
      sectionName: "县政务服务中心自然资源和规划窗口",
      abilities: { sign: true },
      figures: {
        casesHandled: 5,
        onTimeRate: r(4, 5, 0.8),
        onSpotRate: r(2, 5, 0.4),
        visitsPerCase: 0.2,
        satisfactionRate: r(1, 2, 0.5),
        alertsRaised: 1,
        alertsClosed: 1,
        trainingAttended: 1,
        noticesUnacknowledged: 0,
      },
    });
    const planner = list.body.people.find((p) => p.subjectName.includes("陈刚")) as TScorecard;
    expect(planner.figures).toEqual({
      casesHandled: 3,
      onTimeRate: r(2, 3, 0.6667),
      onSpotRate: r(0, 3, 0),
      visitsPerCase: 0,
      satisfactionRate: r(1, 2, 0.5),
      alertsRaised: 0,
      alertsClosed: 0,
      trainingAttended: 0,
      noticesUnacknowledged: 0,
    });
    const window = list.body.sections.find((s) => s.subjectName === "县政务服务中心自然资源和规划窗口");
    expect(window?.figures).toEqual(clerk.figures);
    expect(list.body.sections.find((s) => s.subjectName === "国土空间规划股")?.figures).toEqual(
      planner.figures,
    );

    const path = `/api/supervision/scorecards/2026-11/person/${clerk.subjectId}/sign`;
    expect((await sup.post(path, { comment: "", expectedVersion: 0 })).status).toBe(422);
    expect((await (await t.as("clerk")).post(path, { comment: "自评", expectedVersion: 0 })).status).toBe(
      403,
    );
    const signed = await sup.post<TScorecard>(path, {
      comment: "按时办结率偏低，下月整改",
      expectedVersion: 0,
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: "signed",
      version: 1,
      comment: "按时办结率偏低，下月整改",
      signedBy: { name: "股负责人 周明" },
      figures: clerk.figures,
      abilities: { sign: false },
    });
    expect((await sup.post<{ code: string }>(path, { comment: "再签", expectedVersion: 1 })).status).toBe(
      409,
    );
    expect((await sup.post(path, { comment: "再签", expectedVersion: 0 })).status).toBe(409);

    // The data changes after signing: another case completed in November by the clerk.
    await caseIn(t, "finished_on_the_spot", ON_THE_SPOT);
    const after = await sup.get<TScorecardList>("/api/supervision/scorecards?month=2026-11");
    const frozen = after.body.people.find((p) => p.subjectId === clerk.subjectId);
    expect(frozen).toMatchObject({ status: "signed", figures: clerk.figures });
    const live = after.body.sections.find((s) => s.subjectName === "县政务服务中心自然资源和规划窗口");
    expect(live?.figures.casesHandled).toBe(6);
    // A month not yet begun cannot be listed or signed.
    expect((await sup.get("/api/supervision/scorecards?month=2027-01")).status).toBe(422);
  });

  it("exports CSV (UTF-8 BOM, the columns) and XLSX (a workbook whose sheet holds the cards)", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "supervisor", password: "demo1234" },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const get = (format: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/supervision/scorecards/export?month=2026-11&format=${format}`,
        headers: { cookie },
      });

    const csv = await get("csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.rawPayload.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0].split(",")).toEqual([
      "月份",
      "类别",
      "对象",
      "所属科室",
      "办结件数",
      "按时办结率(%)",
      "当场办结率(%)",
      "件均跑动次数",
      "满意率(%)",
      "评价数",
      "预警（发生）",
      "预警（关闭）",
      "培训出勤",
      "未阅知变更通知",
      "状态",
      "考核意见",
      "签字人",
      "签字时间",
    ]);
    const clerkLine = lines.find((l) => l.includes("王芳"))?.split(",") ?? [];
    expect(clerkLine.slice(0, 2)).toEqual(["2026-11", "个人"]);
    expect(clerkLine.slice(4, 17)).toEqual([
      "5",
      "80",
      "40",
      "0.2",
      "50",
      "2",
      "1",
      "1",
      "1",
      "0", // no change notice for the window in this file
      "已签字",
      "按时办结率偏低，下月整改",
      "股负责人 周明",
    ]);

    const xlsx = await get("xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain(".xlsx");
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">月份</t></is></c>');
    const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)];
    expect(rows.length).toBe(lines.length);
    const clerkRow = rows.find((m) => m[2].includes("王芳"))?.[2] ?? "";
    expect(clerkRow).toMatch(/<c r="E\d+"><v>5<\/v><\/c><c r="F\d+"><v>80<\/v><\/c>/);
    expect(strFromU8(files["xl/workbook.xml"])).toContain('name="考核表 2026-11"');
  });
});

describe("case facts kept by the case runner (ADR 0017e)", () => {
  it("give the same facts as the events and review tasks, after every kind of case and a live claim", async () => {
    // More of every state, on top of the fixture above (the window's visits, ratings and the alert).
    for (const state of FACTORY_STATES)
      await caseIn(t, state, state === "finished_on_the_spot" ? ON_THE_SPOT : {});
    ids.H = await windowCaseFinishedOnTheSpot();
    // A reviewer claims an open task: the case's fact row does not know it yet (no command ran).
    const [task] = await db()
      .select()
      .from(reviewTasks)
      .where(eq(reviewTasks.status, "open"))
      .orderBy(reviewTasks.createdAt)
      .limit(1);
    expect(task, "an open review task").toBeTruthy();
    const [reviewer] = await db()
      .select({ userId: roleMemberships.userId })
      .from(roleMemberships)
      .where(and(eq(roleMemberships.orgId, task.orgId), eq(roleMemberships.role, "reviewer")));
    const claimer = await loadActor(db(), reviewer.userId);
    if (!claimer) throw new Error("reviewer");
    await claimReviewTask(t.ctx, claimer, task.id, task.version);

    const scope = await figureScope(t.ctx, await actor("supervisor"));
    const members = await treeMembers(t.ctx, scope);
    for (const from of ["2026-10", "2026-11"]) {
      const kept = (await gatherFacts(t.ctx, scope, from, { numbers: true })).cases;
      const recounted = await caseFactsFromEvents(t.ctx, scope, from);
      expect(kept.length).toBeGreaterThan(10);
      expect(comparableFacts(kept)).toEqual(comparableFacts(recounted));
    }
    const claimed = (await caseFactsOf(t.ctx, scope, "2026-10", members)).find((f) => f.id === task.caseId);
    expect(claimed?.handlers).toContainEqual({ userId: reviewer.userId, orgId: task.orgId });
    expect((await caseFactsOf(t.ctx, scope, "2026-11", members)).find((f) => f.id === ids.H)?.visits).toBe(1);
    // The whole tree's trend counted in the database equals the figures counted from the events.
    const facts = await gatherFacts(t.ctx, scope, "2025-12");
    const fromEvents = await caseFactsFromEvents(t.ctx, scope, "2025-12");
    const period = { from: "2025-12", to: "2026-11" };
    expect(await treeTrend(t.ctx, scope, period)).toEqual(
      monthsOf(period).map((month) => ({
        month,
        ...caseFigures(fromEvents, facts.ratings, { from: month, to: month }),
      })),
    );
  }, 240_000);

  it("are what the bulk fill and the migration's backfill write from the events and tasks", async () => {
    const read = () =>
      queryRows<Record<string, unknown>>(
        db(),
        sql`select case_id, org_id, item_name, status, accepted_on::text, completed_at::text, deadline::text,
          finished_on_spot, visits,
          (select coalesce(jsonb_agg(x order by x::text), '[]') from jsonb_array_elements(handlers) x) as h,
          (select coalesce(jsonb_agg(x order by x::text), '[]') from jsonb_array_elements(task_handlers) x) as th
          from case_facts order by case_id`,
      );
    const kept = await read();
    expect(kept.length).toBeGreaterThan(10);
    const caseIds = `(${kept.map((r) => `'${r.case_id}'::uuid`).join(", ")})`;
    // The runner keeps an open case's tasks as they stood at its last command (read live while open).
    const open = await db()
      .select({ id: cases.id })
      .from(cases)
      .where(inArray(cases.status, [...OPEN]));
    const openIds = new Set(open.map((o) => o.id));
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map((r) => (openIds.has(r.case_id as string) ? { ...r, th: null } : r));
    // The migration's backfill (whatever its file is named after a merge), restricted to these cases.
    const dir = new URL("../../src/db/migrations/", import.meta.url);
    const migration = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .flatMap((f) => readFileSync(new URL(f, dir), "utf8").split("--> statement-breakpoint"))
      .find((x) => x.includes('INSERT INTO "case_facts"'))
      ?.trim()
      .replace(/;$/, "");
    expect(migration).toBeTruthy();
    for (const fill of [caseFactsFillSql(caseIds), `${migration} where c.id in ${caseIds}`]) {
      await db().delete(caseFacts);
      await db().execute(sql.raw(fill));
      expect(strip(await read())).toEqual(strip(kept));
    }
  });
});
