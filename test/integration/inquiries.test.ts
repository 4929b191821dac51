import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSweep } from "../../src/app/sweep/runSweep";
import { supervisionAlerts } from "../../src/db/schema";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

type Person = { id: string; name: string };
type Inquiry = {
  id: string;
  channel: string;
  status: string;
  question: string;
  askerName: string | null;
  askerContact: string | null;
  itemCode: string | null;
  queryCode: string;
  owner: Person | null;
  recordedBy: Person | null;
  handovers: { from: Person; to: Person; reason: string }[];
  answer: string | null;
  answeredBy: Person | null;
  workingMinutesToAnswer: number | null;
  faq: { question: string; answer: string } | null;
  version: number;
  abilities: Record<string, boolean>;
};
type Created = { id: string; queryCode: string; status: string; inquiry: Inquiry | null };
type List = { items: Inquiry[]; counts: Record<string, number> };
type Problem = {
  status: number;
  code: string;
  message: { "zh-CN": string; "en-US": string };
  errors?: { field: string; code: string; message: { "zh-CN": string; "en-US": string } }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.set(TEST_NOW));

/** 2026-11-24 (a Tuesday) at a local (Asia/Shanghai) time. */
const local = (date: string, hm: string) => new Date(`${date}T${hm}:00+08:00`);

async function recordAtWindow(question = "建设用地规划许可证需要哪些材料？") {
  const clerk = await t.as("clerk");
  const res = await clerk.post<Created>("/api/inquiries", {
    channel: "window",
    question,
    askerName: "张伟",
    askerContact: "13805529876",
    itemCode: "construction-land-planning-permit",
  });
  expect(res.status).toBe(201);
  return { clerk, created: res.body, inquiry: res.body.inquiry as Inquiry };
}

describe("inquiries (咨询, 首问负责制)", () => {
  it("staff record a window question: the recorder owns it, sees the contact whole; others see it masked", async () => {
    const { inquiry } = await recordAtWindow();
    const me = await (await t.as("clerk")).get<{ id: string }>("/api/auth/me");
    expect(inquiry).toMatchObject({ channel: "window", status: "open", askerContact: "13805529876" });
    expect(inquiry.owner?.id).toBe(me.body.id);
    expect(inquiry.recordedBy?.id).toBe(me.body.id);
    expect(inquiry.queryCode).toMatch(/^[A-Z0-9]{8}$/);
    const supervisor = await t.as("supervisor");
    const seen = await supervisor.get<Inquiry>(`/api/inquiries/${inquiry.id}`);
    expect(seen.body.askerContact).toBe("13805529876");
    const admin = await t.as("admin");
    expect((await admin.get<Inquiry>(`/api/inquiries/${inquiry.id}`)).body.askerContact).toBe("138****9876");
    // Outside the bureau's tree: not even its existence.
    expect((await (await t.as("township")).get(`/api/inquiries/${inquiry.id}`)).status).toBe(404);
    // Staff record window or phone questions, not "online".
    const online = await (await t.as("clerk")).post<Problem>("/api/inquiries", {
      channel: "online",
      question: "问题",
    });
    expect(online.status).toBe(422);
    expect(online.body.errors?.[0]?.field).toBe("channel");
  });

  it("the public asks online without a session, gets a query code, reads the answer — never the contact", async () => {
    const anon = t.client("10.0.0.8");
    const asked = await anon.post<Created>("/api/inquiries", {
      question: "二手房过户需要本人到场吗？我是李四，我的电话13905521234，邮箱li4@example.cn",
      askerName: "李四",
      askerContact: "13905521234",
      itemCode: "state-land-and-house-transfer-registration",
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: "unclaimed", inquiry: null });
    const code = asked.body.queryCode;
    const before = await anon.get<Record<string, unknown>>(`/api/public/inquiries/${code}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: "open", answer: null, channel: "online" });
    expect(before.text).not.toContain("13905521234");
    expect(before.text).not.toContain("李四");
    expect(before.text).not.toContain("li4@example.cn");

    // Unowned: the window's clerk and the supervisor see it; the clerk claims it and owns it.
    const clerk = await t.as("clerk");
    const desk = await clerk.get<List>("/api/inquiries?owner=none&status=unclaimed");
    const row = desk.body.items.find((i) => i.id === asked.body.id) as Inquiry;
    expect(row.abilities).toMatchObject({ claim: true, answer: false });
    expect(row.askerContact).toBe("139****1234");
    expect(row.question).toContain("我的电话139****1234");
    const supervisorView = await (await t.as("supervisor")).get<List>("/api/inquiries?status=unclaimed");
    expect(supervisorView.body.items.some((i) => i.id === asked.body.id)).toBe(true);
    const claimed = await clerk.post<Inquiry>(`/api/inquiries/${row.id}/claim`, {
      expectedVersion: row.version,
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: "open", askerContact: "13905521234" });
    expect(claimed.body.question).toContain("13905521234");
    const again = await clerk.post<Problem>(`/api/inquiries/${row.id}/claim`, {
      expectedVersion: claimed.body.version,
    });
    expect(again.status).toBe(409);

    const answered = await clerk.post<Inquiry>(`/api/inquiries/${row.id}/answer`, {
      answer: "买卖双方须到场签字，也可委托代理人持授权委托书办理。",
      policyReference: "《不动产登记暂行条例实施细则》第十条",
      expectedVersion: claimed.body.version,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe("answered");
    const after = await anon.get<Record<string, unknown>>(`/api/public/inquiries/${code.toLowerCase()}`);
    expect(after.body).toMatchObject({
      status: "answered",
      answer: "买卖双方须到场签字，也可委托代理人持授权委托书办理。",
      policyReference: "《不动产登记暂行条例实施细则》第十条",
    });
    expect(after.text).not.toContain("13905521234");
    expect(after.text).not.toContain("李四");
    expect(after.text).not.toContain("王芳");
    expect((await anon.get(`/api/public/inquiries/NOPE1234`)).status).toBe(404);
  });

  it("two claims at once: one owner, the other 409; the supervisor assigns an unclaimed one to a named clerk", async () => {
    const anon = t.client("10.0.0.21");
    const ask = async () =>
      (
        await anon.post<Created>("/api/inquiries", {
          question: "抵押登记需要带什么？",
          itemCode: "mortgage-first-registration",
        })
      ).body;
    const first = await ask();
    const clerkA = await t.as("clerk");
    const clerkB = await t.as("clerk");
    const both = await Promise.all([
      clerkA.post<Inquiry>(`/api/inquiries/${first.id}/claim`, { expectedVersion: 1 }),
      clerkB.post<Inquiry>(`/api/inquiries/${first.id}/claim`, { expectedVersion: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);

    const second = await ask();
    const supervisor = await t.as("supervisor");
    expect((await supervisor.post(`/api/inquiries/${second.id}/claim`, { expectedVersion: 1 })).status).toBe(
      403,
    );
    const clerkMe = await clerkA.get<{ id: string }>("/api/auth/me");
    const assigned = await supervisor.post<Inquiry>(`/api/inquiries/${second.id}/handover`, {
      toUserId: clerkMe.body.id,
      reason: "请王芳答复",
      expectedVersion: 1,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: "open", owner: { id: clerkMe.body.id } });
    expect(assigned.body.handovers[0]).toMatchObject({
      from: { name: "股负责人 周明" },
      reason: "请王芳答复",
    });
  });

  it("online questions name an item and a real contact (422 naming the field, in both languages)", async () => {
    const anon = t.client("10.0.0.9");
    const noItem = await anon.post<Problem>("/api/inquiries", { question: "请问怎么办理？" });
    expect(noItem.status).toBe(422);
    expect(noItem.body.errors?.[0]).toMatchObject({ field: "itemCode", code: "required" });
    expect(noItem.body.message["zh-CN"]).toContain("事项");
    expect(noItem.body.message["en-US"]).toContain("item");
    const badContact = await anon.post<Problem>("/api/inquiries", {
      question: "请问怎么办理？",
      itemCode: "construction-land-planning-permit",
      askerContact: "明天下午",
    });
    expect(badContact.body.errors?.[0]).toMatchObject({ field: "askerContact", code: "invalid_contact" });
    const empty = await anon.post<Problem>("/api/inquiries", {
      question: "   ",
      itemCode: "construction-land-planning-permit",
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors?.[0]?.field).toBe("question");
    const unknownItem = await anon.post<Problem>("/api/inquiries", {
      question: "问",
      itemCode: "no-such-item",
    });
    expect(unknownItem.body.errors?.[0]).toMatchObject({ field: "itemCode", code: "unknown_item" });
    const asStaffChannel = await anon.post<Problem>("/api/inquiries", {
      channel: "window",
      question: "问",
      itemCode: "construction-land-planning-permit",
    });
    expect(asStaffChannel.body.errors?.[0]?.field).toBe("channel");
  });

  it("the public is limited to 10 questions a minute per address; staff at the window are not", async () => {
    const anon = t.client("10.0.0.77");
    const ask = () =>
      anon.post("/api/inquiries", { question: "限流测试", itemCode: "construction-land-planning-permit" });
    for (let i = 0; i < 10; i++) expect((await ask()).status).toBe(201);
    expect((await ask()).status).toBe(429);
    const clerk = await t.as("clerk");
    for (let i = 0; i < 12; i++)
      expect((await clerk.post("/api/inquiries", { channel: "phone", question: "电话咨询" })).status).toBe(
        201,
      );
  });

  it("hand over to a named colleague changes the owner and is recorded; only the owner or the supervisor answers", async () => {
    const { clerk, inquiry } = await recordAtWindow("规划条件里的容积率能调整吗？");
    const colleagues = await clerk.get<{ items: { id: string; name: string }[] }>(
      `/api/inquiries/${inquiry.id}/colleagues`,
    );
    const planner = colleagues.body.items.find((c) => c.name.includes("陈刚")) as { id: string };
    expect(planner).toBeTruthy();
    expect(colleagues.body.items.some((c) => c.name.includes("吴强"))).toBe(false); // the township
    const township = await (await t.as("township")).get<{ id: string }>("/api/auth/me");
    const outside = await clerk.post<Problem>(`/api/inquiries/${inquiry.id}/handover`, {
      toUserId: township.body.id,
      reason: "转乡镇",
      expectedVersion: inquiry.version,
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors?.[0]).toMatchObject({ field: "toUserId", code: "not_reachable" });
    const noReason = await clerk.post<Problem>(`/api/inquiries/${inquiry.id}/handover`, {
      toUserId: planner.id,
      reason: "",
      expectedVersion: inquiry.version,
    });
    expect(noReason.body.errors?.[0]?.field).toBe("reason");

    const handed = await clerk.post<Inquiry>(`/api/inquiries/${inquiry.id}/handover`, {
      toUserId: planner.id,
      reason: "涉及规划条件，由规划股答复",
      expectedVersion: inquiry.version,
    });
    expect(handed.status).toBe(200);
    expect(handed.body.owner?.id).toBe(planner.id);
    expect(handed.body.handovers).toHaveLength(1);
    expect(handed.body.handovers[0]).toMatchObject({
      from: { name: "窗口受理员 王芳" },
      to: { id: planner.id },
      reason: "涉及规划条件，由规划股答复",
    });
    // The former owner reads it still but may not answer it any more.
    const notOwner = await clerk.post<Problem>(`/api/inquiries/${inquiry.id}/answer`, {
      answer: "可以",
      expectedVersion: handed.body.version,
    });
    expect(notOwner.status).toBe(403);
    // A stale version: 409.
    const reviewer = await t.as("reviewer-planning");
    const stale = await reviewer.post<Problem>(`/api/inquiries/${inquiry.id}/answer`, {
      answer: "可以",
      expectedVersion: inquiry.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const mine = await reviewer.get<List>("/api/inquiries?owner=me");
    expect(mine.body.items.map((i) => i.id)).toContain(inquiry.id);
    const ok = await reviewer.post<Inquiry>(`/api/inquiries/${inquiry.id}/answer`, {
      answer: "容积率调整须按控制性详细规划修改程序报批。",
      expectedVersion: handed.body.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.answeredBy?.id).toBe(planner.id);

    // The supervisor may answer a question she does not own.
    const other = await recordAtWindow("抵押登记当天能办结吗？");
    const sup = await (await t.as("supervisor")).post<Inquiry>(`/api/inquiries/${other.inquiry.id}/answer`, {
      answer: "材料齐全的当场办结。",
      expectedVersion: other.inquiry.version,
    });
    expect(sup.status).toBe(200);
    const twice = await other.clerk.post<Problem>(`/api/inquiries/${other.inquiry.id}/answer`, {
      answer: "再答",
      expectedVersion: sup.body.version,
    });
    expect(twice.status).toBe(409);
  });

  it("publishing as FAQ removes personal data and the item's guide API shows it", async () => {
    const { clerk, inquiry } = await recordAtWindow(
      "我是张伟，身份证340321198503122011，手机13805529876，不动产权证书丢了怎么补？",
    );
    const early = await clerk.post<Problem>(`/api/inquiries/${inquiry.id}/faq`, {
      expectedVersion: inquiry.version,
    });
    expect(early.status).toBe(409);
    const answered = await clerk.post<Inquiry>(`/api/inquiries/${inquiry.id}/answer`, {
      answer: "张伟您好，请携带身份证到窗口申请补发，可拨打13805529876回访确认。",
      expectedVersion: inquiry.version,
    });
    expect(answered.body.abilities.publishFaq).toBe(true);
    const published = await clerk.post<Inquiry>(`/api/inquiries/${inquiry.id}/faq`, {
      expectedVersion: answered.body.version,
    });
    expect(published.status).toBe(200);
    const faq = published.body.faq as { question: string; answer: string };
    for (const text of [faq.question, faq.answer]) {
      expect(text).not.toContain("张伟");
      expect(text).not.toContain("13805529876");
      expect(text).not.toContain("340321198503122011");
    }
    expect(faq.question).toContain("不动产权证书丢了怎么补");
    const guide = await t
      .client()
      .get<{ items: { id: string; question: string; answer: string }[] }>(
        "/api/catalog/items/construction-land-planning-permit/faqs",
      );
    expect(guide.status).toBe(200);
    const entry = guide.body.items.find((f) => f.id === inquiry.id);
    expect(entry).toMatchObject({ question: faq.question, answer: faq.answer });
    expect(JSON.stringify(guide.body)).not.toContain("13805529876");
    const twice = await clerk.post<Problem>(`/api/inquiries/${inquiry.id}/faq`, {
      expectedVersion: published.body.version,
    });
    expect(twice.status).toBe(403);
  });

  it("counts office hours only: across the lunch break and overnight", async () => {
    t.clock.set(local("2026-11-24", "11:30"));
    const lunch = await recordAtWindow("午休前的问题");
    t.clock.set(local("2026-11-24", "15:00"));
    const a = await lunch.clerk.post<Inquiry>(`/api/inquiries/${lunch.inquiry.id}/answer`, {
      answer: "午后答复",
      expectedVersion: lunch.inquiry.version,
    });
    expect(a.body.workingMinutesToAnswer).toBe(60); // 11:30–12:00 + 14:30–15:00

    t.clock.set(local("2026-11-24", "17:00"));
    const night = await recordAtWindow("下班前的问题");
    t.clock.set(local("2026-11-25", "09:00"));
    // A new sign-in: the evening session has expired overnight (8 hours idle).
    const b = await (await t.as("clerk")).post<Inquiry>(`/api/inquiries/${night.inquiry.id}/answer`, {
      answer: "次日答复",
      expectedVersion: night.inquiry.version,
    });
    expect(b.body.workingMinutesToAnswer).toBe(60); // 17:00–17:30 + 08:30–09:00

    // Friday evening to Monday morning: the weekend counts nothing.
    t.clock.set(local("2026-11-27", "17:20"));
    const weekend = await recordAtWindow("周五的问题");
    t.clock.set(local("2026-11-30", "08:40"));
    const c = await (await t.as("clerk")).post<Inquiry>(`/api/inquiries/${weekend.inquiry.id}/answer`, {
      answer: "周一答复",
      expectedVersion: weekend.inquiry.version,
    });
    expect(c.body.workingMinutesToAnswer).toBe(20);
  });

  it("unanswered after one working day: the sweep raises one alert, answering resolves it", async () => {
    t.clock.set(local("2026-11-24", "10:00"));
    const anon = t.client("10.0.0.10");
    const asked = await anon.post<Created>("/api/inquiries", {
      question: "临时用地最长能用几年？",
      itemCode: "temporary-land-use-approval",
    });
    const alertsOf = () =>
      t.ctx.database.db
        .select()
        .from(supervisionAlerts)
        .where(
          and(eq(supervisionAlerts.rule, "inquiry_unanswered"), eq(supervisionAlerts.taskId, asked.body.id)),
        );
    // Next day 09:50: 2 h + 3 h + 1 h 20 min = 6 h 20 min of office hours, less than a working day.
    t.clock.set(local("2026-11-25", "09:50"));
    expect((await runSweep(t.ctx)).unansweredInquiries).not.toContain(asked.body.id);
    t.clock.set(local("2026-11-25", "10:00"));
    const report = await runSweep(t.ctx);
    expect(report.unansweredInquiries).toContain(asked.body.id);
    expect((await runSweep(t.ctx)).unansweredInquiries).not.toContain(asked.body.id);
    const [alert] = await alertsOf();
    expect(alert).toMatchObject({ severity: "red", resolvedAt: null });
    expect(alert.messageZh).toContain("临时用地审批");
    expect(alert.messageZh).not.toContain("null");

    const clerk = await t.as("clerk");
    const desk = await clerk.get<List>("/api/inquiries");
    expect(desk.body.counts.overdue).toBeGreaterThan(0);
    const row = desk.body.items.find((i) => i.id === asked.body.id) as Inquiry;
    const claimed = await clerk.post<Inquiry>(`/api/inquiries/${row.id}/claim`, {
      expectedVersion: row.version,
    });
    await clerk.post(`/api/inquiries/${row.id}/answer`, {
      answer: "一般不超过两年。",
      expectedVersion: claimed.body.version,
    });
    const [resolved] = await alertsOf();
    expect(resolved.resolvedAt).not.toBeNull();
    // Closed by the answer: a supervisor acting with the version read before is told it changed.
    expect(resolved.version).toBe(alert.version + 1);
    const supervisor = await t.as("supervisor");
    const late = await supervisor.post<{ code: string }>(`/api/alerts/${alert.id}/close`, {
      expectedVersion: alert.version,
      comment: "已督办",
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("version_conflict");
  });

  it("the desk filters by status, channel, owner, item and date, scoped to the caller's tree", async () => {
    t.clock.set(local("2026-11-26", "10:00"));
    const { clerk, inquiry } = await recordAtWindow("按日期筛选的问题");
    const phone = await clerk.post<Created>("/api/inquiries", {
      channel: "phone",
      question: "电话咨询：换证要多久？",
      itemCode: "real-estate-certificate-replacement",
    });
    const ids = async (q: string) =>
      (await clerk.get<List>(`/api/inquiries?${q}`)).body.items.map((i) => i.id);
    expect(await ids("channel=phone")).toContain(phone.body.id);
    expect(await ids("channel=phone")).not.toContain(inquiry.id);
    expect(await ids("itemCode=real-estate-certificate-replacement")).toContain(phone.body.id);
    expect(await ids("from=2026-11-26&to=2026-11-26")).toEqual(
      expect.arrayContaining([inquiry.id, phone.body.id]),
    );
    expect(await ids("to=2026-11-25")).not.toContain(inquiry.id);
    expect(await ids("status=answered")).not.toContain(inquiry.id);
    const bad = await clerk.get<Problem>("/api/inquiries?status=lost&from=yesterday");
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(["from", "status"]);
    // An applicant has no desk.
    expect((await (await t.as("citizen")).get("/api/inquiries")).status).toBe(403);
    // The township's partner sees none of the bureau's questions.
    expect((await (await t.as("township")).get<List>("/api/inquiries")).body.items).toHaveLength(0);
  });
});
