import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dayToIso, isoToDay } from "./isoDate.ts";
import { looksLikeNotice, parseNotice } from "./noticeFormat.ts";
import { officialCalendarData } from "./officialData.ts";
import type { YearArrangement } from "./types.ts";

const fixture = (year: number) =>
  readFileSync(new URL(`../../../test/fixtures/calendar/notice-${year}.txt`, import.meta.url), "utf8");

/** One line per date: 'YYYY-MM-DD rest|work name'. */
function days(a: YearArrangement): { date: string; kind: string; name: string }[] {
  const out: { date: string; kind: string; name: string }[] = [];
  for (const r of a.rest) {
    for (let d = isoToDay(r.from); d <= isoToDay(r.to); d++)
      out.push({ date: dayToIso(d), kind: "rest", name: r.name });
  }
  for (const w of a.work) out.push({ date: w.date, kind: "work", name: w.name });
  return out.sort((x, y) => (x.date < y.date ? -1 : 1));
}

const shipped = (year: number) => {
  const a = officialCalendarData.years.find((y) => y.year === year);
  if (!a) throw new Error(`no shipped ${year}`);
  return a;
};

function parsed(year: number): YearArrangement {
  const r = parseNotice(fixture(year));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.arrangement;
}

describe("the State Council notice as published", () => {
  for (const year of [2017, 2023, 2025, 2026]) {
    it(`${year}: gives exactly the shipped days (dates, rest/work, holiday names)`, () => {
      const line = (d: { date: string; kind: string; name: string }) => `${d.date} ${d.kind} ${d.name}`;
      expect(days(parsed(year)).map(line)).toEqual(days(shipped(year)).map(line));
    });
  }

  it("2012: the shipped days, except 06-23 — a Saturday the data keeps as an ordinary weekend", () => {
    const mine = days(parsed(2012)).map((d) => `${d.date} ${d.kind}`);
    const theirs = days(shipped(2012)).map((d) => `${d.date} ${d.kind}`);
    expect(mine.filter((d) => !theirs.includes(d))).toEqual(["2012-06-23 rest"]);
    expect(theirs.filter((d) => !mine.includes(d))).toEqual([]);
    expect(mine).toContain("2011-12-31 work"); // 调休 in the previous year
  });

  it("reads the year, the title (also split over two lines) and the 文号; prose and signature are set aside", () => {
    const r = parseNotice(fixture(2017));
    expect(r.ok && r.arrangement).toMatchObject({
      year: 2017,
      title: "国务院办公厅关于2017年部分节假日安排的通知",
      docNo: "国办发明电〔2016〕17号",
    });
    expect(r.ignored.map((l) => l.text)).toContain("2016年12月1日");
    expect(r.ignored.some((l) => l.text.startsWith("节假日期间"))).toBe(true);
    const r25 = parseNotice(fixture(2025));
    expect(r25.ok && r25.arrangement.docNo).toBe("国办发明电〔2024〕12号");
    // The preamble's dates (自2025年1月1日起…) are prose, not an arrangement.
    expect(r25.ignored.some((l) => l.text.includes("自2025年1月1日起"))).toBe(true);
    const spring = r25.sources.filter((s) => s.holiday === "春节");
    expect(spring.map((s) => [s.line, s.rest.length, s.work])).toEqual([
      [12, 8, []],
      [12, 0, ["2025-01-26", "2025-02-08"]],
    ]);
  });

  it("an implicit cross-year 元旦 (12月30日至1月1日) belongs to the previous December", () => {
    const r = parseNotice(
      "国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：12月30日至1月1日放假，共3天。 12月29日（星期六）上班。\n",
    );
    expect(r.ok && r.arrangement).toMatchObject({
      year: 2019,
      rest: [{ from: "2018-12-30", to: "2019-01-01", name: "元旦" }],
      work: [{ date: "2018-12-29", name: "元旦" }],
    });
  });

  it("accepts ASCII punctuation, '1.' numbering, an item whose dates are on the next line, and 2009's 其中 sentences", () => {
    const ascii = parseNotice(
      "国务院办公厅关于2026年部分节假日安排的通知\n1. 元旦:1月1日(周四)至3日(周六)放假调休,共3天.1月4日(周日)上班.\n二、春节：\n2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。\n",
    );
    expect(ascii.ok && days(ascii.arrangement).length).toBe(3 + 1 + 9 + 2);
    const old = parseNotice(
      [
        "国务院办公厅关于2009年部分节假日安排的通知",
        "一、元旦：1月1日至3日放假，共3天。",
        "其中，1月1日（星期四、新年）为法定节假日，1月3日（星期六）为公休日。",
        "1月4日（星期日）公休日调至1月2日（星期五）。",
        "1月4日（星期日）上班。",
      ].join("\n"),
    );
    expect(old.ok && old.arrangement).toMatchObject({
      rest: [{ from: "2009-01-01", to: "2009-01-03" }],
      work: [{ date: "2009-01-04" }],
    });
    // 2008: an explanation and a working day in one sentence — the working day is not lost.
    const mixed = parseNotice(
      "国务院办公厅关于2008年部分节假日安排的通知\n一、元旦：2007年12月30日—2008年1月1日放假，共3天。其中，1月1日（星期二）为法定节假日，12月30日（星期日）为公休日，12月29日（星期六）公休日调至12月31日（星期一），12月29日（星期六）上班。\n",
    );
    expect(mixed.ok && mixed.arrangement.work).toEqual([{ date: "2007-12-29", name: "元旦" }]);
  });
});

describe("notice errors name their line", () => {
  it("an unparseable sentence, an unknown holiday, a wrong weekday, a wrong day count", () => {
    const r = parseNotice(
      [
        "国务院办公厅关于2026年部分节假日安排的通知", // 1
        "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。", // 2
        "二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）照常办公。", // 3
        "三、植树节：3月12日放假。", // 4
        "四、劳动节：5月1日（周四）至5日（周二）放假调休，共5天。", // 5 (5月1日 is a Friday)
        "五、端午节：6月19日至21日放假，共4天。", // 6
      ].join("\n"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "notice_sentence_unrecognized"],
      [4, "notice_holiday_unknown"],
      [5, "notice_weekday_mismatch"],
      [6, "notice_count_mismatch"],
    ]);
    expect(r.errors[0].zh).toContain("照常办公");
    expect(r.errors[2].zh).toContain("实为星期五");
  });

  it("without a title or a year there is nothing to date the items by", () => {
    const r = parseNotice("一、元旦：1月1日放假。\n");
    expect(!r.ok && r.errors.map((e) => e.code)).toContain("notice_year_missing");
  });

  it("a notice of one year cannot carry another year's dates (validated like the line format)", () => {
    const r = parseNotice("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：2028年1月1日放假。\n");
    expect(!r.ok && r.errors[0]).toMatchObject({ line: 2, code: "date_outside_year" });
  });
});

describe("looksLikeNotice", () => {
  it("tells the notice from the line format", () => {
    expect(looksLikeNotice(fixture(2026))).toBe(true);
    expect(looksLikeNotice("元旦：1月1日放假")).toBe(true);
    expect(looksLikeNotice("year: 2027\n2027-01-01~2027-01-03 休 元旦\n")).toBe(false);
    expect(looksLikeNotice("hello")).toBe(false);
  });
});
