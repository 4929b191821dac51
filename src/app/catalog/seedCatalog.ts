import { eq } from "drizzle-orm";
import { loadSeedCatalog, type TSeedItem } from "../../../seed/catalog/load";
import type { Executor } from "../../db/client";
import { serviceItems } from "../../db/schema";
import { validateItemContent } from "../../domain/catalog/validateItem";
import { loadCatalogContext } from "./validation";
import { writeItemVersion } from "./writeItem";

/** The seed catalog's items (seed/catalog/items.yaml), parsed. */
export function seedCatalogItems(): TSeedItem[] {
  return loadSeedCatalog().items.items;
}

/**
 * Loads the seed catalog as version 1 of each item, effective from the seed's date. Idempotent: an item
 * whose code exists is kept as it is (an administrator may have edited it). Every item must pass the
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
    }
    onItem(`item ${item.content.code}`);
  }
  return { created };
}
