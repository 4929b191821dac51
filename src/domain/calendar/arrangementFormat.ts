/**
 * Import format for a year's holiday arrangement (国务院办公厅关于××年部分节假日安排的通知).
 * See docs/calendar.md. One line per item, '#' starts a comment:
 *
 *   year: 2027                       (年度, required; also title:/标题:, docNo:/文号:, url:/来源:)
 *   2027-01-01~2027-01-03 休 元旦      (rest days, both ends inclusive; '休' or 'rest')
 *   2027-01-04 班 元旦                 (a weekend day that becomes a working day; '班' or 'work')
 *
 * The JSON equivalent is a YearArrangement ({ year, title, docNo, urls, rest: [{from,to,name}],
 * work: [{date,name}] }). Both go through the same validation; errors carry line numbers and a
 * Chinese and an English message.
 */
import { dayToIso, isWeekend, tryIsoToDay, yearOfIso } from "./isoDate.ts";
import type { MakeupWorkday, RestRange, YearArrangement } from "./types.ts";

/** One validation error; `line` is 1-based (0 for JSON input), `path` names the JSON field. */
export interface ArrangementError {
  line: number;
  code: string;
  zh: string;
  en: string;
  path?: string;
}

/** Either the parsed year or every error found. */
export type ArrangementResult =
  | { ok: true; arrangement: YearArrangement }
  | { ok: false; errors: ArrangementError[] };

/** Longest accepted rest span; the longest official one so far is 10 days (2020 Spring Festival). */
export const MAX_RANGE_DAYS = 14;

/** One rest range or working day read from the input, before validation. */
export interface ArrangementEntry {
  line: number;
  path?: string;
  kind: "rest" | "work";
  from: string;
  to: string;
  name: string;
}

/** The year and the document fields read from the input. */
export interface ArrangementHeader {
  year?: unknown;
  title?: unknown;
  docNo?: unknown;
  urls: string[];
  /** Line of the year field (1 when absent in text; 0 for JSON). */
  yearLine: number;
}

const HEADER_KEYS: Record<string, "year" | "title" | "docNo" | "url"> = {
  year: "year",
  年度: "year",
  title: "title",
  标题: "title",
  docno: "docNo",
  文号: "docNo",
  url: "url",
  来源: "url",
};

/** An arrangement error (line 0 and a path for JSON input). */
export function arrangementError(
  line: number,
  code: string,
  zh: string,
  en: string,
  path?: string,
): ArrangementError {
  return path === undefined ? { line, code, zh, en } : { line, code, zh, en, path };
}

/**
 * Validates entries against the year and builds the arrangement (shared by the line format, JSON and
 * the published notice text): real dates, ranges, the year, 班 only on weekends, no date twice.
 */
export function buildArrangement(
  header: ArrangementHeader,
  entries: ArrangementEntry[],
  errors: ArrangementError[],
): ArrangementResult {
  const year = typeof header.year === "number" ? header.year : Number(header.year);
  if (header.year === undefined) {
    errors.push(
      arrangementError(
        header.yearLine,
        "year_missing",
        "缺少年度（year: YYYY）",
        "missing the year (year: YYYY)",
        "year",
      ),
    );
  } else if (!Number.isInteger(year) || year < 2001 || year > 2100) {
    errors.push(
      arrangementError(
        header.yearLine,
        "year_invalid",
        `年度无效：${String(header.year)}`,
        `invalid year: ${String(header.year)}`,
        "year",
      ),
    );
  }
  const seen = new Map<number, number>();
  const rest: RestRange[] = [];
  const work: MakeupWorkday[] = [];
  for (const e of entries) {
    const from = tryIsoToDay(e.from);
    const to = tryIsoToDay(e.to);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      const bad = Number.isNaN(from) ? e.from : e.to;
      errors.push(
        arrangementError(e.line, "date_invalid", `日期无效：${bad}`, `invalid date: ${bad}`, e.path),
      );
      continue;
    }
    if (to < from) {
      errors.push(
        arrangementError(
          e.line,
          "range_reversed",
          `起始日期晚于结束日期：${e.from}~${e.to}`,
          `range ends before it starts: ${e.from}~${e.to}`,
          e.path,
        ),
      );
      continue;
    }
    if (to - from + 1 > MAX_RANGE_DAYS) {
      errors.push(
        arrangementError(
          e.line,
          "range_too_long",
          `区间超过${MAX_RANGE_DAYS}天：${e.from}~${e.to}`,
          `range longer than ${MAX_RANGE_DAYS} days: ${e.from}~${e.to}`,
          e.path,
        ),
      );
      continue;
    }
    if (e.name.trim() === "") {
      errors.push(
        arrangementError(e.line, "name_missing", "缺少节日名称", "missing the holiday name", e.path),
      );
    }
    for (let d = from; d <= to; d++) {
      const iso = dayToIso(d);
      const y = yearOfIso(iso);
      if (Number.isInteger(year) && !(y === year || (y === year - 1 && iso.slice(5, 7) === "12"))) {
        errors.push(
          arrangementError(
            e.line,
            "date_outside_year",
            `${iso} 不属于${year}年度（仅允许上一年12月）`,
            `${iso} is outside ${year} (only December of the previous year is allowed)`,
            e.path,
          ),
        );
        break;
      }
      if (e.kind === "work" && !isWeekend(d)) {
        errors.push(
          arrangementError(
            e.line,
            "work_not_weekend",
            `${iso} 不是周末，无需调休上班`,
            `${iso} is not a Saturday or Sunday; only a weekend day can become a working day`,
            e.path,
          ),
        );
      }
      const prev = seen.get(d);
      if (prev !== undefined) {
        errors.push(
          arrangementError(
            e.line,
            "date_duplicate",
            `${iso} 重复（已见于第${prev}行）`,
            `${iso} appears twice (first on line ${prev})`,
            e.path,
          ),
        );
      } else seen.set(d, e.line);
    }
    if (e.kind === "rest") rest.push({ from: e.from, to: e.to, name: e.name.trim() });
    else for (let d = from; d <= to; d++) work.push({ date: dayToIso(d), name: e.name.trim() });
  }
  if (!entries.some((e) => e.kind === "rest")) {
    errors.push(
      arrangementError(header.yearLine, "no_rest_days", "没有放假（休）日期", "no rest days (休) listed"),
    );
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  rest.sort((a, b) => (a.from < b.from ? -1 : 1));
  work.sort((a, b) => (a.date < b.date ? -1 : 1));
  const title =
    typeof header.title === "string" && header.title !== ""
      ? header.title
      : `国务院办公厅关于${year}年部分节假日安排的通知`;
  const docNo = typeof header.docNo === "string" && header.docNo !== "" ? header.docNo : null;
  return { ok: true, arrangement: { year, title, docNo, urls: header.urls, rest, work } };
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～]\s*(\d{4}-\d{2}-\d{2}))?\s+(休|班|rest|work)(?:\s+(.*))?$/i;

/** Parses and validates the text import format of one year's arrangement (国务院节假日安排通知). */
export function parseArrangement(text: string): ArrangementResult {
  const errors: ArrangementError[] = [];
  const header: ArrangementHeader = { urls: [], yearLine: 1 };
  const entries: ArrangementEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.replace(/#.*$/, "").trim();
    if (s === "") return;
    const kv = /^([A-Za-z\u4e00-\u9fff]+)\s*[:：]\s*(.*)$/.exec(s);
    if (kv !== null) {
      const key = HEADER_KEYS[kv[1].toLowerCase()];
      if (key === undefined) {
        errors.push(
          arrangementError(line, "header_unknown", `未知字段：${kv[1]}`, `unknown field: ${kv[1]}`),
        );
      } else if (key === "url") header.urls.push(kv[2].trim());
      else if (key === "year") {
        const v = kv[2].trim();
        header.year = /^\d{4}$/.test(v) ? Number(v) : v;
        header.yearLine = line;
      } else header[key] = kv[2].trim();
      return;
    }
    const m = LINE.exec(s);
    if (m === null) {
      errors.push(
        arrangementError(
          line,
          "line_invalid",
          `无法识别的行：${s}（应为 YYYY-MM-DD[~YYYY-MM-DD] 休|班 名称，或粘贴国务院通知原文）`,
          `unrecognized line: ${s} (expected YYYY-MM-DD[~YYYY-MM-DD] 休|班 name, or paste the State Council notice as published)`,
        ),
      );
      return;
    }
    const kind = m[3] === "休" || m[3].toLowerCase() === "rest" ? "rest" : "work";
    entries.push({ line, kind, from: m[1], to: m[2] ?? m[1], name: m[4] ?? "" });
  });
  return buildArrangement(header, entries, errors);
}

/** Validates the JSON form of one year's arrangement (same rules as the text form). */
export function parseArrangementJson(value: unknown): ArrangementResult {
  const errors: ArrangementError[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      errors: [arrangementError(0, "json_invalid", "应为 JSON 对象", "expected a JSON object")],
    };
  }
  const v = value as Record<string, unknown>;
  const urls = Array.isArray(v.urls) ? v.urls.filter((u): u is string => typeof u === "string") : [];
  const header: ArrangementHeader = { year: v.year, title: v.title, docNo: v.docNo, urls, yearLine: 0 };
  const entries: ArrangementEntry[] = [];
  const list = (key: "rest" | "work"): unknown[] => {
    if (v[key] === undefined) return [];
    if (Array.isArray(v[key])) return v[key];
    errors.push(arrangementError(0, "json_invalid", `${key} 应为数组`, `${key} must be an array`, key));
    return [];
  };
  list("rest").forEach((r, i) => {
    const o = (r ?? {}) as Record<string, unknown>;
    entries.push({
      line: 0,
      path: `rest[${i}]`,
      kind: "rest",
      from: String(o.from),
      to: String(o.to ?? o.from),
      name: String(o.name ?? ""),
    });
  });
  list("work").forEach((w, i) => {
    const o = (w ?? {}) as Record<string, unknown>;
    entries.push({
      line: 0,
      path: `work[${i}]`,
      kind: "work",
      from: String(o.date),
      to: String(o.date),
      name: String(o.name ?? ""),
    });
  });
  return buildArrangement(header, entries, errors);
}

/** Writes an arrangement in the text import format (the inverse of parseArrangement). */
export function formatArrangement(a: YearArrangement): string {
  const lines = [`year: ${a.year}`, `title: ${a.title}`];
  if (a.docNo !== null) lines.push(`docNo: ${a.docNo}`);
  for (const u of a.urls) lines.push(`url: ${u}`);
  const items = [
    ...a.rest.map((r) => ({
      key: r.from,
      text: `${r.from === r.to ? r.from : `${r.from}~${r.to}`} 休 ${r.name}`,
    })),
    ...a.work.map((w) => ({ key: w.date, text: `${w.date} 班 ${w.name}` })),
  ].sort((x, y) => (x.key < y.key ? -1 : 1));
  for (const it of items) lines.push(it.text);
  return `${lines.join("\n")}\n`;
}
