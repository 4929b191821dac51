import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../../db/client";
import { itemVersions, organizations, serviceItems } from "../../db/schema";
import { invalid, versionConflict } from "../../domain/errors";
import type { ZCreateServiceItem, ZUpdateServiceItem } from "../../shared/api/requests/catalog";
import type { Actor } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";
import { authorize } from "../policies";
import { loadServiceItem } from "./getServiceItem";
import { assertValidContent } from "./validation";
import { writeItemVersion } from "./writeItem";

export type TCreateServiceItem = z.infer<typeof ZCreateServiceItem>;

export type TUpdateServiceItem = z.infer<typeof ZUpdateServiceItem>;

async function orgPathOf(tx: Tx, code: string): Promise<string | null> {
  const [row] = await tx
    .select({ path: organizations.path })
    .from(organizations)
    .where(eq(organizations.code, code));
  return row?.path ?? null;
}

/**
 * Creates a service item with its version 1 (admin of the implementing organization's tree). The content
 * must pass the catalog validation (422 naming every field); the code must be new.
 */
export async function createServiceItem(
  tx: Tx,
  actor: Actor,
  input: TCreateServiceItem,
  now: Date,
): Promise<{ itemId: string; code: string; version: number }> {
  authorize(actor, "manageCatalog", "global", null);
  const orgPath = await orgPathOf(tx, input.content.implementingOrgCode);
  if (orgPath) authorize(actor, "create", "serviceItem", { orgPath });
  const [dup] = await tx
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(eq(serviceItems.code, input.content.code));
  if (dup) {
    throw invalid("content.code", "duplicate_item_code", {
      "zh-CN": `事项编码“${input.content.code}”已存在`,
      "en-US": `The item code "${input.content.code}" already exists`,
    });
  }
  await assertValidContent(tx, input.content, "content.");
  const written = await writeItemVersion(
    tx,
    {
      content: input.content,
      effectiveFrom: input.effectiveFrom,
      changeNote: input.changeNote,
      createdBy: actor.userId,
    },
    null,
    now,
  );
  await recordAdminAudit(tx, actor, now, {
    action: "service_item.created",
    targetType: "service_item",
    targetId: input.content.code,
    targetLabel: `${input.content.code} ${input.content.name}`,
    orgPath,
    detail: {
      version: written.version,
      effectiveFrom: input.effectiveFrom,
      changeNote: input.changeNote ?? null,
    },
  });
  return { itemId: written.itemId, code: input.content.code, version: written.version };
}

/**
 * Edits an item by adding a NEW version effective from a date (an old version is never changed, so a case
 * keeps the rules it was filed under). 409 `version_conflict` when someone saved a version since the
 * editor loaded `expectedVersion`; 422 when the content breaks a catalog rule, the code changes, or the
 * date lies before today or before the latest version's date.
 */
export async function updateServiceItem(
  tx: Tx,
  actor: Actor,
  idOrCode: string,
  input: TUpdateServiceItem,
  now: Date,
  today: string,
): Promise<{ itemId: string; code: string; version: number }> {
  const item = await loadServiceItem(tx, idOrCode, true);
  authorize(actor, "update", "serviceItem", { orgPath: item.orgPath });
  if (input.content.implementingOrgCode !== item.orgCode) {
    const newPath = await orgPathOf(tx, input.content.implementingOrgCode);
    if (newPath) authorize(actor, "update", "serviceItem", { orgPath: newPath });
  }
  if (input.expectedVersion !== item.currentVersion)
    throw versionConflict(input.expectedVersion, item.currentVersion);
  if (input.content.code !== item.code) {
    throw invalid("content.code", "code_changed", {
      "zh-CN": `事项编码不可修改（应为“${item.code}”）`,
      "en-US": `The item code cannot change (it is "${item.code}")`,
    });
  }
  const latest = await latestEffectiveFrom(tx, item.id);
  const earliest = latest > today ? latest : today;
  if (input.effectiveFrom < earliest) {
    throw invalid("effectiveFrom", "effective_too_early", {
      "zh-CN": `生效日期不能早于 ${earliest}（今天或上一版本的生效日期）`,
      "en-US": `The effective date cannot be before ${earliest} (today or the previous version's date)`,
    });
  }
  await assertValidContent(tx, input.content, "content.");
  const written = await writeItemVersion(
    tx,
    {
      content: input.content,
      effectiveFrom: input.effectiveFrom,
      changeNote: input.changeNote,
      createdBy: actor.userId,
    },
    { id: item.id, currentVersion: item.currentVersion },
    now,
  );
  await recordAdminAudit(tx, actor, now, {
    action: "service_item.updated",
    targetType: "service_item",
    targetId: item.code,
    targetLabel: `${item.code} ${input.content.name}`,
    orgPath: item.orgPath,
    detail: {
      version: written.version,
      effectiveFrom: input.effectiveFrom,
      changeNote: input.changeNote ?? null,
    },
  });
  return { itemId: item.id, code: item.code, version: written.version };
}

async function latestEffectiveFrom(tx: Tx, itemId: string): Promise<string> {
  const rows = await tx
    .select({ d: itemVersions.effectiveFrom })
    .from(itemVersions)
    .where(eq(itemVersions.itemId, itemId));
  return (
    rows
      .map((r) => r.d)
      .sort()
      .at(-1) ?? "0000-00-00"
  );
}
