import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, outbox } from "../../src/db/schema";
import type {
  TOpenDataCatalog,
  TPublicDecision,
  TPublicDecisionList,
  TPublicFigures,
} from "../../src/shared/api/publicPortal";
import { caseIn } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

/**
 * The public portal's read APIs (issue 18 item 4), anonymous, through HTTP on a real database:
 * published decisions never carry a natural person's data, and the figures match a count by hand.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://yizhan.example.gov.cn" });
});
afterAll(async () => t?.close());

const db = () => t.ctx.database.db;

/** 乡村建设规划许可 by the demo citizen 张伟 (a natural person), with a village as its place. */
const RURAL_FORM = {
  projectName: "张伟自建农产品加工用房",
  township: "双桥集镇",
  village: "双桥村",
  landArea: 300,
  buildingArea: 280,
  purpose: "乡镇企业",
};
const CITIZEN = { name: "张伟", idNumber: "340321198503122011", phone: "13805529876", address: "禹王路66号" };

/** Rates a completed case through its signed link (anonymous). */
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
      guide_accuracy: "satisfied",
      convenience: "satisfied",
      usability: "satisfied",
    },
  });
  expect(res.status).toBe(201);
}

/**
 * The fixture (the test database holds no case before it), all on 2026-11-24:
 *   A  land-use planning permit, 三木 (enterprise): completed, permit issued, rated 满意
 *   B  rural planning permit, 张伟 (natural person): completed, permit issued
 *   C  land-use planning permit, 三木: approved, permit not issued yet
 *   D  land-use planning permit, 三木: denied, the denial served (completed), rated 不满意
 *   E  land-use planning permit, 三木: in review
 *   R  land-use planning permit, 三木: completed, then its permit revoked (撤销)
 * Published decisions: A, B, C, R (D denied, E undecided). November by hand: accepted A B C D E R = 6;
 * completed A B D R = 4, completion rate 4/6; on time 4/4; satisfaction 1 of 2 ratings.
 */
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
beforeAll(async () => {
  for (const [k, state, opts] of [
    ["A", "completed", {}],
    [
      "B",
      "completed",
      { itemCode: "rural-construction-planning-permit", formData: RURAL_FORM, applicant: "citizen" },
    ],
    ["C", "approved", {}],
    ["D", "denied_completed", { decisionReasons: "申请用地不符合国土空间规划确定的用途，依法不予许可" }],
    ["E", "in_review", {}],
    ["R", "completed", {}],
  ] as const) {
    const built = await caseIn(t, state, opts);
    ids[k] = built.id;
    numbers[k] = built.number ?? "";
  }
  await rate(ids.A, "satisfied");
  await rate(ids.D, "dissatisfied");
  const [cert] = await db().select().from(certificates).where(eq(certificates.caseId, ids.R));
  const approver = await t.as("approver");
  const res = await approver.post(`/api/certificates/${cert.id}/revoke`, {
    kind: "revoke",
    reason: "申请人以欺骗手段取得许可，依法撤销",
  });
  expect(res.status).toBe(200);
}, 240_000);

const find = (list: TPublicDecision[], k: string) => list.find((d) => d.caseNumber === numbers[k]);

describe("published decisions (行政许可决定公开)", () => {
  it("lists the approved licence decisions only, with permit, holder, date, location and office", async () => {
    const res = await t.client().get<TPublicDecisionList>("/api/public/decisions");
    expect(res.status).toBe(200);
    const list = res.body.items;
    expect(list.map((d) => d.caseNumber).sort()).toEqual([numbers.A, numbers.B, numbers.C, numbers.R].sort());
    const a = find(list, "A");
    const [certA] = await db().select().from(certificates).where(eq(certificates.caseId, ids.A));
    expect(a).toMatchObject({
      permitNumber: certA.number,
      permitState: "valid",
      holderKind: "enterprise",
      holderName: "安徽三木新材料科技有限公司",
      itemName: "建设用地规划许可证核发",
      decidedOn: "2026-11-24",
      orgName: "怀远县自然资源和规划局",
    });
    expect(a?.location).toBeTruthy();
    expect(find(list, "C")).toMatchObject({ permitNumber: null, permitState: "pending" });
    expect(find(list, "R")).toMatchObject({ permitState: "revoked", revokedOn: "2026-11-24" });
    expect(res.body.itemOptions.map((o) => o.code)).toContain("rural-construction-planning-permit");
    expect(res.body.itemOptions.map((o) => o.code)).not.toContain("state-land-first-registration");
  });

  it("shows a natural person's decision without name, ID number, phone or address", async () => {
    const res = await t.client().get<TPublicDecisionList>("/api/public/decisions");
    const b = find(res.body.items, "B");
    expect(b).toMatchObject({ holderKind: "person", holderName: null, holderCode: null, location: null });
    expect(b?.permitNumber).toBeTruthy();
    for (const v of Object.values(CITIZEN)) expect(res.text).not.toContain(v);
    // Her name is not searchable either: a hit would tell that she holds a permit.
    const byName = await t
      .client()
      .get<TPublicDecisionList>(`/api/public/decisions?q=${encodeURIComponent("张伟")}`);
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(0);
  });

  it("filters by item, date range and words, and pages", async () => {
    const c = t.client();
    const rural = await c.get<TPublicDecisionList>(
      "/api/public/decisions?item=rural-construction-planning-permit",
    );
    expect(rural.body.items.map((d) => d.caseNumber)).toEqual([numbers.B]);
    const before = await c.get<TPublicDecisionList>("/api/public/decisions?to=2026-11-23");
    expect(before.body.total).toBe(0);
    const onDay = await c.get<TPublicDecisionList>("/api/public/decisions?from=2026-11-24&to=2026-11-24");
    expect(onDay.body.total).toBe(4);
    const byNumber = await c.get<TPublicDecisionList>(`/api/public/decisions?q=${numbers.C}`);
    expect(byNumber.body.items.map((d) => d.caseNumber)).toEqual([numbers.C]);
    const byHolder = await c.get<TPublicDecisionList>(
      `/api/public/decisions?q=${encodeURIComponent("三木")}`,
    );
    expect(byHolder.body.total).toBe(3);
    const page2 = await c.get<TPublicDecisionList>("/api/public/decisions?pageSize=3&page=2");
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.body.items).toHaveLength(1);
    const past = await c.get<TPublicDecisionList>("/api/public/decisions?pageSize=3&page=5");
    expect(past.body).toMatchObject({ total: 4, items: [] });
    const bad = await c.get("/api/public/decisions?from=2026-13-01");
    expect(bad.status).toBe(422);
  });
});

const r = (numerator: number, denominator: number, value: number | null) => ({
  numerator,
  denominator,
  value,
});

describe("live figures", () => {
  it("match the count by hand, overall, for November and by department", async () => {
    const res = await t.client().get<TPublicFigures>("/api/public/figures");
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({ fromMonth: "2025-12", toMonth: "2026-11" });
    const nov = {
      accepted: 6,
      completed: 4,
      completionRate: r(4, 6, 0.6667),
      onTimeRate: r(4, 4, 1),
      satisfactionRate: r(1, 2, 0.5),
    };
    expect(f.overall).toEqual(nov);
    expect(f.byMonth).toHaveLength(12);
    expect(f.byMonth.at(-1)).toEqual({ month: "2026-11", ...nov });
    expect(f.byMonth[0]).toEqual({
      month: "2025-12",
      accepted: 0,
      completed: 0,
      completionRate: r(0, 0, null),
      onTimeRate: r(0, 0, null),
      satisfactionRate: r(0, 0, null),
    });
    // The window accepted every case; the planning section reviewed the land permits (not B's farmland step).
    const window = f.byDepartment.find((d) => d.orgName === "县政务服务中心自然资源和规划窗口");
    expect(window).toMatchObject({ accepted: 6, completed: 4 });
    expect(JSON.stringify(f)).not.toMatch(/张伟|clerk|reviewer/);
  });
});

describe("open data", () => {
  it("lists the data sets with absolute links on the public address and field descriptions", async () => {
    const res = await t.client().get<TOpenDataCatalog>("/api/public/open-data");
    expect(res.status).toBe(200);
    const decisions = res.body.datasets.find((d) => d.key === "decisions");
    expect(decisions?.csvUrl).toBe("https://yizhan.example.gov.cn/api/public/open-data/decisions.csv");
    expect(decisions?.fields.map((f) => f.name)).toContain("holderName");
  });

  it("serves the decisions and figures as CSV with a BOM and as JSON, without personal data", async () => {
    const c = t.client();
    const csv = await c.get("/api/public/open-data/decisions.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/attachment/);
    const text = csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff); // the UTF-8 byte order mark, decoded
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(5);
    expect(text).toContain(numbers.B);
    for (const v of Object.values(CITIZEN)) expect(text).not.toContain(v);
    const json = await c.get<{ items: TPublicDecision[] }>("/api/public/open-data/decisions.json");
    expect(json.status).toBe(200);
    expect(json.body.items).toHaveLength(4);
    for (const v of Object.values(CITIZEN)) expect(json.text).not.toContain(v);
    const figCsv = await c.get("/api/public/open-data/figures.csv");
    expect(figCsv.status).toBe(200);
    expect(figCsv.text).toContain("2026-11,,6,4,0.6667,1,0.5");
    const figJson = await c.get<{ items: unknown[] }>("/api/public/open-data/figures.json");
    expect(figJson.status).toBe(200);
    expect(figJson.body.items.length).toBeGreaterThanOrEqual(12);
  });
});
