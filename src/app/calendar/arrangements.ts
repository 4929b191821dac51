/**
 * Where the official arrangements come from: the shipped seed file (2007–2026) and the years imported
 * by administrators into `calendar_arrangements` (an imported year overrides or extends the seed).
 * Also the `calendar_version` counter that tells every app server when its cached calendars are stale.
 */
import { asc, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { queryRows } from "../../db/client";
import { type ArrangementDay, calendarArrangements } from "../../db/schema";
import { dayToIso, isoToDay, type YearArrangement } from "../../domain/calendar";
import { officialCalendarData } from "../../domain/calendar/officialData";

/** Key of the version counter in the `meta` table. */
export const CALENDAR_VERSION_KEY = "calendar_version";

/** Where a year's arrangement comes from. */
export type ArrangementSource = "seed" | "imported";

/** A year's arrangement with its origin. */
export type KnownYear = { arrangement: YearArrangement; source: ArrangementSource; importedAt: Date | null };

/** The days of an arrangement, one entry per date (rest ranges expanded), sorted by date. */
export function arrangementDays(a: YearArrangement): ArrangementDay[] {
  const out: ArrangementDay[] = [];
  for (const r of a.rest) {
    for (let d = isoToDay(r.from); d <= isoToDay(r.to); d++) {
      out.push({ date: dayToIso(d), kind: "rest", name: r.name });
    }
  }
  for (const w of a.work) out.push({ date: w.date, kind: "work", name: w.name });
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Rebuilds an arrangement from stored days: consecutive rest days of one holiday become one range. */
export function arrangementFromDays(
  head: { year: number; title: string; docNo: string | null; urls: string[] },
  days: readonly ArrangementDay[],
): YearArrangement {
  const rest: YearArrangement["rest"] = [];
  const work: YearArrangement["work"] = [];
  const sorted = [...days].sort((x, y) => (x.date < y.date ? -1 : 1));
  for (const d of sorted) {
    if (d.kind === "work") {
      work.push({ date: d.date, name: d.name });
      continue;
    }
    const last = rest.at(-1);
    if (last && last.name === d.name && isoToDay(last.to) + 1 === isoToDay(d.date)) last.to = d.date;
    else rest.push({ from: d.date, to: d.date, name: d.name });
  }
  return { year: head.year, title: head.title, docNo: head.docNo, urls: head.urls, rest, work };
}

/** Every known year, seed first, imported years replacing or extending it; sorted by year. */
export async function loadKnownYears(ex: Executor): Promise<KnownYear[]> {
  const byYear = new Map<number, KnownYear>();
  for (const a of officialCalendarData.years) {
    byYear.set(a.year, { arrangement: a, source: "seed", importedAt: null });
  }
  const rows = await ex.select().from(calendarArrangements).orderBy(asc(calendarArrangements.year));
  for (const r of rows) {
    byYear.set(r.year, {
      arrangement: arrangementFromDays(r, r.days),
      source: "imported",
      importedAt: r.importedAt,
    });
  }
  return [...byYear.values()].sort((a, b) => a.arrangement.year - b.arrangement.year);
}

/** The current calendar version (0 before anything was imported or overridden): one primary-key read. */
export async function readCalendarVersion(ex: Executor): Promise<number> {
  const rows = await queryRows<{ v: string | number | null }>(
    ex,
    sql`SELECT (value #>> '{}') AS v FROM meta WHERE key = ${CALENDAR_VERSION_KEY}`,
  );
  return rows.length === 0 ? 0 : Number(rows[0].v ?? 0);
}

/**
 * Increments the calendar version in the same transaction as the change, so every app server sees
 * its cached calendars go stale exactly when the change commits.
 */
export async function bumpCalendarVersion(ex: Executor): Promise<number> {
  const rows = await queryRows<{ v: string | number }>(
    ex,
    sql`INSERT INTO meta (key, value, updated_at) VALUES (${CALENDAR_VERSION_KEY}, '1'::jsonb, now())
        ON CONFLICT (key) DO UPDATE
          SET value = to_jsonb(COALESCE((meta.value #>> '{}')::bigint, 0) + 1), updated_at = now()
        RETURNING (value #>> '{}') AS v`,
  );
  return Number(rows[0].v);
}
