import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpCalendarVersion } from "../../src/app/calendar/arrangements";
import { CALENDAR_RECHECK_MS, getWorkingCalendar } from "../../src/app/calendar/getWorkingCalendar";
import type { AppContext } from "../../src/app/context";
import { calendarOverrides, organizations, users } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Day = { date: string; working: boolean; kind: string; name: string | null; provisional: boolean };
type Problem = {
  code: string;
  field?: string;
  errors?: { field: string; message: Record<string, string> }[];
};
type Preview = {
  ok: boolean;
  format: "notice" | "lines" | "json";
  title: string | null;
  docNo: string | null;
  sources: { line: number; holiday: string; text: string; rest: string[]; work: string[] }[];
  ignored: { line: number; text: string }[];
  errors: { line: number; code: string; zh: string; en: string }[];
  year: number | null;
  days: { date: string; kind: string; name: string }[];
  requiresReplace: boolean;
  diff: { added: unknown[]; removed: unknown[]; changed: unknown[] };
};

const ARRANGEMENT_2027 = `year: 2027
title: 测试用 2027 年安排（非官方）
2027-01-01~2027-01-03 休 元旦
2027-02-06~2027-02-13 休 春节
2027-02-20 班 春节
2027-10-01~2027-10-07 休 国庆节
2027-10-09 班 国庆节
`;

async function days(from: string, to: string, org?: string) {
  const q = new URLSearchParams({ from, to, ...(org ? { org } : {}) });
  return t.client().get<{ items: Day[] }>(`/api/calendar/days?${q}`);
}

describe("reading the calendar (public)", () => {
  it("classifies holidays, makeup days, weekends and the 2015-09-03 Victory Day", async () => {
    const res = await days("2026-09-26", "2026-10-11");
    expect(res.status).toBe(200);
    const by = new Map(res.body.items.map((d) => [d.date, d]));
    expect(by.get("2026-10-01")).toMatchObject({
      working: false,
      kind: "holiday",
      name: "国庆节",
      provisional: false,
    });
    expect(by.get("2026-09-28")).toMatchObject({ working: true, kind: "workday", name: null });
    expect(by.get("2026-10-10")).toMatchObject({ working: true, kind: "makeup" });
    expect(res.body.items).toHaveLength(16);
    const victory = await days("2015-09-03", "2015-09-06");
    expect(victory.body.items.map((d) => [d.date, d.working])).toEqual([
      ["2015-09-03", false],
      ["2015-09-04", false],
      ["2015-09-05", false],
      ["2015-09-06", true],
    ]);
    expect(victory.body.items[0]).toMatchObject({ kind: "holiday", provisional: false });
    expect(victory.body.items[3].kind).toBe("makeup");
  });

  it("marks 2027 provisional with the law's holidays, and names bad query fields in Chinese and English", async () => {
    const res = await days("2026-12-31", "2027-01-04");
    expect(res.body.items.map((d) => d.provisional)).toEqual([false, true, true, true, true]);
    expect(res.body.items[1]).toMatchObject({
      date: "2027-01-01",
      working: false,
      kind: "holiday",
      name: "元旦",
    });
    expect(res.body.items[4]).toMatchObject({ date: "2027-01-04", working: true, kind: "workday" });
    // 春节 2027 (除夕 02-05 to 初三 02-08, 全国年节及纪念日放假办法 2024 version) is computed, still provisional.
    const spring = await days("2027-02-04", "2027-02-09");
    expect(spring.body.items.map((d) => [d.date, d.working, d.kind, d.provisional])).toEqual([
      ["2027-02-04", true, "workday", true],
      ["2027-02-05", false, "holiday", true],
      ["2027-02-06", false, "holiday", true],
      ["2027-02-07", false, "holiday", true],
      ["2027-02-08", false, "holiday", true],
      ["2027-02-09", true, "workday", true],
    ]);
    const reversed = await t
      .client()
      .get<Problem & { message: Record<string, string> }>("/api/calendar/days?from=2026-10-10&to=2026-10-01");
    expect(reversed.status).toBe(422);
    expect(reversed.body.field).toBe("to");
    expect(reversed.body.message["zh-CN"]).toContain("早于");
    const bad = await t.client().get<Problem>("/api/calendar/days?from=2026-13-01&to=2026-12-01");
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("from");
    const format = await t.client().get<Problem>("/api/calendar/days?from=yesterday&to=2026-12-01");
    expect(format.status).toBe(422);
    expect(format.body.errors?.[0].field).toBe("from");
    const early = await t.client().get<Problem>("/api/calendar/days?from=2006-12-01&to=2006-12-02");
    expect(early.status).toBe(422);
  });

  it("adds working days over the National Day holiday, provisional past 2026", async () => {
    const res = await t.client().get("/api/calendar/add?from=2026-09-28&days=20");
    expect(res.body).toEqual({ from: "2026-09-28", days: 20, date: "2026-10-30", provisional: false });
    const late = await t.client().get("/api/calendar/add?from=2026-12-28&days=5");
    expect(late.body).toMatchObject({ date: "2027-01-05", provisional: true });
    const frac = await t.client().get<Problem>("/api/calendar/add?from=2026-12-28&days=1.5");
    expect(frac.status).toBe(422);
    expect(frac.body.errors?.[0].field).toBe("days");
  });

  it("warns while 2027 is missing (today 2026-11-24)", async () => {
    const res = await t.client().get<{
      warning: boolean;
      nextYearMissing: boolean;
      lastOfficialYear: number;
      message: Record<string, string>;
    }>("/api/calendar/status");
    expect(res.body).toMatchObject({ lastOfficialYear: 2026, nextYearMissing: true, warning: true });
    expect(res.body.message["zh-CN"]).toContain("2027");
    expect(res.body.message["en-US"]).toContain("2027");
    const me = await (await t.as("supervisor")).get<{ abilities: Record<string, boolean> }>("/api/auth/me");
    expect(me.body.abilities.calendarStatus).toBe(true);
    const clerkMe = await (await t.as("clerk")).get<{ abilities: Record<string, boolean> }>("/api/auth/me");
    expect(clerkMe.body.abilities.calendarStatus).toBe(false);
  });
});

describe("importing an arrangement", () => {
  it("a clerk and a supervisor get 403; anonymous 401", async () => {
    for (const u of ["clerk", "supervisor"]) {
      const c = await t.as(u);
      expect((await c.post("/api/calendar/arrangements/preview", { text: ARRANGEMENT_2027 })).status).toBe(
        403,
      );
      expect((await c.post("/api/calendar/arrangements", { text: ARRANGEMENT_2027 })).status).toBe(403);
      expect((await c.get("/api/calendar/overrides")).status).toBe(403);
    }
    expect((await t.client().post("/api/calendar/arrangements", { text: ARRANGEMENT_2027 })).status).toBe(
      401,
    );
  });

  it("preview reports every error with its line number, in Chinese and English", async () => {
    const admin = await t.as("admin");
    const text =
      "year: 2027\n2027-02-30 休 春节\n2027-10-01~2027-10-07 休 国庆节\n2027-10-11 班 国庆节\nnonsense\n";
    const res = await admin.post<Preview>("/api/calendar/arrangements/preview", { text });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "date_invalid"],
      [4, "work_not_weekend"],
      [5, "line_invalid"],
    ]);
    expect(res.body.errors[0].zh).toContain("2027-02-30");
    const save = await admin.post<Problem>("/api/calendar/arrangements", { text });
    expect(save.status).toBe(422);
    expect(save.body.errors?.map((e) => e.field)).toEqual(["text:2", "text:4", "text:5"]);
    expect(save.body.errors?.[0].message["zh-CN"]).toMatch(/^第 2 行/);
    expect(save.body.errors?.[0].message["en-US"]).toMatch(/^line 2/);
  });

  it("refuses a gap in the years and an official year without replace", async () => {
    const admin = await t.as("admin");
    const gap = await admin.post<Preview>("/api/calendar/arrangements/preview", {
      text: "year: 2029\n2029-01-01 休 元旦\n",
    });
    expect(gap.body.ok).toBe(false);
    expect(gap.body.errors[0]).toMatchObject({ line: 1, code: "year_not_consecutive" });
    const official = await admin.post<Preview>("/api/calendar/arrangements/preview", {
      text: "year: 2026\n2026-01-01 休 元旦\n",
    });
    expect(official.body).toMatchObject({ ok: true, requiresReplace: true });
    expect(official.body.diff.removed.length).toBeGreaterThan(10);
    const refused = await admin.post<Problem>("/api/calendar/arrangements", {
      text: "year: 2026\n2026-01-01 休 元旦\n",
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "calendar_year_exists", field: "replace" });
  });

  it("an admin imports 2027 (preview, then save): 2027 is no longer provisional and the warning ends", async () => {
    const admin = await t.as("admin");
    const preview = await admin.post<Preview>("/api/calendar/arrangements/preview", {
      text: ARRANGEMENT_2027,
    });
    expect(preview.body).toMatchObject({ ok: true, year: 2027, requiresReplace: false });
    expect(preview.body.days).toHaveLength(3 + 8 + 1 + 7 + 1);
    expect(preview.body.diff.added).toHaveLength(20);
    const saved = await admin.post("/api/calendar/arrangements", { text: ARRANGEMENT_2027 });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ year: 2027, days: 20, replaced: false });
    const res = await days("2027-01-01", "2027-01-04");
    expect(res.body.items.map((d) => [d.working, d.kind, d.provisional])).toEqual([
      [false, "holiday", false],
      [false, "holiday", false],
      [false, "holiday", false],
      [true, "workday", false],
    ]);
    expect((await days("2028-01-03", "2028-01-03")).body.items[0].provisional).toBe(true);
    const status = await t
      .client()
      .get<{ warning: boolean; lastOfficialYear: number }>("/api/calendar/status");
    expect(status.body).toMatchObject({ warning: false, lastOfficialYear: 2027 });
    // Importing it again needs replace; with replace, JSON input works too.
    expect((await admin.post("/api/calendar/arrangements", { text: ARRANGEMENT_2027 })).status).toBe(409);
    const json = {
      year: 2027,
      title: "JSON 替换",
      rest: [{ from: "2027-01-01", to: "2027-01-01", name: "元旦" }],
      work: [],
    };
    const replaced = await admin.post("/api/calendar/arrangements", { json, replace: true });
    expect(replaced.body).toMatchObject({ year: 2027, days: 1, replaced: true });
    expect((await days("2027-01-02", "2027-01-02")).body.items[0]).toMatchObject({ kind: "weekend" });
    // Put the fuller arrangement back for the rest of the file.
    expect(
      (await admin.post("/api/calendar/arrangements", { text: ARRANGEMENT_2027, replace: true })).status,
    ).toBe(201);
  });
});

describe("importing the State Council notice as published", () => {
  const notice = (year: number) => readFileSync(`test/fixtures/calendar/notice-${year}.txt`, "utf8");

  it("previews the older (2017) and newer (2026) wording: exactly the official days, sentence by sentence", async () => {
    const admin = await t.as("admin");
    for (const [year, docNo] of [
      [2017, "国办发明电〔2016〕17号"],
      [2026, "国办发明电〔2025〕7号"],
    ] as const) {
      const res = await admin.post<Preview>("/api/calendar/arrangements/preview", { text: notice(year) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, format: "notice", year, docNo, requiresReplace: true });
      expect(res.body.diff).toEqual({ added: [], removed: [], changed: [] });
      expect(res.body.sources.every((s) => s.rest.length + s.work.length > 0)).toBe(true);
      expect(res.body.ignored.some((l) => l.text.includes("节假日期间"))).toBe(true);
    }
    const p26 = await admin.post<Preview>("/api/calendar/arrangements/preview", { text: notice(2026) });
    expect(p26.body.sources.find((s) => s.holiday === "春节")).toMatchObject({
      line: 10,
      rest: [
        "2026-02-15",
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
        "2026-02-21",
        "2026-02-22",
        "2026-02-23",
      ],
    });
  });

  it("imports a notice (replace) and refuses an unreadable sentence with its line, saving nothing", async () => {
    const admin = await t.as("admin");
    const saved = await admin.post<{ year: number; days: number; replaced: boolean }>(
      "/api/calendar/arrangements",
      { text: notice(2025), replace: true },
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({
      year: 2025,
      days: 33,
      replaced: true,
      title: "国务院办公厅关于2025年部分节假日安排的通知",
    });
    const spring = await days("2025-01-26", "2025-01-28");
    expect(spring.body.items.map((d) => [d.date, d.kind, d.provisional])).toEqual([
      ["2025-01-26", "makeup", false],
      ["2025-01-27", "workday", false],
      ["2025-01-28", "holiday", false],
    ]);
    const broken = notice(2025).replace("4月27日（周日）上班。", "4月27日（周日）照常上班吧。");
    const refused = await admin.post<Problem>("/api/calendar/arrangements", { text: broken, replace: true });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]).toMatchObject({ field: "text:16" });
    expect(refused.body.errors?.[0].message["zh-CN"]).toContain("第 16 行：无法识别的句子");
    expect((await days("2025-04-27", "2025-04-27")).body.items[0].kind).toBe("makeup");
  });
});

describe("local overrides", () => {
  it("a closure of the bureau pushes `add` by one day for it and its sections, not for another organization", async () => {
    const admin = await t.as("admin");
    const before = await t
      .client()
      .get<{ date: string }>("/api/calendar/add?from=2026-12-01&days=3&org=HY-ZRZY-GH");
    expect(before.body.date).toBe("2026-12-04");
    const created = await admin.post<{ id: string; orgCode: string; abilities: Record<string, boolean> }>(
      "/api/calendar/overrides",
      { org: "HY-ZRZY", date: "2026-12-03", kind: "closed", reason: "暴雪停止办公" },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ orgCode: "HY-ZRZY", abilities: { delete: true } });
    for (const org of ["HY-ZRZY", "HY-ZRZY-GH"]) {
      const after = await t
        .client()
        .get<{ date: string }>(`/api/calendar/add?from=2026-12-01&days=3&org=${org}`);
      expect(after.body.date).toBe("2026-12-07");
    }
    const other = await t
      .client()
      .get<{ date: string }>("/api/calendar/add?from=2026-12-01&days=3&org=HY-SQJ");
    expect(other.body.date).toBe("2026-12-04");
    const national = await t.client().get<{ date: string }>("/api/calendar/add?from=2026-12-01&days=3");
    expect(national.body.date).toBe("2026-12-04");
    const day = await days("2026-12-03", "2026-12-03", "HY-ZRZY-WIN");
    expect(day.body.items[0]).toMatchObject({ working: false, kind: "closed", name: "暴雪停止办公" });

    const list = await admin.get<{ items: { id: string; date: string }[] }>("/api/calendar/overrides");
    expect(list.body.items.map((o) => o.date)).toEqual(["2026-12-03"]);
    const dup = await admin.post<Problem>("/api/calendar/overrides", {
      org: "HY-ZRZY",
      date: "2026-12-03",
      kind: "closed",
      reason: "重复",
    });
    expect(dup.status).toBe(409);
    const pointless = await admin.post<Problem>("/api/calendar/overrides", {
      org: "HY-ZRZY",
      date: "2026-12-05",
      kind: "closed",
      reason: "周六",
    });
    expect(pointless.status).toBe(422);
    expect(pointless.body.field).toBe("date");
    expect((await (await t.as("clerk")).delete(`/api/calendar/overrides/${created.body.id}`)).status).toBe(
      403,
    );
    expect((await admin.delete(`/api/calendar/overrides/${created.body.id}`)).status).toBe(204);
    const back = await t
      .client()
      .get<{ date: string }>("/api/calendar/add?from=2026-12-01&days=3&org=HY-ZRZY-GH");
    expect(back.body.date).toBe("2026-12-04");
    expect((await admin.delete(`/api/calendar/overrides/${created.body.id}`)).status).toBe(404);
  });

  it("another app server's cached calendar follows a change (calendar_version)", async () => {
    // A second context on the same database has a cache of its own, like a second app server.
    const other: AppContext = { ...t.ctx, database: { ...t.ctx.database } };
    const first = await getWorkingCalendar(other, "HY-ZRZY");
    expect(first.isWorkingDay("2026-12-10")).toBe(true);
    expect(await getWorkingCalendar(other, "HY-ZRZY")).toBe(first);
    const admin = await t.as("admin");
    const created = await admin.post<{ id: string }>("/api/calendar/overrides", {
      org: "HY-ZRZY",
      date: "2026-12-10",
      kind: "closed",
      reason: "停电",
    });
    const after = await getWorkingCalendar(other, "HY-ZRZY-GH");
    expect(after.classify("2026-12-10")).toMatchObject({ working: false, reason: "closed" });
    await admin.delete(`/api/calendar/overrides/${created.body.id}`);
    expect((await getWorkingCalendar(other, "HY-ZRZY")).isWorkingDay("2026-12-10")).toBe(true);
  });

  it("a change made by another app server is seen within the re-check bound (ADR 0007)", async () => {
    const other: AppContext = { ...t.ctx, database: { ...t.ctx.database } };
    expect((await getWorkingCalendar(other, "HY-ZRZY")).isWorkingDay("2026-12-11")).toBe(true);
    // Another server writes an override and bumps the version; this process is not told.
    const db = t.ctx.database.db;
    const [org] = await db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
    const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
    await db.transaction(async (tx) => {
      await tx.insert(calendarOverrides).values({
        orgId: org.id,
        date: "2026-12-11",
        kind: "closed",
        reason: "停电",
        createdBy: admin.id,
        createdAt: t.clock.now(),
      });
      await bumpCalendarVersion(tx);
    });
    t.clock.advance(CALENDAR_RECHECK_MS);
    expect((await getWorkingCalendar(other, "HY-ZRZY")).isWorkingDay("2026-12-11")).toBe(false);
    await db.delete(calendarOverrides).where(eq(calendarOverrides.date, "2026-12-11"));
    await bumpCalendarVersion(db);
    t.clock.advance(-CALENDAR_RECHECK_MS);
  });

  it("an unknown organization is a 404", async () => {
    const res = await t.client().get<Problem>("/api/calendar/add?from=2026-12-01&days=3&org=NOPE");
    expect(res.status).toBe(404);
  });
});
