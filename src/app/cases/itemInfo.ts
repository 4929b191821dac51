import type { Executor } from "../../db/client";
import type { ListedMaterial, TransitionContext } from "../../domain/cases/context";
import type { PlanStep } from "../../domain/cases/reviewPlan";
import { notFound } from "../../domain/errors";
import type { TServiceItemContent } from "../../shared/catalog";
import { loadItemVersion } from "../catalog/resolveItemVersion";

/** The item version a case was filed under, as the case lifecycle uses it. */
export type ItemInfo = {
  itemId: string;
  itemCode: string;
  orgId: string;
  versionId: string;
  version: number;
  content: TServiceItemContent;
};

// Item versions never change once written, so they are cached by id for the life of the process.
const cache = new Map<string, ItemInfo>();

/** Loads (and caches) an item version by id. */
export async function itemInfo(ex: Executor, versionId: string): Promise<ItemInfo> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const v = await loadItemVersion(ex, versionId);
  if (!v) throw notFound({ "zh-CN": "事项版本", "en-US": "Item version" });
  const info: ItemInfo = {
    itemId: v.itemId,
    itemCode: v.itemCode,
    orgId: v.orgId,
    versionId: v.versionId,
    version: v.version,
    content: v.content,
  };
  if (cache.size > 500) cache.clear();
  cache.set(versionId, info);
  return info;
}

/** The item's materials as the guards see them. */
export function listedMaterials(content: TServiceItemContent): ListedMaterial[] {
  return content.materials.map((m) => ({
    code: m.code,
    name: m.name,
    required: m.required,
    key: m.key ?? false,
    mayBeDeferred: m.mayBeDeferred ?? false,
    issueFirstCondition: m.issueFirstCondition ?? null,
  }));
}

/** Whether the item's fee schedule charges anything (its assessment may still come to 0 by exemption). */
export function chargesFees(content: TServiceItemContent): boolean {
  return content.fees.charged && content.fees.items.length > 0;
}

/** The item part of a transition context. */
export function itemContext(content: TServiceItemContent): TransitionContext["item"] {
  const joint = (content.jointOrgs?.length ?? 0) > 0;
  return {
    handlingType: content.handlingType,
    promisedLimitDays: content.promisedLimitDays,
    statutoryLimitDays: content.statutoryLimitDays,
    materials: listedMaterials(content),
    // Art. 42: one extension of 10 working days; joint or centralised handling 15.
    maxExtensionDays: joint ? 15 : 10,
    specialProcedures: content.specialProcedures.map((p) => ({
      kind: p.kind,
      maxWorkingDays: p.maxWorkingDays,
    })),
    chargesFees: chargesFees(content),
  };
}

/** The item's review steps as the planner sees them. */
export function planSteps(content: TServiceItemContent): PlanStep[] {
  return content.reviewSteps.map((s) => ({
    code: s.code,
    name: s.name,
    orgCode: s.orgCode,
    mode: s.mode,
    lead: s.lead,
    limitDays: s.limitDays,
    after: s.after,
  }));
}
