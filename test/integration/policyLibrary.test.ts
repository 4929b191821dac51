import { eq } from "drizzle-orm";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/adapters/pdf/render";
import { defaultOutboxHandlers } from "../../src/app/notifications/notify";
import { seedPolicyLibrary } from "../../src/app/policyLibrary/seed";
import { organizations, serviceItems, users } from "../../src/db/schema";
import { processOutboxBatch } from "../../src/jobs/outbox";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedPolicyLibrary(t.ctx);
  expect(seeded.created).toBeGreaterThanOrEqual(50);
  expect(seeded.links).toBeGreaterThan(5);
  expect(await seedPolicyLibrary(t.ctx)).toEqual({ created: 0, links: 0 });
});
afterAll(async () => t?.close());

type Part = { text: string; hit: boolean };
type Hit = {
  id: string;
  title: string;
  docNumber: string;
  status: string;
  snippet: Part[];
  titleParts: Part[];
};
type Search = { items: Hit[]; total: number; words: string[] };
type Doc = {
  id: string;
  version: number;
  title: string;
  docNumber: string;
  issuedOn: string | null;
  effectiveOn: string | null;
  status: string;
  fullText: string;
  amendedBy: { id: string } | null;
  repealedBy: { id: string; title: string } | null;
  replaces: { id: string }[];
  items: { code: string; basisTitle: string }[];
  readAt: string | null;
  attachments: { fileId: string; fileName: string }[];
  abilities: Record<string, boolean>;
};
type Problem = { code: string; errors?: { field: string }[] };
type Notice = {
  id: string;
  counts: { acknowledged: number; expected: number };
  mustAcknowledge: boolean;
  acknowledgedAt: string | null;
  movedTo: { code: string }[];
};
type Acks = {
  acknowledged: number;
  expected: number;
  people: { user: { id: string }; acknowledgedAt: string | null }[];
};

const db = () => t.ctx.database.db;
const itemId = async (code: string) =>
  (await db().select({ id: serviceItems.id }).from(serviceItems).where(eq(serviceItems.code, code)))[0]?.id ??
  "";
const orgId = async (code: string) =>
  (await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code)))[0]
    ?.id ?? "";
const userId = async (username: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ?? "";
const hits = (parts: Part[]) => parts.filter((p) => p.hit).map((p) => p.text);

describe("policy library search (jieba into a simple tsvector)", () => {
  it("乡镇 finds 乡镇政府, with the hit highlighted in the snippet", async () => {
    const clerk = await t.as("clerk");
    const res = await clerk.get<Search>(`/api/policy-documents/search?q=${encodeURIComponent("乡镇")}`);
    expect(res.status).toBe(200);
    const hit = res.body.items.find((h) => h.docNumber === "自然资规〔2019〕4号");
    expect(hit).toBeDefined();
    expect(hit?.snippet.map((p) => p.text).join("")).toContain("乡镇政府");
    expect(hits(hit?.snippet ?? [])).toContain("乡镇");
  });

  it("不动产 finds 不动产登记 documents; a 文号 finds its document first; filters narrow", async () => {
    const clerk = await t.as("clerk");
    const q = async (s: string, extra = "") =>
      (await clerk.get<Search>(`/api/policy-documents/search?q=${encodeURIComponent(s)}${extra}`)).body;
    const estate = await q("不动产");
    expect(estate.items.map((h) => h.title)).toContain("不动产登记暂行条例");
    expect(hits(estate.items.find((h) => h.title === "不动产登记暂行条例")?.titleParts ?? [])).toEqual([
      "不动产",
    ]);
    const byNumber = await q("国土资源部令第63号");
    expect(byNumber.items[0]?.title).toBe("不动产登记暂行条例实施细则");
    expect((await q("自然资规〔2019〕4号")).items[0]?.docNumber).toBe("自然资规〔2019〕4号");
    const repealed = await q("设施农业", "&status=repealed");
    expect(repealed.items.map((h) => h.docNumber)).toEqual(["国土资发〔2014〕127号"]);
    const provincial = await q("设施农业", "&level=provincial");
    expect(provincial.items.every((h) => h.title.startsWith("安徽省"))).toBe(true);
    expect(provincial.total).toBe(1);
    const planning = await q("规划", `&itemId=${await itemId("building-planning-permit")}`);
    expect(planning.items.map((h) => h.title)).toContain("中华人民共和国城乡规划法");
    expect(planning.items.map((h) => h.title)).not.toContain("不动产登记暂行条例");
    expect((await q("不存在的词语组合xyz")).items).toEqual([]);
  });

  it("lists with filters; the seed links documents to the items' 设定依据 and to what they replaced", async () => {
    const clerk = await t.as("clerk");
    const list = await clerk.get<{ items: Doc[]; total: number }>("/api/policy-documents?limit=100");
    expect(list.body.total).toBeGreaterThanOrEqual(50);
    const civil = list.body.items.find((d) => d.title === "中华人民共和国民法典");
    const doc = await clerk.get<Doc>(`/api/policy-documents/${civil?.id}`);
    expect(doc.body.items.map((i) => i.code)).toContain("state-land-first-registration");
    expect(doc.body.replaces.length).toBe(1);
    const property = list.body.items.find((d) => d.title === "中华人民共和国物权法");
    const p = await clerk.get<Doc>(`/api/policy-documents/${property?.id}`);
    expect(p.body.repealedBy?.title).toBe("中华人民共和国民法典");
    expect(p.body.abilities.update).toBe(false);
    // The Anhui 2020 notice: its 文号 and dates are not confirmed, so they are empty, never a placeholder.
    const anhui = list.body.items.find((d) => d.title.startsWith("安徽省自然资源厅"));
    expect(anhui).toMatchObject({ docNumber: "", issuedOn: null, effectiveOn: null });
  });
});

describe("policy documents: create, edit, read, attach", () => {
  it("the supervisor creates and edits; clerks may not; bad input names the field; stale edits are 409", async () => {
    const sup = await t.as("supervisor");
    const body = {
      title: "怀远县自然资源和规划局窗口一次性告知工作规程（演示）",
      docNumber: "怀自然资〔2026〕1号",
      issuer: "怀远县自然资源和规划局",
      level: "county",
      issuedOn: "2026-11-01",
      effectiveOn: "2026-11-01",
      status: "in_force",
      summary: "窗口一次性告知的格式和留存要求。",
      fullText: "第一条 申请材料不齐全的，窗口工作人员应当场出具一次性告知书，列明需补正的全部材料。",
      tags: ["一次性告知"],
      items: [{ itemId: await itemId("building-planning-permit") }],
    };
    const clerk = await t.as("clerk");
    expect((await clerk.post<Problem>("/api/policy-documents", body)).status).toBe(403);
    const bad = await sup.post<Problem>("/api/policy-documents", { ...body, status: "amended" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["amendedById"]);
    const created = await sup.post<Doc>("/api/policy-documents", body);
    expect(created.status).toBe(201);
    expect(created.body.items.map((i) => i.code)).toEqual(["building-planning-permit"]);
    // The full text is indexed: a word only it holds finds the document.
    const found = await clerk.get<Search>(`/api/policy-documents/search?q=${encodeURIComponent("补正")}`);
    expect(found.body.items.map((h) => h.id)).toContain(created.body.id);
    const upd = await sup.put<Doc>(`/api/policy-documents/${created.body.id}`, {
      ...body,
      expectedVersion: created.body.version,
      title: "窗口一次性告知工作规程（修订）",
    });
    expect(upd.status).toBe(200);
    expect(upd.body.version).toBe(created.body.version + 1);
    const stale = await sup.put<Problem>(`/api/policy-documents/${created.body.id}`, {
      ...body,
      expectedVersion: created.body.version,
    });
    expect(stale.status).toBe(409);
    // Reading counts in the training record.
    const read = await clerk.post<Doc>(`/api/policy-documents/${created.body.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
  });

  it("without a session: in-force documents an item cites are readable, others are 404", async () => {
    const clerk = await t.as("clerk");
    const list = (await clerk.get<{ items: Doc[] }>("/api/policy-documents?limit=100")).body.items;
    const anon = t.client();
    const planning = list.find((d) => d.title === "中华人民共和国城乡规划法");
    const property = list.find((d) => d.title === "中华人民共和国物权法");
    const unlinked = list.find((d) => d.title === "中华人民共和国档案法");
    expect((await anon.get<Doc>(`/api/policy-documents/${planning?.id}`)).status).toBe(200);
    expect((await anon.get(`/api/policy-documents/${property?.id}`)).status).toBe(404);
    expect((await anon.get(`/api/policy-documents/${unlinked?.id}`)).status).toBe(404);
    expect((await anon.get("/api/policy-documents")).status).toBe(401);
  });

  it("a .docx or a PDF gives its text as the full text (searchable); a PDF without text is refused", async () => {
    const sup = await t.as("supervisor");
    const list = (await sup.get<{ items: Doc[] }>("/api/policy-documents?limit=100")).body.items;
    const target = list.find((d) => d.title === "土地复垦条例");
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>第一条 为了落实十分珍惜、合理利用土地的基本国策</w:t></w:r></w:p><w:p><w:r><w:t>复垦验收 &amp; 监督</w:t></w:r></w:p></w:body></w:document>';
    const docx = Buffer.from(zipSync({ "word/document.xml": new TextEncoder().encode(xml) }));
    const send = (fileName: string, bytes: Buffer, extract: boolean) => {
      const b = "----yzpolicy";
      const payload = Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="extractText"\r\n\r\n${extract}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return sup.request<Doc & Problem>("POST", `/api/policy-documents/${target?.id}/attachments`, payload, {
        "content-type": `multipart/form-data; boundary=${b}`,
      });
    };
    const up = await send("土地复垦条例.docx", docx, true);
    expect(up.status).toBe(201);
    expect(up.body.fullText).toBe("第一条 为了落实十分珍惜、合理利用土地的基本国策\n复垦验收 & 监督");
    expect(up.body.attachments.map((a) => a.fileName)).toEqual(["土地复垦条例.docx"]);
    const found = await sup.get<Search>(`/api/policy-documents/search?q=${encodeURIComponent("基本国策")}`);
    expect(found.body.items.map((h) => h.id)).toEqual([target?.id]);
    // A PDF the app itself renders (pdfmake, embedded CJK font): its text layer becomes the full text.
    const sentence = "设施农业用地备案由县级窗口调整到乡镇人民政府办理";
    const pdf = await renderPdf({
      info: { title: "通知", author: "一站", subject: "测试", creationDate: new Date("2026-12-01") },
      content: [{ text: "关于设施农业用地备案的通知" }, { text: `${sentence}。`, pageBreak: "before" }],
    });
    const fromPdf = await send("通知.pdf", pdf, true);
    expect(fromPdf.status).toBe(201);
    expect(fromPdf.body.fullText).toContain(sentence);
    expect(fromPdf.body.fullText.split("\n\n")).toHaveLength(2);
    const byPdf = await sup.get<Search>(`/api/policy-documents/search?q=${encodeURIComponent("县级窗口")}`);
    expect(byPdf.body.items.map((h) => h.id)).toContain(target?.id);
    // A damaged PDF, or one without a text layer, is refused and nothing is written; attached as is it is kept.
    const broken = Buffer.from("%PDF-1.4\n%%EOF\n");
    const refused = await send("a.pdf", broken, true);
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]).toMatchObject({ field: "file", code: "pdf_unreadable" });
    const blank = await renderPdf({
      info: { title: "扫描件", author: "一站", subject: "测试", creationDate: new Date("2026-12-01") },
      content: [{ canvas: [{ type: "rect", x: 0, y: 0, w: 100, h: 100 }] }],
    });
    const scanned = await send("scan.pdf", blank, true);
    expect(scanned.status).toBe(422);
    expect(scanned.body.errors?.[0]).toMatchObject({ field: "file", code: "pdf_without_text" });
    const after = await sup.get<Doc>(`/api/policy-documents/${target?.id}`);
    expect(after.body.fullText).toBe(fromPdf.body.fullText);
    expect(after.body.attachments).toHaveLength(2);
    expect((await send("a.pdf", broken, false)).status).toBe(201);
    const dl = await sup.get(
      `/api/policy-documents/${target?.id}/attachments/${up.body.attachments[0]?.fileId}`,
    );
    expect(dl.status).toBe(200);
    expect(String(dl.headers["content-type"])).toContain("wordprocessingml");
  });
});

describe("change notices", () => {
  it("staff of the sections acknowledge; the supervisor sees who has not; the guide shows the change", async () => {
    const sup = await t.as("supervisor");
    const list = (await sup.get<{ items: Doc[] }>("/api/policy-documents?limit=100")).body.items;
    const anhui = list.find((d) => d.title.startsWith("安徽省自然资源厅"));
    const filing = await itemId("facility-agricultural-land-filing");
    const win = await orgId("HY-ZRZY-WIN");
    const body = {
      policyId: anhui?.id,
      title: "设施农业用地备案改由乡镇办理",
      summary: "自2020年起设施农业用地备案由乡镇人民政府办理，窗口收到的申请转办乡镇。",
      effectiveOn: "2026-12-01",
      itemIds: [filing],
      sectionIds: [win],
    };
    const clerk = await t.as("clerk");
    expect((await clerk.post("/api/change-notices", body)).status).toBe(403);
    const badSection = await sup.post<Problem>("/api/change-notices", {
      ...body,
      sectionIds: [win, await orgId("HY-SCJG")],
    });
    expect(badSection.status).toBe(422);
    expect(badSection.body.errors?.map((e) => e.field)).toEqual(["sectionIds.1"]);
    const created = await sup.post<Notice>("/api/change-notices", body);
    expect(created.status).toBe(201);
    expect(created.body.counts).toEqual({ acknowledged: 0, expected: 2 });

    // Everyone who must acknowledge it is told in the application (through the outbox); no one else is.
    await processOutboxBatch(t.ctx, defaultOutboxHandlers(), { batchSize: 100 });
    type Note = { kind: string; title: Record<string, string>; body: Record<string, string>; link: string };
    const notes = async (who: string) =>
      (await (await t.as(who)).get<{ items: Note[] }>("/api/notifications")).body.items.filter(
        (x) => x.kind === "policy.change_notice",
      );
    const [told] = await notes("clerk2");
    expect(told?.link).toBe("/policies?tab=notices");
    expect(told?.title["zh-CN"]).toBe("政策变更通知：设施农业用地备案改由乡镇办理");
    expect(told?.body["zh-CN"]).toContain(`依据《${anhui?.title}》`);
    expect(told?.body["zh-CN"]).toContain("自 2026-12-01 起执行");
    expect(await notes("clerk")).toHaveLength(1);
    expect(await notes("reviewer-planning")).toEqual([]);
    expect(await notes("supervisor")).toEqual([]);

    const pending = await clerk.get<{ items: Notice[] }>("/api/change-notices?pending=true");
    expect(pending.body.items.map((n) => n.id)).toContain(created.body.id);
    const ack = await clerk.post<Notice>(`/api/change-notices/${created.body.id}/acknowledgements`, {});
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    expect((await clerk.post(`/api/change-notices/${created.body.id}/acknowledgements`, {})).status).toBe(
      200,
    );
    expect((await clerk.get<{ items: Notice[] }>("/api/change-notices?pending=true")).body.items).toEqual([]);

    // Someone of another section neither sees nor acknowledges it; only supervisors see the list.
    const planner = await t.as("reviewer-planning");
    expect((await planner.post(`/api/change-notices/${created.body.id}/acknowledgements`, {})).status).toBe(
      404,
    );
    expect((await clerk.get(`/api/change-notices/${created.body.id}/acknowledgements`)).status).toBe(403);

    const acks = await sup.get<Acks>(`/api/change-notices/${created.body.id}/acknowledgements`);
    expect(acks.status).toBe(200);
    expect(acks.body).toMatchObject({ acknowledged: 1, expected: 2 });
    const notYet = acks.body.people.filter((p) => !p.acknowledgedAt).map((p) => p.user.id);
    expect(notYet).toEqual([await userId("clerk2")]);

    const guide = await t
      .client()
      .get<{ changes: { title: string; effectiveOn: string }[] }>(
        "/api/item-policies/facility-agricultural-land-filing",
      );
    expect(guide.status).toBe(200);
    expect(guide.body.changes).toEqual([
      expect.objectContaining({ title: "设施农业用地备案改由乡镇办理", effectiveOn: "2026-12-01" }),
    ]);

    const study = await clerk.get<{ totals: { read: number; acknowledged: number; pending: number } }>(
      `/api/staff/${await userId("clerk")}/policy-study`,
    );
    expect(study.body.totals).toMatchObject({ acknowledged: 1, pending: 0 });
    expect((await clerk.get(`/api/staff/${await userId("clerk2")}/policy-study`)).status).toBe(403);
    const supView = await sup.get<{ totals: { pending: number } }>(
      `/api/staff/${await userId("clerk2")}/policy-study`,
    );
    expect(supView.body.totals.pending).toBe(1);
  });

  it("moving an item to the township writes its referral rule: the window then refers such applicants", async () => {
    const admin = await t.as("admin");
    const sup = await t.as("supervisor");
    const list = (await sup.get<{ items: Doc[] }>("/api/policy-documents?limit=100")).body.items;
    const land = list.find((d) => d.title === "中华人民共和国土地管理法");
    const rural = await itemId("rural-construction-planning-permit");
    const clerk = await t.as("clerk");
    const applicantId = await userId("sanmu");
    const refer = () =>
      clerk.post<Problem>("/api/referrals", {
        itemCode: "rural-construction-planning-permit",
        applicantId,
        toOrgCode: "HY-CGZ",
      });
    expect((await refer()).status).toBe(422);
    const body = {
      policyId: land?.id,
      title: "乡村建设规划许可下放乡镇（演示）",
      summary: "乡村建设规划许可自即日起由乡镇人民政府办理，窗口转办。",
      effectiveOn: "2026-11-24",
      itemIds: [rural],
      sectionIds: [await orgId("HY-ZRZY-WIN")],
      moveTo: { orgCodes: ["HY-CGZ", "HY-SQJ"] },
    };
    // Moving an item is a catalog change: the supervisor may announce, not move.
    expect((await sup.post("/api/change-notices", body)).status).toBe(403);
    const bad = await admin.post<Problem>("/api/change-notices", { ...body, moveTo: { orgCodes: ["NOPE"] } });
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["moveTo.orgCodes.0"]);
    const moved = await admin.post<Notice>("/api/change-notices", body);
    expect(moved.status).toBe(201);
    expect(moved.body.movedTo.map((m) => m.code)).toEqual(["HY-CGZ", "HY-SQJ"]);
    expect((await refer()).status).toBe(201);
    const guide = await t
      .client()
      .get<{ changes: { movedTo: { name: string }[] }[] }>(
        "/api/item-policies/rural-construction-planning-permit",
      );
    expect(guide.body.changes[0]?.movedTo.map((m) => m.name)).toEqual(["城关镇人民政府", "双桥集镇人民政府"]);
  });
});

describe("study", () => {
  it("a training session links library documents: title and 文号 come from the library; an unknown one is 422", async () => {
    const sup = await t.as("supervisor");
    const list = (await sup.get<{ items: Doc[] }>("/api/policy-documents?limit=100")).body.items;
    const regulation = list.find((d) => d.title === "不动产登记暂行条例");
    const body = {
      orgId: await orgId("HY-ZRZY"),
      heldOn: "2026-11-20",
      topic: "不动产登记条例学习",
      sectionIds: [await orgId("HY-ZRZY-WIN")],
      documents: [{ title: "条例", policyId: regulation?.id }, { title: "窗口规范（内部）" }],
    };
    const created = await sup.post<{ documents: { title: string; number?: string; policyId?: string }[] }>(
      "/api/training-sessions",
      body,
    );
    expect(created.status).toBe(201);
    expect(created.body.documents).toEqual([
      { title: "不动产登记暂行条例", number: "国务院令第656号", policyId: regulation?.id },
      { title: "窗口规范（内部）" },
    ]);
    const bad = await sup.post<Problem>("/api/training-sessions", {
      ...body,
      documents: [{ title: "条例", policyId: "01900000-0000-7000-8000-000000000000" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["documents.0.policyId"]);
  });
});

describe("scorecard", () => {
  it("counts the notices a person has not acknowledged in the month's card", async () => {
    const sup = await t.as("supervisor");
    type Card = { subjectName: string; figures: { noticesUnacknowledged: number | null } };
    const res = await sup.get<{ people: Card[] }>("/api/supervision/scorecards?month=2026-11");
    expect(res.status).toBe(200);
    const of = (name: string) => res.body.people.find((p) => p.subjectName.includes(name))?.figures;
    // Both notices of this file are for the window: 王芳 acknowledged the first, 杨洁 neither.
    expect(of("杨洁")?.noticesUnacknowledged).toBe(2);
    expect(of("王芳")?.noticesUnacknowledged).toBe(1);
    // The exports carry the figure in its own column.
    const exported = async (format: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/supervision/scorecards/export?month=2026-11&format=${format}`,
        headers: { cookie: sup.cookieHeader() },
      });
    const csv = await exported("csv");
    expect(csv.statusCode).toBe(200);
    const lines = csv.rawPayload.subarray(3).toString("utf8").trim().split("\r\n");
    const col = lines[0]?.split(",").indexOf("未阅知变更通知") ?? -1;
    expect(col).toBeGreaterThan(0);
    const cell = (name: string) => lines.find((l) => l.includes(name))?.split(",")[col];
    expect([cell("杨洁"), cell("王芳")]).toEqual(["2", "1"]);
    const xlsx = await exported("xlsx");
    const sheet = strFromU8(
      unzipSync(new Uint8Array(xlsx.rawPayload))["xl/worksheets/sheet1.xml"] ?? new Uint8Array(),
    );
    const letter = String.fromCharCode(65 + col);
    expect(sheet).toContain(`<t xml:space="preserve">未阅知变更通知</t>`);
    const yang = [...sheet.matchAll(/<row r="\d+">(.*?)<\/row>/g)].find((m) => m[1]?.includes("杨洁"))?.[1];
    expect(yang).toMatch(new RegExp(`<c r="${letter}\\d+"><v>2</v></c>`));
  });
});
