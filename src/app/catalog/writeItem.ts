import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { itemVersions, organizations, serviceItems } from "../../db/schema";
import { notFound } from "../../domain/errors";
import type { TServiceItemContent } from "../../shared/catalog";
import { itemLexemes, itemSearchText, searchVectorSql } from "./search";

/** A version to write: its content, the local date it takes effect, why it changed, who wrote it. */
export type NewItemVersion = {
  content: TServiceItemContent;
  effectiveFrom: string;
  changeNote: string;
  createdBy: string | null;
};

const unknownOrg = (code: string) =>
  notFound({ "zh-CN": `机构“${code}”`, "en-US": `Organization "${code}"` });

/**
 * Inserts a new item with its version 1, or appends version `currentVersion + 1` to an existing one
 * (an old version is never changed), then refreshes the item's listing fields and search words from
 * the new content. Runs inside the caller's transaction; the caller has validated and authorized.
 */
export async function writeItemVersion(
  tx: Executor,
  v: NewItemVersion,
  existing: { id: string; currentVersion: number } | null,
  now: Date,
): Promise<{ itemId: string; versionId: string; version: number }> {
  const c = v.content;
  const codes = [c.implementingOrgCode, ...(c.handledBy?.orgCodes ?? [])];
  const orgs = await tx
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.code, codes));
  const org = orgs.find((o) => o.code === c.implementingOrgCode);
  if (!org) throw unknownOrg(c.implementingOrgCode);
  const handlers = orgs.filter((o) => o.code !== c.implementingOrgCode).map((o) => o.name);
  const search = searchVectorSql(itemLexemes(itemSearchText(c, org.name, handlers)));
  const version = existing ? existing.currentVersion + 1 : 1;
  const listing = {
    code: c.code,
    name: c.name,
    orgId: org.id,
    kind: c.kind,
    handlingType: c.handlingType,
    currentVersion: version,
    search: sql`${search}`,
    updatedAt: now,
  };
  let itemId: string;
  if (existing) {
    itemId = existing.id;
    await tx.update(serviceItems).set(listing).where(eq(serviceItems.id, itemId));
  } else {
    const [row] = await tx
      .insert(serviceItems)
      .values({ ...listing, createdAt: now })
      .returning({ id: serviceItems.id });
    itemId = row.id;
  }
  const [row] = await tx
    .insert(itemVersions)
    .values({
      itemId,
      version,
      effectiveFrom: v.effectiveFrom,
      content: c,
      changeNote: v.changeNote,
      createdBy: v.createdBy,
      createdAt: now,
    })
    .returning({ id: itemVersions.id });
  return { itemId, versionId: row.id, version };
}
