import { and, desc, eq, lte, or } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { itemVersions, serviceItems } from "../../db/schema";
import type { TServiceItemContent } from "../../shared/catalog";

/** One version of one item, with the identity of the item: what a case is filed under. */
export type ResolvedItemVersion = {
  itemId: string;
  itemCode: string;
  orgId: string;
  versionId: string;
  version: number;
  effectiveFrom: string;
  content: TServiceItemContent;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = {
  itemId: serviceItems.id,
  itemCode: serviceItems.code,
  orgId: serviceItems.orgId,
  versionId: itemVersions.id,
  version: itemVersions.version,
  effectiveFrom: itemVersions.effectiveFrom,
  content: itemVersions.content,
};

/** Matches an item by id (a UUID) or by code. */
export function itemKey(itemIdOrCode: string) {
  return UUID.test(itemIdOrCode)
    ? or(eq(serviceItems.id, itemIdOrCode), eq(serviceItems.code, itemIdOrCode))
    : eq(serviceItems.code, itemIdOrCode);
}

/**
 * The version of an item in effect on a local date (`YYYY-MM-DD`): the one with the latest
 * `effective_from` on or before that date (the highest version number breaks a tie). Null when the
 * item does not exist or no version is in effect yet. A case is filed under this version and keeps it.
 */
export async function resolveEffectiveVersion(
  ex: Executor,
  itemIdOrCode: string,
  onDate: string,
): Promise<ResolvedItemVersion | null> {
  const rows = await ex
    .select(columns)
    .from(itemVersions)
    .innerJoin(serviceItems, eq(serviceItems.id, itemVersions.itemId))
    .where(and(itemKey(itemIdOrCode), lte(itemVersions.effectiveFrom, onDate)))
    .orderBy(desc(itemVersions.effectiveFrom), desc(itemVersions.version))
    .limit(1);
  return rows[0] ?? null;
}

/** One item version by its id (the version a case was filed under), or null. */
export async function loadItemVersion(ex: Executor, versionId: string): Promise<ResolvedItemVersion | null> {
  if (!UUID.test(versionId)) return null;
  const rows = await ex
    .select(columns)
    .from(itemVersions)
    .innerJoin(serviceItems, eq(serviceItems.id, itemVersions.itemId))
    .where(eq(itemVersions.id, versionId))
    .limit(1);
  return rows[0] ?? null;
}
