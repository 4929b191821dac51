import type { Executor } from "../../db/client";
import { HANDLING_TYPES, ITEM_KINDS } from "../../shared/catalog";
import { listServiceItems } from "./listServiceItems";

/** A value to browse by, with how many active items carry it. */
export type Facet = { code: string; label: string; count: number };

/**
 * What the guide's landing page browses by (按部门、按类型、按主题/人生事件浏览): departments (the lead
 * review department, or 乡镇人民政府 for items the townships handle), item kinds, handling types and life
 * events, each with its count, from the versions in effect on `onDate`.
 */
export async function catalogFacets(
  ex: Executor,
  onDate: string,
): Promise<{
  departments: Facet[];
  kinds: Facet[];
  handlingTypes: Facet[];
  lifeEvents: Facet[];
  total: number;
}> {
  const { items, total } = await listServiceItems(ex, { page: 1, pageSize: 10_000 }, onDate);
  const count = (m: Map<string, Facet>, code: string, label: string) => {
    const f = m.get(code) ?? { code, label, count: 0 };
    f.count++;
    m.set(code, f);
  };
  const departments = new Map<string, Facet>();
  const kinds = new Map<string, Facet>();
  const handling = new Map<string, Facet>();
  const events = new Map<string, Facet>();
  for (const i of items) {
    if (i.department) count(departments, i.department.code, i.department.name);
    count(kinds, i.kind, ITEM_KINDS[i.kind as keyof typeof ITEM_KINDS] ?? i.kind);
    count(
      handling,
      i.handlingType,
      HANDLING_TYPES[i.handlingType as keyof typeof HANDLING_TYPES] ?? i.handlingType,
    );
    for (const e of i.lifeEvents) count(events, e, e);
  }
  const township = items.filter((i) => i.handledByTownship).length;
  const byCount = (m: Map<string, Facet>) =>
    [...m.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const dept = byCount(departments);
  if (township > 0) dept.push({ code: "township", label: "乡镇人民政府", count: township });
  return {
    departments: dept,
    kinds: byCount(kinds),
    handlingTypes: byCount(handling),
    lifeEvents: byCount(events),
    total,
  };
}
