/**
 * The guide search's synonym list (seed/catalog/synonyms.yaml): common names of items (房产证, 规划许可)
 * and the official wording searched in their place. Read once, validated, cached; applied at query
 * time by {@link expandQuery}, so the index never holds them.
 */
import { join } from "node:path";
import { z } from "zod";
import { readYaml } from "../../../seed/catalog/load";
import { SEED_DIR } from "../seed/files";

export const ZSynonym = z.object({
  term: z.string().min(2).max(20),
  means: z.array(z.string().min(2).max(40)).min(1),
});
export type Synonym = z.infer<typeof ZSynonym>;

let cache: Synonym[] | undefined;

/** The synonym list, longest terms first (so 用地规划证 wins over a shorter term inside it). */
export function catalogSynonyms(): Synonym[] {
  cache ??= z
    .array(ZSynonym)
    .parse(readYaml(join(SEED_DIR, "catalog/synonyms.yaml")))
    .sort((a, b) => b.term.length - a.term.length);
  return cache;
}

/**
 * The queries a query stands for: itself, and for each synonym term it contains, the query with the
 * term replaced by each of its meanings (deduplicated; at most 12, the query first).
 */
export function expandQuery(q: string, synonyms: readonly Synonym[] = catalogSynonyms()): string[] {
  const out = new Set([q]);
  for (const s of synonyms) {
    if (!q.includes(s.term)) continue;
    for (const m of s.means) out.add(q.replaceAll(s.term, m));
  }
  return [...out].slice(0, 12);
}
