/**
 * The working calendar of an organization, as the rest of the application uses it: seed + imported
 * official years + the local overrides of the organization and of every organization above it
 * (a county closure applies to its sections). Built once per organization and cached; the cache is
 * dropped whenever `calendar_version` in `meta` changes, so several app servers stay consistent.
 */
import { eq, or, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { queryRows } from "../../db/client";
import { organizations } from "../../db/schema";
import { createWorkingCalendar, type LocalOverride, type WorkingCalendar } from "../../domain/calendar";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { type KnownYear, loadKnownYears, readCalendarVersion } from "./arrangements";

/** An organization as the calendar needs it. */
export type CalendarOrg = { id: string; code: string; name: string; path: string };

type Cache = { version: number; years: KnownYear[]; byOrg: Map<string, WorkingCalendar> };
const caches = new WeakMap<Database, Cache>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an organization by id or by code; 404 when there is none. */
export async function resolveOrg(ex: Executor, idOrCode: string): Promise<CalendarOrg> {
  const cond = UUID.test(idOrCode)
    ? or(eq(organizations.id, idOrCode), eq(organizations.code, idOrCode))
    : eq(organizations.code, idOrCode);
  const [org] = await ex
    .select({
      id: organizations.id,
      code: organizations.code,
      name: organizations.name,
      path: organizations.path,
    })
    .from(organizations)
    .where(cond);
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

/** The cache of this database, refreshed when the calendar version moved (one primary-key read). */
async function currentCache(ctx: AppContext): Promise<Cache> {
  const version = await readCalendarVersion(ctx.database.db);
  const cached = caches.get(ctx.database);
  if (cached && cached.version === version) return cached;
  const fresh: Cache = { version, years: await loadKnownYears(ctx.database.db), byOrg: new Map() };
  caches.set(ctx.database, fresh);
  return fresh;
}

/** Every known official year (seed and imported), from the cache. */
export async function knownYears(ctx: AppContext): Promise<KnownYear[]> {
  return (await currentCache(ctx)).years;
}

/**
 * The working calendar for `org` (an organization id or code), or the national calendar without local
 * overrides when `org` is null. Serves 行政许可法 Art. 82 (time limits in working days).
 */
export async function getWorkingCalendar(ctx: AppContext, org: string | null): Promise<WorkingCalendar> {
  const cache = await currentCache(ctx);
  const resolved = org === null ? null : await resolveOrg(ctx.database.db, org);
  const key = resolved?.id ?? "";
  const hit = cache.byOrg.get(key);
  if (hit) return hit;
  const overrides = resolved ? await overridesFor(ctx.database.db, resolved.path) : [];
  // Without local overrides an organization shares the national calendar (one index in memory).
  const cal =
    overrides.length === 0 && key !== ""
      ? await getWorkingCalendar(ctx, null)
      : createWorkingCalendar(
          cache.years.map((y) => y.arrangement),
          overrides,
        );
  cache.byOrg.set(key, cal);
  return cal;
}
