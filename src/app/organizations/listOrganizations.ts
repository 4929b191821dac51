import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import type { OrgNode } from "../../shared/api/admin";

/** An organization in the tree, as anyone may see it (names and codes are public); its wire form. */
export type { OrgNode };

/** The organization tree (bureaus, sections, windows, townships, departments), roots first. */
export async function listOrganizationTree(ex: Executor): Promise<OrgNode[]> {
  const rows = await ex.select().from(organizations).orderBy(asc(organizations.path));
  const nodes = new Map<string, OrgNode>();
  const roots: OrgNode[] = [];
  for (const r of rows) {
    const node: OrgNode = {
      id: r.id,
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      kind: r.kind,
      divisionCode: r.divisionCode,
      address: r.address,
      phone: r.phone,
      creditCode: r.creditCode,
      hours: r.hours,
      version: r.version,
      children: [],
    };
    nodes.set(r.id, node);
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
