/**
 * Loads the seed catalog (items, certificate types, shared datasets) from the YAML files beside this file
 * and parses it with the shared zod schemas. I/O lives here, never in src/domain.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { z } from "zod";
import { ZCertificateType, ZCode, ZLocalDate, ZServiceItemContent } from "../../src/shared/catalog.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** One item of items.yaml: its first version's content, the date it takes effect, and its sources. */
export const ZSeedItem = z.object({
  effectiveFrom: ZLocalDate,
  /** Field path (e.g. `statutoryLimitDays`, `fees.items[0]`) → key of the file's `sources`. */
  sources: z.record(z.string(), z.string()),
  content: ZServiceItemContent,
});
export type TSeedItem = z.infer<typeof ZSeedItem>;

export const ZSeedItemsFile = z.object({
  sources: z.record(z.string(), z.string().min(1)),
  items: z.array(ZSeedItem).min(1),
});
export type TSeedItemsFile = z.infer<typeof ZSeedItemsFile>;

export const ZSharedDataset = z.object({
  code: ZCode,
  name: z.string().min(1),
  providerOrgCode: ZCode,
  subjectCode: z.string().min(1),
  note: z.string().optional(),
});
export type TSharedDataset = z.infer<typeof ZSharedDataset>;

export interface TSeedCatalog {
  items: TSeedItemsFile;
  certificateTypes: z.infer<typeof ZCertificateType>[];
  sharedDatasets: TSharedDataset[];
}

/** Reads and parses a YAML file; throws with the file name when the YAML is malformed. */
export function readYaml(path: string): unknown {
  try {
    return load(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

/** Parses the raw items file (already read from YAML); throws a ZodError naming the bad field. */
export function parseSeedItems(raw: unknown): TSeedItemsFile {
  return ZSeedItemsFile.parse(raw);
}

/** Loads and parses the whole seed catalog from `dir` (default: seed/catalog). */
export function loadSeedCatalog(dir: string = here): TSeedCatalog {
  return {
    items: parseSeedItems(readYaml(join(dir, "items.yaml"))),
    certificateTypes: z.array(ZCertificateType).parse(readYaml(join(dir, "certificate-types.yaml"))),
    sharedDatasets: z.array(ZSharedDataset).parse(readYaml(join(dir, "shared-datasets.yaml"))),
  };
}
