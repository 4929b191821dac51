import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { itemVersions, organizations, serviceItems, users } from "../../db/schema";
import { notFound, YizhanError } from "../../domain/errors";
import type { TServiceItemContent } from "../../shared/catalog";
import { itemKey, resolveEffectiveVersion } from "./resolveItemVersion";

/** An item as stored, with the path of its implementing organization (for policies). */
export type ServiceItemRecord = {
  id: string;
  code: string;
  name: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  orgPath: string;
  active: boolean;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
};

/** One version of an item with its content: what the guide shows. */
export type ServiceItemVersionView = {
  versionId: string;
  version: number;
  effectiveFrom: string;
  changeNote: string;
  createdAt: Date;
  content: TServiceItemContent;
};

const itemNotFound = (key: string) => notFound({ "zh-CN": `事项“${key}”`, "en-US": `Service item "${key}"` });

/** The item with this id or code, or a 404. `forUpdate` locks the row for the rest of the transaction. */
export async function loadServiceItem(
  ex: Executor,
  idOrCode: string,
  forUpdate = false,
): Promise<ServiceItemRecord> {
  const q = ex
    .select({
      id: serviceItems.id,
      code: serviceItems.code,
      name: serviceItems.name,
      orgId: serviceItems.orgId,
      orgCode: organizations.code,
      orgName: organizations.name,
      orgPath: organizations.path,
      active: serviceItems.active,
      currentVersion: serviceItems.currentVersion,
      createdAt: serviceItems.createdAt,
      updatedAt: serviceItems.updatedAt,
    })
    .from(serviceItems)
    .innerJoin(organizations, eq(organizations.id, serviceItems.orgId))
    .where(itemKey(idOrCode))
    .limit(1);
  const [row] = forUpdate ? await q.for("update", { of: serviceItems }) : await q;
  if (!row) throw itemNotFound(idOrCode);
  return row;
}

/** Which version to show: a number, the one in effect on a date, or (neither) the one in effect today. */
export type VersionSelector = { version?: number; on?: string };

/**
 * An item with one of its versions (政务公开, no login): `version` = that number; `on` = the version in
 * effect on that local date; neither = the version in effect on `today`, or the first version when
 * none is in effect yet. 404 when the item or the version does not exist.
 */
export async function getServiceItem(
  ex: Executor,
  idOrCode: string,
  select: VersionSelector,
  today: string,
): Promise<{ item: ServiceItemRecord; version: ServiceItemVersionView }> {
  const item = await loadServiceItem(ex, idOrCode);
  let versionNo: number | undefined = select.version;
  if (versionNo === undefined) {
    const onDate = select.on ?? today;
    const resolved = await resolveEffectiveVersion(ex, item.id, onDate);
    if (!resolved && select.on) {
      throw new YizhanError("not_found", 404, {
        "zh-CN": `事项“${item.name}”在 ${onDate} 尚无生效版本`,
        "en-US": `Service item "${item.code}" has no version in effect on ${onDate}`,
      });
    }
    versionNo = resolved?.version ?? 1;
  }
  const [v] = await ex
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.version, versionNo)));
  if (!v) {
    throw notFound({
      "zh-CN": `事项“${item.name}”的第 ${versionNo} 版`,
      "en-US": `Version ${versionNo} of "${item.code}"`,
    });
  }
  return {
    item,
    version: {
      versionId: v.id,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      changeNote: v.changeNote,
      createdAt: v.createdAt,
      content: v.content,
    },
  };
}

/** One entry of an item's history (the content itself is read with getServiceItem `?version=`). */
export type ItemVersionEntry = {
  versionId: string;
  version: number;
  effectiveFrom: string;
  changeNote: string;
  createdAt: Date;
  createdBy: string | null;
  /** True for the version in effect today. */
  inEffect: boolean;
};

/** Every version of an item, oldest first, marking the one in effect on `today`. */
export async function listItemVersions(
  ex: Executor,
  idOrCode: string,
  today: string,
): Promise<{ item: ServiceItemRecord; versions: ItemVersionEntry[] }> {
  const item = await loadServiceItem(ex, idOrCode);
  const rows = await ex
    .select({
      versionId: itemVersions.id,
      version: itemVersions.version,
      effectiveFrom: itemVersions.effectiveFrom,
      changeNote: itemVersions.changeNote,
      createdAt: itemVersions.createdAt,
      createdBy: users.displayName,
    })
    .from(itemVersions)
    .leftJoin(users, eq(users.id, itemVersions.createdBy))
    .where(eq(itemVersions.itemId, item.id))
    .orderBy(asc(itemVersions.version));
  const current = await resolveEffectiveVersion(ex, item.id, today);
  return { item, versions: rows.map((r) => ({ ...r, inEffect: r.version === current?.version })) };
}
