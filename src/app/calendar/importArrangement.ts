/**
 * Importing a new year's holiday arrangement (国务院办公厅关于××年部分节假日安排的通知): preview
 * (parse, validate, diff against what is known for that year), then save in one transaction.
 */
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { type ArrangementDay, calendarArrangements } from "../../db/schema";
import {
  type ArrangementError,
  type ArrangementResult,
  createWorkingCalendar,
  looksLikeNotice,
  type NoticeSource,
  parseArrangement,
  parseArrangementJson,
  parseNotice,
  type YearArrangement,
} from "../../domain/calendar";
import { type FieldProblem, invalid, YizhanError } from "../../domain/errors";
import type { ZArrangementInput } from "../../shared/api/requests/calendar";
import type { Actor } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { type ArrangementSource, arrangementDays, bumpCalendarVersion, loadKnownYears } from "./arrangements";
import { calendarChanged, knownYears } from "./getWorkingCalendar";

export type TArrangementInput = z.infer<typeof ZArrangementInput>;

/** A day changed between the known arrangement and the imported one. */
export type DayChange = { date: string; before: ArrangementDay; after: ArrangementDay };

/** Which form the input was read as: the published notice text, the line format, or JSON. */
export type ArrangementFormat = "notice" | "lines" | "json";

/** What a preview shows before anything is saved. */
export type ArrangementPreview = {
  ok: boolean;
  format: ArrangementFormat;
  /** For a notice: each sentence read and the dates it gave (for confirmation). */
  sources: NoticeSource[];
  /** For a notice: lines outside the numbered items (preamble, closing, signature), not read as dates. */
  ignored: { line: number; text: string }[];
  errors: ArrangementError[];
  year: number | null;
  title: string | null;
  docNo: string | null;
  days: ArrangementDay[];
  existing: { source: ArrangementSource; importedAt: string | null } | null;
  /** True when the year is already official: saving needs `replace: true`. */
  requiresReplace: boolean;
  diff: { added: ArrangementDay[]; removed: ArrangementDay[]; changed: DayChange[] };
};

type Parsed = ArrangementResult & {
  yearLine: number;
  format: ArrangementFormat;
  sources: NoticeSource[];
  ignored: { line: number; text: string }[];
};

/**
 * Parses any form; text wins when both are given. Text is the State Council notice as published
 * (国务院办公厅关于××年部分节假日安排的通知) when it reads like one, else the line format.
 */
function parseInput(input: { text?: string; json?: unknown }): Parsed {
  if (input.text !== undefined) {
    const lines = input.text.split(/\r?\n/);
    if (looksLikeNotice(input.text)) {
      const r = parseNotice(input.text);
      const idx = lines.findIndex((l) => /\d{4}年/.test(l) && /(部分节假日安排|现将)/.test(l));
      return { ...r, yearLine: idx < 0 ? 1 : idx + 1, format: "notice" };
    }
    const idx = lines.findIndex((l) => /^\s*(year|年度)\s*[:：]/i.test(l));
    return {
      ...parseArrangement(input.text),
      yearLine: idx < 0 ? 1 : idx + 1,
      format: "lines",
      sources: [],
      ignored: [],
    };
  }
  if (input.json !== undefined) {
    return { ...parseArrangementJson(input.json), yearLine: 0, format: "json", sources: [], ignored: [] };
  }
  throw invalid("text", "required", {
    "zh-CN": "请提供节假日安排（text 文本或 json）",
    "en-US": "Provide the arrangement (text or json)",
  });
}

/** Years must stay consecutive: an import may extend the known range by one year at either end. */
function consecutiveError(year: number, years: readonly number[], line: number): ArrangementError | null {
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (year >= first - 1 && year <= last + 1) return null;
  return {
    line,
    code: "year_not_consecutive",
    path: "year",
    zh: `年度须与已有安排连续（已有 ${first}–${last} 年，只能导入 ${first - 1}–${last + 1} 年）`,
    en: `years must be consecutive (known ${first}–${last}; only ${first - 1}–${last + 1} can be imported)`,
  };
}

/** Differences between the known days of a year and the imported ones. */
function diffDays(
  before: readonly ArrangementDay[],
  after: readonly ArrangementDay[],
): ArrangementPreview["diff"] {
  const old = new Map(before.map((d) => [d.date, d]));
  const neu = new Map(after.map((d) => [d.date, d]));
  const added = after.filter((d) => !old.has(d.date));
  const removed = before.filter((d) => !neu.has(d.date));
  const changed: DayChange[] = [];
  for (const d of after) {
    const b = old.get(d.date);
    if (b && (b.kind !== d.kind || b.name !== d.name)) changed.push({ date: d.date, before: b, after: d });
  }
  return { added, removed, changed };
}

/** Parses and validates an arrangement and compares it with what is known for its year (nothing is saved). */
export async function previewArrangement(
  ctx: AppContext,
  input: { text?: string; json?: unknown },
): Promise<ArrangementPreview> {
  const parsed = parseInput(input);
  const known = await knownYears(ctx);
  const empty = { added: [], removed: [], changed: [] };
  const read = { format: parsed.format, sources: parsed.sources, ignored: parsed.ignored };
  if (!parsed.ok) {
    return {
      ok: false,
      ...read,
      errors: parsed.errors,
      year: null,
      title: null,
      docNo: null,
      days: [],
      existing: null,
      requiresReplace: false,
      diff: empty,
    };
  }
  const a = parsed.arrangement;
  const days = arrangementDays(a);
  const existing = known.find((k) => k.arrangement.year === a.year) ?? null;
  const gap = consecutiveError(
    a.year,
    known.map((k) => k.arrangement.year),
    parsed.yearLine,
  );
  return {
    ok: gap === null,
    ...read,
    errors: gap ? [gap] : [],
    year: a.year,
    title: a.title,
    docNo: a.docNo,
    days,
    existing: existing && { source: existing.source, importedAt: existing.importedAt?.toISOString() ?? null },
    requiresReplace: existing !== null,
    diff: existing ? diffDays(arrangementDays(existing.arrangement), days) : { ...empty, added: days },
  };
}

/** The 422 problem for invalid arrangement input: every error, each naming its line (text) or path (JSON). */
export function arrangementProblem(errors: readonly ArrangementError[]): YizhanError {
  const problems: FieldProblem[] = errors.map((e) => ({
    field: e.line > 0 ? `text:${e.line}` : `json.${e.path ?? "value"}`,
    code: e.code,
    message: {
      "zh-CN": e.line > 0 ? `第 ${e.line} 行：${e.zh}` : `${e.path ?? "JSON"}：${e.zh}`,
      "en-US": e.line > 0 ? `line ${e.line}: ${e.en}` : `${e.path ?? "JSON"}: ${e.en}`,
    },
  }));
  const list = (lang: "zh-CN" | "en-US", sep: string) => problems.map((p) => p.message[lang]).join(sep);
  return new YizhanError(
    "validation_failed",
    422,
    {
      "zh-CN": `节假日安排有误：${list("zh-CN", "；")}`,
      "en-US": `Invalid arrangement: ${list("en-US", "; ")}`,
    },
    { errors: problems, details: { lines: errors } },
  );
}

/** The result of an import. */
export type ImportResult = { year: number; days: number; replaced: boolean; title: string };

/**
 * Saves a validated year in one transaction: refuses a year that is already official unless `replace`,
 * keeps the years consecutive, and bumps the calendar version. `importedBy` is null from the CLI.
 */
export async function saveArrangement(
  ex: Executor,
  importedBy: string | null,
  input: TArrangementInput,
  now: Date,
): Promise<ImportResult> {
  const parsed = parseInput(input);
  if (!parsed.ok) throw arrangementProblem(parsed.errors);
  const a: YearArrangement = parsed.arrangement;
  const result = await ex.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7363002)`);
    const known = await loadKnownYears(tx);
    const gap = consecutiveError(
      a.year,
      known.map((k) => k.arrangement.year),
      parsed.yearLine,
    );
    if (gap) throw arrangementProblem([gap]);
    const existing = known.find((k) => k.arrangement.year === a.year);
    if (existing && !input.replace) {
      throw new YizhanError(
        "calendar_year_exists",
        409,
        {
          "zh-CN": `${a.year} 年已有正式安排（${existing.source === "seed" ? "随系统发布" : "已导入"}），如需替换请勾选“替换”（replace）`,
          "en-US": `${a.year} already has an official arrangement (${existing.source === "seed" ? "shipped" : "imported"}); set replace to overwrite it`,
        },
        { field: "replace", details: { year: a.year, source: existing.source } },
      );
    }
    // The calendar must still build with the new year in place (contiguous, within range).
    createWorkingCalendar([
      ...known.filter((k) => k.arrangement.year !== a.year).map((k) => k.arrangement),
      a,
    ]);
    const row = {
      year: a.year,
      days: arrangementDays(a),
      title: a.title,
      docNo: a.docNo,
      urls: a.urls,
      source: input.text ?? JSON.stringify(input.json),
      importedBy,
      importedAt: now,
    };
    await tx
      .insert(calendarArrangements)
      .values(row)
      .onConflictDoUpdate({ target: calendarArrangements.year, set: row });
    await bumpCalendarVersion(tx);
    return { year: a.year, days: row.days.length, replaced: existing !== undefined, title: a.title };
  });
  calendarChanged();
  return result;
}

/** Imports a year's arrangement as an administrator (国务院节假日安排通知), in one transaction. */
export async function importArrangement(
  ctx: AppContext,
  actor: Actor,
  input: TArrangementInput,
): Promise<ImportResult> {
  authorize(actor, "importArrangement", "calendar", null);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const result = await saveArrangement(tx, actor.userId, input, now);
    await recordAdminAudit(tx, actor, now, {
      action: "calendar.arrangement_imported",
      targetType: "calendar",
      targetId: String(result.year),
      targetLabel: result.title,
      detail: { year: result.year, days: result.days, replaced: result.replaced },
    });
    return result;
  });
}
