/**
 * The one way an instant is shown to people: in the office's time zone (Asia/Shanghai), whatever the
 * zone of the server or the browser. Web pages (web/src/features/cases/labels.ts re-exports these),
 * server messages and documents use it; instants on the wire stay ISO 8601 in UTC.
 */

/** The office's time zone: times are shown as the bureau keeps them. */
export const OFFICE_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) out[p.type] = p.value;
  return out;
}

const toDate = (at: string | Date): Date => (typeof at === "string" ? new Date(at) : at);

/**
 * An instant in the office's local time, minutes precision: `2026-11-26 09:30`. "—" for none; an
 * unreadable string comes back as it is.
 */
export function formatDateTime(at: string | Date | null | undefined, timeZone = OFFICE_TIME_ZONE): string {
  if (!at) return "—";
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The office's calendar date of an instant: `2026-11-26` ("—" for none). */
export function formatDate(at: string | Date | null | undefined, timeZone = OFFICE_TIME_ZONE): string {
  if (!at) return "—";
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * Asia/Shanghai's distance from UTC: eight hours, with no summer time (none since 1991), so a fixed shift
 * is exact. Charts that can only draw in UTC or the browser's zone (ECharts' time axis) draw
 * `officeClock(t)` with `useUTC: true`: their ticks fall on the office's midnights and hours, and their
 * labels read the office's time whatever the browser's zone.
 */
export const OFFICE_UTC_OFFSET_MS = 8 * 3_600_000;

/** An instant (ms) as the office's wall-clock time read in UTC (for a chart in `useUTC` mode). */
export function officeClock(ms: number): number {
  return ms + OFFICE_UTC_OFFSET_MS;
}

/** The instant of the office's midnight starting a calendar date `2026-11-26`. */
export function officeDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}
