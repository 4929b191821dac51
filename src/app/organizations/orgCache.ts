/**
 * Organizations looked up by id or code on hot paths (the calendar of a case, the departments of its
 * review steps), cached per database for {@link ORG_TTL_MS}. Organizations are written by the seed and
 * by administrators (names and contacts only: app/organizations/manageOrganizations.ts), and an
 * organization never changes id; a name changed, or a code or path changed by a new seed, reaches
 * every server within the bound (ADR 0007). Unknown ids and codes are not cached.
 */
import { inArray, or } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { AppContext } from "../context";

/** An organization as the hot paths need it. */
export type OrgRef = { id: string; code: string; name: string; path: string };

/** How long a looked-up organization is kept (the context's clock, ms). */
export const ORG_TTL_MS = 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const caches = new WeakMap<Database, Map<string, { org: OrgRef; at: number }>>();

/**
 * The organizations named by `idsOrCodes` (each an id or a code), keyed as asked; absent ones are
 * missing from the map. Misses are read in one statement through `ex` (the shared connection by
 * default; inside a transaction pass it).
 */
export async function findOrganizations(
  ctx: AppContext,
  idsOrCodes: readonly string[],
  ex: Executor = ctx.database.db,
): Promise<Map<string, OrgRef>> {
  const now = ctx.clock.now().getTime();
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.database, cache);
  }
  const found = new Map<string, OrgRef>();
  const missing: string[] = [];
  for (const key of idsOrCodes) {
    const hit = cache.get(key);
    // The clock may be moved backwards (tests): any distance counts as time passed.
    if (hit && Math.abs(now - hit.at) < ORG_TTL_MS) found.set(key, hit.org);
    else missing.push(key);
  }
  if (missing.length === 0) return found;
  const ids = missing.filter((k) => UUID.test(k));
  const rows = await ex
    .select({
      id: organizations.id,
      code: organizations.code,
      name: organizations.name,
      path: organizations.path,
    })
    .from(organizations)
    .where(
      ids.length
        ? or(inArray(organizations.code, missing), inArray(organizations.id, ids))
        : inArray(organizations.code, missing),
    );
  if (cache.size > 10_000) cache.clear();
  for (const org of rows) {
    cache.set(org.id, { org, at: now });
    cache.set(org.code, { org, at: now });
  }
  for (const key of missing) {
    const org = rows.find((r) => r.id === key) ?? rows.find((r) => r.code === key);
    if (org) found.set(key, org);
  }
  return found;
}
