import { and, eq, sql } from "drizzle-orm";
import { loadSeedCatalog, type TSeedItem } from "../../../seed/catalog/load";
import type { Executor } from "../../db/client";
import { itemVersions, serviceItems } from "../../db/schema";
import { fieldOrderOf } from "../../domain/catalog/formOrder";
import { validateItemContent } from "../../domain/catalog/validateItem";
import { loadCatalogContext } from "./validation";
import { writeItemVersion } from "./writeItem";

/** The seed catalog's items (seed/catalog/items.yaml), parsed. */
export function seedCatalogItems(): TSeedItem[] {
  return loadSeedCatalog().items.items;
}

/**
 * Versions stored before the form's field order was recorded lost it (jsonb sorts an object's keys):
 * a version whose form schema is the seed's (jsonb equality ignores key order) and has no `ui:order`
 * gets the seed's order. Other versions are left as they are.
 */
async function recordSeedFieldOrder(tx: Executor, itemId: string, content: TSeedItem["content"]) {
  const order = fieldOrderOf(content.formSchema, content.uiSchema);
  if (order.length === 0) return;
  await tx
    .update(itemVersions)
    .set({
      content: sql`jsonb_set(${itemVersions.content}, '{uiSchema}',
        coalesce(${itemVersions.content}->'uiSchema', '{}'::jsonb) || jsonb_build_object('ui:order', ${JSON.stringify(order)}::jsonb))`,
    })
    .where(
      and(
        eq(itemVersions.itemId, itemId),
        sql`${itemVersions.content}->'formSchema' = ${JSON.stringify(content.formSchema)}::jsonb`,
        sql`not coalesce(${itemVersions.content}->'uiSchema' ? 'ui:order', false)`,
      ),
    );
}

/**
 * Loads the seed catalog as version 1 of each item, effective from the seed's date. Idempotent: an item
 * whose code exists is kept as it is (an administrator may have edited it), but for its form's field
 * order (recordSeedFieldOrder). Every item must pass the
 * catalog validation first — a seed that does not is a bug, and nothing is written.
 */
export async function seedCatalog(
  tx: Executor,
  now: Date,
  onItem: (label: string) => void = () => {},
): Promise<{ created: number }> {
  const items = seedCatalogItems();
  const ctx = await loadCatalogContext(
    tx,
    items.map((i) => i.content.code),
  );
  const problems = items.flatMap(({ content }) =>
    validateItemContent(content, ctx).map((p) => `${content.code} ${p.field}: ${p.message["en-US"]}`),
  );
  if (problems.length > 0) throw new Error(`seed catalog is invalid:\n${problems.join("\n")}`);
  let created = 0;
  for (const item of items) {
    const [existing] = await tx
      .select({ id: serviceItems.id })
      .from(serviceItems)
      .where(eq(serviceItems.code, item.content.code));
    if (!existing) {
      await writeItemVersion(
        tx,
        {
          content: item.content,
          effectiveFrom: item.effectiveFrom,
          changeNote: "初始版本（种子目录）",
          createdBy: null,
        },
        null,
        now,
      );
      created++;
    } else {
      await recordSeedFieldOrder(tx, existing.id, item.content);
    }
    onItem(`item ${item.content.code}`);
  }
  return { created };
}
