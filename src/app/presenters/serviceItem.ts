import type { Actor } from "../actor";
import type { ItemVersionEntry, ServiceItemRecord, ServiceItemVersionView } from "../catalog/getServiceItem";
import { abilities } from "../policies";

/** Abilities on an item for a visitor (no actor: read-only public guide) or a signed-in user. */
export function serviceItemAbilities(actor: Actor | null, orgPath: string): Record<string, boolean> {
  if (actor) return abilities(actor, "serviceItem", { orgPath });
  return { read: true, listVersions: true, compare: true, noticeSheet: true, create: false, update: false };
}

/** An item with one version, as the public guide and the admin editor receive it. */
export function presentServiceItem(
  item: ServiceItemRecord,
  v: ServiceItemVersionView,
  actor: Actor | null,
  inEffect: boolean,
) {
  return {
    id: item.id,
    code: item.code,
    orgCode: item.orgCode,
    orgName: item.orgName,
    active: item.active,
    latestVersion: item.currentVersion,
    versionId: v.versionId,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    changeNote: v.changeNote,
    inEffect,
    content: v.content,
    abilities: serviceItemAbilities(actor, item.orgPath),
  };
}

/** An entry of an item's version history (who saved it is shown by display name only). */
export function presentVersionEntry(v: ItemVersionEntry) {
  return {
    versionId: v.versionId,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    changeNote: v.changeNote,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    inEffect: v.inEffect,
  };
}
