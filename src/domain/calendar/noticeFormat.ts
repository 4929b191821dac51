/**
 * The State Council notice as published (国务院办公厅关于××年部分节假日安排的通知), pasted as text, read
 * into a year's arrangement. Both wordings are understood:
 *
 * - older: 一、元旦：1月1日放假，1月2日（星期一）补休。 / 1月1日至3日放假调休，共3天。1月4日（星期日）上班。
 * - newer: 一、元旦：1月1日（周四）放假1天，不调休。 / 二、春节：2月15日（农历腊月二十八、周日）至23日
 *   （农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *
 * Only the numbered items (一、元旦：… / 1. 元旦：…) carry dates; the preamble, the closing paragraph and the
 * signature are returned as `ignored` lines. Every sentence of an item is either understood or reported
 * as an error with its line — never dropped. Cross-checks: 共N天 must match the range, a stated weekday
 * (星期一 / 周一) must match the date. A year is written only where it changes: a December date of the
 * 元旦 item belongs to the previous year (2018年12月30日至2019年1月1日, or 12月30日至1月1日).
 */
import {
  type ArrangementEntry,
  type ArrangementError,
  type ArrangementHeader,
  type ArrangementResult,
  arrangementError,
  buildArrangement,
} from "./arrangementFormat.ts";
import { daysFromCivil, daysInMonth, dayToIso, isoToDay, isWeekend, weekdayOf } from "./isoDate.ts";
import { chineseFestivals } from "./lunar.ts";
import type { RestRange, YearArrangement } from "./types.ts";

/** A sentence of an item and the dates it gave, for the confirmation view. */
export interface NoticeSource {
  line: number;
  holiday: string;
  text: string;
  rest: string[];
  work: string[];
}

/** The result of reading a notice: the arrangement (or errors), what each sentence gave, what was skipped. */
export type NoticeResult = ArrangementResult & {
  sources: NoticeSource[];
  ignored: { line: number; text: string }[];
};

/** Holiday names as notices write them → the names the calendar uses. */
const HOLIDAY_NAMES: Record<string, string> = {
  元旦: "元旦",
  新年: "元旦",
  春节: "春节",
  清明节: "清明节",
  清明: "清明节",
  劳动节: "劳动节",
  "“五一”国际劳动节": "劳动节",
  "五一”国际劳动节": "劳动节",
  '"五一"国际劳动节': "劳动节",
  国际劳动节: "劳动节",
  五一: "劳动节",
  端午节: "端午节",
  端午: "端午节",
  中秋节: "中秋节",
  中秋: "中秋节",
  国庆节: "国庆节",
  国庆: "国庆节",
};

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ["日", "一", "二", "三", "四", "五", "六"];
const WEEKDAY_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Full-width forms notices use; pasted web pages often carry the ASCII ones. */
function normalize(line: string): string {
  return line
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/:/g, "：")
    .replace(/,/g, "，")
    .replace(/;/g, "；")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/[—–－~～]+/g, "至")
    .replace(/(?<=^\d{1,2})[.．](?=\D)/, "、")
    .replace(/(?<=\D)\./g, "。");
}

const ITEM = /^(?:[一二三四五六七八九十]+、|\d{1,2}[、．.]|（[一二三四五六七八九十]+）)?([^：]{1,24})：(.*)$/;
const NUMBERED = /^(?:[一二三四五六七八九十]+、|\d{1,2}[、．.]|（[一二三四五六七八九十]+）)/;
const DATE_LIKE = /\d{1,2}日/;
const KEYWORDS = /放假|上班|补休|公休|调休|节假日/;

/** The item's holiday names, or null when the label is not a list of known holidays. */
function holidayNames(label: string): string[] | null {
  const parts = label.split(/[、和与及]/).filter((p) => p !== "");
  const names = parts.map((p) => HOLIDAY_NAMES[p]);
  return parts.length > 0 && names.every((n) => n !== undefined) ? names : null;
}

/** A date mention inside a sentence. */
interface DateMention {
  day: number;
  iso: string;
  weekday: number | null;
}

interface Ctx {
  year: number;
  holiday: string;
  line: number;
  errors: ArrangementError[];
}

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(（[^）]*）)?/g;

/**
 * Replaces every date of a sentence with 'D' and returns the skeleton and the dates. A date without a
 * month takes the previous one's month and year; without a year, the previous explicit year when the
 * month does not go back, else the notice's year — or the year before for December in the 元旦 item.
 */
function readDates(sentence: string, ctx: Ctx): { skeleton: string; dates: DateMention[] } | null {
  const dates: DateMention[] = [];
  let prev: { y: number; m: number; explicitYear: boolean } | null = null;
  let failed = false;
  const skeleton = sentence.replace(DATE, (_all, ys: string, ms: string, ds: string, paren: string) => {
    let m = ms ? Number(ms) : prev?.m;
    const d = Number(ds);
    let y: number;
    if (m === undefined) {
      failed = true;
      return "D";
    }
    if (ys) y = Number(ys);
    else if (!ms && prev) y = prev.y;
    else if (prev?.explicitYear && m >= prev.m) y = prev.y;
    else if (m === 12 && ctx.holiday === "元旦") y = ctx.year - 1;
    else y = ctx.year;
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      ctx.errors.push(
        arrangementError(
          ctx.line,
          "notice_date_invalid",
          `日期无效：${y}年${m}月${d}日`,
          `invalid date: ${y}-${m}-${d}`,
        ),
      );
      failed = true;
      m = 1;
    }
    const day = daysFromCivil(y, m, d);
    const wd = paren ? /(?:星期|周)([日天一二三四五六])/.exec(paren) : null;
    dates.push({ day, iso: dayToIso(day), weekday: wd ? WEEKDAYS[wd[1]] : null });
    prev = { y, m, explicitYear: ys !== undefined || (prev?.explicitYear ?? false) };
    return "D";
  });
  if (failed) return null;
  for (const d of dates) {
    if (d.weekday !== null && d.weekday !== weekdayOf(d.day)) {
      ctx.errors.push(
        arrangementError(
          ctx.line,
          "notice_weekday_mismatch",
          `${d.iso} 标注为星期${WEEKDAY_ZH[d.weekday]}，实为星期${WEEKDAY_ZH[weekdayOf(d.day)]}`,
          `${d.iso} is said to be a ${WEEKDAY_EN[d.weekday]}, but it is a ${WEEKDAY_EN[weekdayOf(d.day)]}`,
        ),
      );
      return null;
    }
  }
  return { skeleton, dates };
}

const RANGE = /^D至D(?:放假|调休放假)(?:调休|公休)?$/;
const ONE = /^D放假(?:(\d+)天)?$/;
const MAKEUP_REST = /^D补休$/;
const COUNT = /^共(\d+)天$/;
const NO_OP = /^(?:不调休|与周末连休)$/;
const WORK = /^D(?:、D)*上班$/;
const INFO = /为法定节假日|照常公休|为公休日|公休日调至|调至/;

/**
 * Reads one sentence of an item, clause by clause (split at '，'), into rest ranges and working days;
 * any clause not understood makes the whole sentence an error with its line.
 */
function readSentence(
  sentence: string,
  ctx: Ctx,
  entries: ArrangementEntry[],
  info: { line: number; dates: DateMention[] }[],
): NoticeSource | null {
  const read = readDates(sentence, ctx);
  if (read === null) return null;
  const source: NoticeSource = { line: ctx.line, holiday: ctx.holiday, text: sentence, rest: [], work: [] };
  const mine: ArrangementEntry[] = [];
  const mineInfo: DateMention[] = [];
  let next = 0;
  let last: [DateMention, DateMention] | null = null;
  const rest = (from: DateMention, to: DateMention) => {
    mine.push({ line: ctx.line, kind: "rest", from: from.iso, to: to.iso, name: ctx.holiday });
    for (let d = from.day; d <= to.day; d++) source.rest.push(dayToIso(d));
    last = [from, to];
  };
  const count = (stated: string, from: DateMention, to: DateMention) => {
    if (Number(stated) === to.day - from.day + 1) return true;
    ctx.errors.push(
      arrangementError(
        ctx.line,
        "notice_count_mismatch",
        `${from.iso} 至 ${to.iso} 是 ${to.day - from.day + 1} 天，通知写“共${stated}天”`,
        `${from.iso} to ${to.iso} is ${to.day - from.day + 1} days, the notice says ${stated}`,
      ),
    );
    return false;
  };
  for (const raw of read.skeleton.split("，")) {
    const clause = raw.replace(/^(?:其中|即|将)[：]?/, "");
    const n = (clause.match(/D/g) ?? []).length;
    const d = read.dates.slice(next, next + n);
    next += n;
    const one = ONE.exec(clause);
    const stated = COUNT.exec(clause);
    if (clause === "" || NO_OP.test(clause)) continue;
    if (RANGE.test(clause)) rest(d[0], d[1]);
    else if (one) {
      rest(d[0], d[0]);
      if (one[1] !== undefined && !count(one[1], d[0], d[0])) return null;
    } else if (MAKEUP_REST.test(clause)) rest(d[0], d[0]);
    else if (stated && last !== null) {
      const [from, to]: [DateMention, DateMention] = last;
      if (!count(stated[1], from, to)) return null;
    } else if (WORK.test(clause)) {
      for (const w of d) {
        mine.push({ line: ctx.line, kind: "work", from: w.iso, to: w.iso, name: ctx.holiday });
        source.work.push(w.iso);
      }
    } else if (INFO.test(clause) && n > 0) mineInfo.push(...d);
    else {
      ctx.errors.push(
        arrangementError(
          ctx.line,
          "notice_sentence_unrecognized",
          `无法识别的句子：“${sentence}”（${ctx.holiday}）`,
          `sentence not understood: "${sentence}" (${ctx.holiday})`,
        ),
      );
      return null;
    }
  }
  entries.push(...mine);
  // 其中，1月1日为法定节假日…／…公休日调至…: explains the days arranged; its dates are checked later.
  if (mineInfo.length > 0) info.push({ line: ctx.line, dates: mineInfo });
  return source;
}

/** Items of the notice: each with its holiday, and its sentences with their line numbers. */
function splitItems(lines: string[]): {
  items: { line: number; holiday: string; sentences: { line: number; text: string }[] }[];
  ignored: { line: number; text: string }[];
  errors: ArrangementError[];
} {
  const items: { line: number; holiday: string; sentences: { line: number; text: string }[] }[] = [];
  const ignored: { line: number; text: string }[] = [];
  const errors: ArrangementError[] = [];
  let open: (typeof items)[number] | null = null;
  let pending = "";
  let pendingLine = 0;
  const flush = () => {
    if (open && pending !== "") open.sentences.push({ line: pendingLine, text: pending });
    pending = "";
  };
  const addText = (text: string, line: number) => {
    for (const part of text.split(/(?<=[。；])/)) {
      if (part === "") continue;
      if (pending === "") pendingLine = line;
      pending += part;
      if (/[。；]$/.test(part)) {
        pending = pending.replace(/[。；]$/, "");
        flush();
      }
    }
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = normalize(raw);
    if (s === "") return;
    const item = ITEM.exec(s);
    const names = item ? holidayNames(item[1].replace(NUMBERED, "")) : null;
    if (item && names) {
      flush();
      open = { line, holiday: names.join("、"), sentences: [] };
      items.push(open);
      addText(item[2], line);
      return;
    }
    if (item && NUMBERED.test(s) && DATE_LIKE.test(item[2])) {
      flush();
      open = null;
      errors.push(
        arrangementError(
          line,
          "notice_holiday_unknown",
          `未知的节日：“${item[1].replace(NUMBERED, "")}”`,
          `unknown holiday: "${item[1].replace(NUMBERED, "")}"`,
        ),
      );
      return;
    }
    if (open && (pending !== "" || (DATE_LIKE.test(s) && KEYWORDS.test(s)))) {
      addText(s, line);
      return;
    }
    flush();
    open = null;
    ignored.push({ line, text: raw.trim() });
  });
  flush();
  return { items, ignored, errors };
}

/** Reads the year, title and 文号 from the notice's heading lines. */
function readHeader(lines: string[]): ArrangementHeader {
  const header: ArrangementHeader = { urls: [], yearLine: 1 };
  lines.forEach((raw, i) => {
    const s = normalize(raw);
    const title = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(s);
    if (title && header.year === undefined) {
      header.year = Number(title[1]);
      header.title = title[0];
      header.yearLine = i + 1;
    }
    const doc = /国办发明电[〔［[](\d{4})[〕］\]](\d+)号/.exec(s);
    if (doc && header.docNo === undefined) header.docNo = `国办发明电〔${doc[1]}〕${doc[2]}号`;
    if (/^https?:\/\//.test(raw.trim())) header.urls.push(raw.trim());
  });
  if (header.year === undefined) {
    const i = lines.findIndex((l) => /现将(\d{4})年/.test(normalize(l)));
    if (i >= 0) {
      header.year = Number(/现将(\d{4})年/.exec(normalize(lines[i]))?.[1]);
      header.yearLine = i + 1;
    }
  }
  return header;
}

/**
 * An item for two holidays (六、中秋节、国庆节：10月1日至8日…) names each day by its own holiday, as the
 * shipped data does: the day of 中秋 (八月十五, lunar.ts) is 中秋节, the other days and the working days
 * 国庆节. The days themselves do not change.
 */
function nameCombinedDays(a: YearArrangement): void {
  const combined = (name: string) => name.includes("中秋节") && name.includes("国庆节");
  const midAutumn = isoToDay(chineseFestivals(a.year).midAutumn);
  const rest: RestRange[] = [];
  for (const r of a.rest) {
    if (!combined(r.name)) {
      rest.push(r);
      continue;
    }
    for (let d = isoToDay(r.from); d <= isoToDay(r.to); d++) {
      const name = d === midAutumn ? "中秋节" : "国庆节";
      const last = rest.at(-1);
      if (last && last.name === name && isoToDay(last.to) + 1 === d) last.to = dayToIso(d);
      else rest.push({ from: dayToIso(d), to: dayToIso(d), name });
    }
  }
  a.rest = rest;
  for (const w of a.work) if (combined(w.name)) w.name = "国庆节";
}

/** Whether pasted text is the published notice rather than the line format (docs/calendar.md). */
export function looksLikeNotice(text: string): boolean {
  const lines = text.split(/\r?\n/).map(normalize);
  if (lines.some((l) => /^\d{4}-\d{2}-\d{2}/.test(l) || /^(year|年度)：/i.test(l))) return false;
  return lines.some((l) => {
    const m = ITEM.exec(l);
    return (
      (m !== null && holidayNames(m[1].replace(NUMBERED, "")) !== null) || /部分节假日安排的通知/.test(l)
    );
  });
}

/**
 * Reads the State Council notice text as published (国务院办公厅关于××年部分节假日安排的通知) into a year's
 * arrangement, validated like the line format; every error names its line.
 */
export function parseNotice(text: string): NoticeResult {
  const lines = text.split(/\r?\n/);
  const header = readHeader(lines);
  const { items, ignored, errors } = splitItems(lines);
  const year = typeof header.year === "number" ? header.year : Number.NaN;
  if (header.year === undefined) {
    errors.push(
      arrangementError(
        1,
        "notice_year_missing",
        "未找到年度：请连同标题“国务院办公厅关于××年部分节假日安排的通知”一起粘贴",
        "year not found: paste the notice with its title (国务院办公厅关于××年部分节假日安排的通知)",
      ),
    );
  }
  if (items.length === 0) {
    errors.push(
      arrangementError(
        1,
        "notice_no_items",
        "未找到放假安排条目（如“一、元旦：1月1日放假……”）",
        "no holiday items found (such as 一、元旦：1月1日放假……)",
      ),
    );
  }
  const entries: ArrangementEntry[] = [];
  const sources: NoticeSource[] = [];
  const info: { line: number; dates: DateMention[] }[] = [];
  if (Number.isInteger(year)) {
    for (const item of items) {
      for (const s of item.sentences) {
        const ctx: Ctx = { year, holiday: item.holiday, line: s.line, errors };
        const source = readSentence(s.text, ctx, entries, info);
        if (source) sources.push(source);
      }
    }
  }
  // An explanatory sentence may only mention days the items arrange, or weekends.
  const arranged = new Set(sources.flatMap((s) => [...s.rest, ...s.work]));
  for (const i of info) {
    for (const d of i.dates) {
      if (!arranged.has(d.iso) && !isWeekend(d.day)) {
        errors.push(
          arrangementError(
            i.line,
            "notice_date_unarranged",
            `${d.iso} 在说明中出现，但没有放假或上班安排`,
            `${d.iso} is mentioned but neither a rest day nor a working day is arranged for it`,
          ),
        );
      }
    }
  }
  const result = buildArrangement(header, entries, errors);
  if (result.ok) nameCombinedDays(result.arrangement);
  return { ...result, sources, ignored };
}
