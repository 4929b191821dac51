import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { bundleTemplates } from "../../db/schema";
import { readSeedYaml } from "../seed/files";

const ZTemplateSeed = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  description: z.string().default(""),
  itemCodes: z.array(z.string().min(1)).min(1),
  sharedMaterials: z.array(z.string()).default([]),
  trigger: z.string().min(1),
});

/** The bundle templates of seed/catalog/bundles.yaml. */
export function seedBundleTemplates(): z.infer<typeof ZTemplateSeed>[] {
  return z.array(ZTemplateSeed).parse(readSeedYaml<unknown>("catalog/bundles.yaml"));
}

/** Loads the seed templates that are not in the database yet (idempotent); returns how many were added. */
export async function ensureBundleTemplates(ex: Executor, now: Date): Promise<number> {
  let added = 0;
  for (const t of seedBundleTemplates()) {
    const [row] = await ex
      .select({ id: bundleTemplates.id })
      .from(bundleTemplates)
      .where(eq(bundleTemplates.code, t.code));
    if (row) continue;
    await ex
      .insert(bundleTemplates)
      .values({ ...t, createdAt: now })
      .onConflictDoNothing();
    added++;
  }
  return added;
}

/** Every bundle template, seeding them first when the table is empty. */
export async function listBundleTemplates(ex: Executor, now: Date) {
  await ensureBundleTemplates(ex, now);
  return ex.select().from(bundleTemplates).orderBy(bundleTemplates.code);
}
