import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { bundleTemplates } from "../../db/schema";
import { invalid } from "../../domain/errors";
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

/**
 * The template an event files: the one named by `templateCode` (422 naming the field when there is
 * none), else the first template with that trigger (null when no template has it).
 */
export async function triggeredTemplate(ex: Executor, now: Date, trigger: string, templateCode?: string) {
  await ensureBundleTemplates(ex, now);
  const [template] = templateCode
    ? await ex.select().from(bundleTemplates).where(eq(bundleTemplates.code, templateCode))
    : await ex
        .select()
        .from(bundleTemplates)
        .where(eq(bundleTemplates.trigger, trigger))
        .orderBy(bundleTemplates.code);
  if (templateCode && !template)
    throw invalid("templateCode", "unknown_template", {
      "zh-CN": `套餐 ${templateCode} 不存在`,
      "en-US": `No bundle template ${templateCode}`,
    });
  return template ?? null;
}
