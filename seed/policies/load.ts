/**
 * Loads the policy library's seed documents (documents.yaml beside this file) and checks them: every
 * `amendedBy` / `repealedBy` names a key of the file, statuses fit their links. I/O lives here.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { z } from "zod";
import { POLICY_LEVELS, POLICY_STATUSES } from "../../src/domain/policyLibrary/documents.ts";

const here = dirname(fileURLToPath(import.meta.url));
const ZDate = z.iso.date();

export const ZSeedPolicy = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(2).max(200),
  docNumber: z.string().max(100),
  issuer: z.string().min(2).max(200),
  level: z.enum(POLICY_LEVELS),
  /** null when the date is not confirmed against the published text (never a placeholder date) */
  issuedOn: ZDate.nullable(),
  effectiveOn: ZDate.nullable(),
  repealedOn: ZDate.optional(),
  status: z.enum(POLICY_STATUSES),
  amendedBy: z.string().optional(),
  repealedBy: z.string().optional(),
  tags: z.array(z.string().min(1).max(30)).max(20),
  summary: z.string().min(10).max(4000),
});
export type TSeedPolicy = z.infer<typeof ZSeedPolicy>;

/** YAML folds a long line with a space: between two Chinese characters it is no space at all. */
const CJK_FOLD = /(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g;

/** The seed documents, parsed; throws on a broken file (a dangling key, a duplicate key). */
export function loadSeedPolicies(): TSeedPolicy[] {
  const list = z
    .array(ZSeedPolicy)
    .parse(load(readFileSync(join(here, "documents.yaml"), "utf8")))
    .map((p) => ({ ...p, summary: p.summary.replace(CJK_FOLD, "") }));
  const keys = new Set<string>();
  for (const p of list) {
    if (keys.has(p.key)) throw new Error(`seed/policies: duplicate key ${p.key}`);
    keys.add(p.key);
  }
  for (const p of list)
    for (const k of [p.amendedBy, p.repealedBy])
      if (k && !keys.has(k)) throw new Error(`seed/policies: ${p.key} links to unknown ${k}`);
  return list;
}
