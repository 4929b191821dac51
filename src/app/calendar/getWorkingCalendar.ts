/**
 * The working calendar of an organization, as the rest of the application uses it: seed + imported
 * official years + the local overrides of the organization and of every organization above it
 * (a county closure applies to its sections). Built once per organization and cached (ADR 0007):
 *
 * - a change made by this process (override added or removed, year imported) drops every cache of
 *   the process as soon as it commits ({@link calendarChanged}), so one server is exact;
 * - a change made by another server is noticed through `calendar_version` in `meta`, re-read at most
 *   every {@link CALENDAR_RECHECK_MS} (one primary-key read), so several servers agree within that bound.
 */
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { queryRows } from "../../db/client";
import { createWorkingCalendar, type LocalOverride, type WorkingCalendar } from "../../domain/calendar";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { findOrganizations, type OrgRef } from "../organizations/orgCache";
import { type KnownYear, loadKnownYears, readCalendarVersion } from "./arrangements";

/** An organization as the calendar needs it. */
export type CalendarOrg = OrgRef;

/** How long a server trusts its cached calendars before re-reading `calendar_version` (other servers' changes). */
export const CALENDAR_RECHECK_MS = 1_000;

type Cache = {
  version: number;
  /** The process generation the cache was built in (see {@link calendarChanged}). */
  generation: number;
  /** When `version` was last read (the context's clock, ms). */
  checkedAt: number;
  years: KnownYear[];
  byOrg: Map<string, WorkingCalendar>;
};
const caches = new WeakMap<Database, Cache>();
let generation = 0;

/**
 * Drops every cached calendar of this process. Call it right after a transaction that bumped
 * `calendar_version` commits: the next request of this server builds its calendars afresh.
 */
export function calendarChanged(): void {
  generation++;
}

/** Finds an organization by id or by code (cached, ADR 0007); 404 when there is none. */
export async function resolveOrg(
  ctx: AppContext,
  idOrCode: string,
  ex: Executor = ctx.database.db,
): Promise<CalendarOrg> {
  const org = (await findOrganizations(ctx, [idOrCode], ex)).get(idOrCode);
  if (!org) throw notFound({ "zh-CN": `机构 ${idOrCode} `, "en-US": `Organization ${idOrCode}` });
  return org;
}

/** The overrides that apply to an organization: its own and its ancestors', nearest last (it wins). */
export async function overridesFor(ex: Executor, orgPath: string): Promise<LocalOverride[]> {
  const rows = await queryRows<{ date: string | Date; kind: "closed" | "open"; reason: string }>(
    ex,
    sql`SELECT to_char(c.date, 'YYYY-MM-DD') AS date, c.kind, c.reason
        FROM calendar_overrides c JOIN organizations o ON o.id = c.org_id
        WHERE left(${orgPath}, length(o.path)) = o.path
        ORDER BY length(o.path), c.date`,
  );
  return rows.map((r) => ({ date: String(r.date), kind: r.kind, reason: r.reason }));
}

/**
 * The cache of this database: kept while this process changed nothing and, within
 * {@link CALENDAR_RECHECK_MS}, without a read; after that while `calendar_version` is unchanged.
 */
async function currentCache(ctx: AppContext, ex: Executor): Promise<Cache> {
  const now = ctx.clock.now().getTime();
  const cached = caches.get(ctx.database);
  const current = cached?.generation === generation ? cached : undefined;
  // The clock may be moved backwards (tests): any distance counts as time passed.
  if (current && Math.abs(now - current.checkedAt) < CALENDAR_RECHECK_MS) return current;
  const gen = generation;
  const version = await readCalendarVersion(ex);
  if (current && current.version === version) {
    current.checkedAt = now;
    return current;
  }
  const fresh: Cache = {
    version,
    generation: gen,
    checkedAt: now,
    years: await loadKnownYears(ex),
    byOrg: new Map(),
  };
  caches.set(ctx.database, fresh);
  return fresh;
}

/** Every known official year (seed and imported), from the cache. */
export async function knownYears(ctx: AppContext): Promise<KnownYear[]> {
  return (await currentCache(ctx, ctx.database.db)).years;
}

/**
 * The working calendar for `org` (an organization id or code), or the national calendar without local
 * overrides when `org` is null. Serves 行政许可法 Art. 82 (time limits in working days). Reads, when
 * it must, through `ex`: the shared connection by default, or the caller's transaction (on PGlite a
 * transaction must never wait for the shared connection).
 */
export async function getWorkingCalendar(
  ctx: AppContext,
  org: string | null,
  ex: Executor = ctx.database.db,
): Promise<WorkingCalendar> {
  const cache = await currentCache(ctx, ex);
  const resolved = org === null ? null : await resolveOrg(ctx, org, ex);
  const key = resolved?.id ?? "";
  const hit = cache.byOrg.get(key);
  if (hit) return hit;
  const overrides = resolved ? await overridesFor(ex, resolved.path) : [];
  // Without local overrides an organization shares the national calendar (one index in memory).
  const cal =
    overrides.length === 0 && key !== ""
      ? await getWorkingCalendar(ctx, null, ex)
      : createWorkingCalendar(
          cache.years.map((y) => y.arrangement),
          overrides,
        );
  cache.byOrg.set(key, cal);
  return cal;
}
