import { and, eq } from "drizzle-orm";
import { loadSeedPolicies } from "../../../seed/policies/load";
import { itemVersions, meta, policyDocuments, policyItemLinks, serviceItems } from "../../db/schema";
import type { AppContext } from "../context";
import { policySearchVector } from "./searchIndex";

const SEEDED = "policy_library_seeded";

/**
 * Loads the policy library's seed (seed/policies/documents.yaml: 50+ real laws, regulations and
 * notices with summaries written for the bureau) and links each to the items whose 设定依据 cite it
 * (a basis title containing 《title》). Idempotent (a `meta` flag); in one transaction.
 */
export async function seedPolicyLibrary(ctx: AppContext): Promise<{ created: number; links: number }> {
  const db = ctx.database.db;
  const [done] = await db.select().from(meta).where(eq(meta.key, SEEDED));
  if (done) return { created: 0, links: 0 };
  const seed = loadSeedPolicies();
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const p of seed) {
      const input = { ...p, fullText: "" };
      const [row] = await tx
        .insert(policyDocuments)
        .values({
          title: p.title,
          docNumber: p.docNumber,
          issuer: p.issuer,
          level: p.level,
          issuedOn: p.issuedOn,
          effectiveOn: p.effectiveOn,
          repealedOn: p.repealedOn ?? null,
          status: p.status,
          summary: p.summary,
          tags: p.tags,
          search: policySearchVector(input),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: policyDocuments.id });
      ids.set(p.key, row.id);
    }
    for (const p of seed) {
      if (!p.amendedBy && !p.repealedBy) continue;
      await tx
        .update(policyDocuments)
        .set({
          amendedById: p.amendedBy ? ids.get(p.amendedBy) : null,
          repealedById: p.repealedBy ? ids.get(p.repealedBy) : null,
        })
        .where(eq(policyDocuments.id, ids.get(p.key) ?? ""));
    }
    const items = await tx
      .select({ id: serviceItems.id, content: itemVersions.content })
      .from(serviceItems)
      .innerJoin(
        itemVersions,
        and(eq(itemVersions.itemId, serviceItems.id), eq(itemVersions.version, serviceItems.currentVersion)),
      );
    const links: { policyId: string; itemId: string; basisTitle: string }[] = [];
    for (const item of items)
      for (const basis of item.content.legalBasis)
        for (const p of seed)
          if (basis.title.includes(`《${p.title}》`))
            links.push({ policyId: ids.get(p.key) ?? "", itemId: item.id, basisTitle: basis.title });
    if (links.length) await tx.insert(policyItemLinks).values(links).onConflictDoNothing();
    await tx
      .insert(meta)
      .values({ key: SEEDED, value: true })
      .onConflictDoUpdate({ target: meta.key, set: { value: true } });
    return { created: seed.length, links: links.length };
  });
}
