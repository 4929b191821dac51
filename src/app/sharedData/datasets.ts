import { eq } from "drizzle-orm";
import { z } from "zod";
import { DirectoryConnector } from "../../adapters/exchange/directory";
import { HttpJsonConnector } from "../../adapters/exchange/http";
import type { ExchangeConnector } from "../../adapters/exchange/types";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { readSeedYaml } from "../seed/files";

const ZDataset = z.object({
  code: z.string(),
  name: z.string(),
  providerOrgCode: z.string(),
  subjectCode: z.enum(["uscc", "resident_id", "uscc_or_resident_id"]),
  note: z.string().optional(),
});
export type SharedDataset = z.infer<typeof ZDataset>;

let cached: SharedDataset[] | undefined;

/** The shared datasets materials may name (seed/catalog/shared-datasets.yaml). */
export function sharedDatasets(): SharedDataset[] {
  cached ??= z.array(ZDataset).parse(readSeedYaml<unknown>("catalog/shared-datasets.yaml"));
  return cached;
}

/** One dataset by code (422 naming `field` when unknown). */
export function datasetByCode(code: string, field = "dataset"): SharedDataset {
  const d = sharedDatasets().find((x) => x.code === code);
  if (!d)
    throw invalid(field, "unknown_dataset", {
      "zh-CN": `共享数据集 ${code} 不存在`,
      "en-US": `No shared dataset ${code}`,
    });
  return d;
}

/** The provider organization of a dataset. */
export async function providerOf(ex: Executor, d: SharedDataset) {
  const [org] = await ex.select().from(organizations).where(eq(organizations.code, d.providerOrgCode));
  return org ?? null;
}

const overrides = new WeakMap<AppContext, Map<string, ExchangeConnector>>();

/** Replaces the connector of a dataset for one application context (tests, embedding). */
export function configureConnector(ctx: AppContext, dataset: string, connector: ExchangeConnector): void {
  const map = overrides.get(ctx) ?? new Map<string, ExchangeConnector>();
  map.set(dataset, connector);
  overrides.set(ctx, map);
}

/**
 * The connector configured for a dataset: an override, else the HTTP/JSON connector when
 * `YIZHAN_EXCHANGE_<DATASET>_URL` (with `_KEY`, `_SECRET`, optional `_TIMEOUT_MS`) is set, else the
 * built-in directory (partner-published and CSV-imported records).
 */
export function connectorFor(ctx: AppContext, d: SharedDataset, providerName: string): ExchangeConnector {
  const o = overrides.get(ctx)?.get(d.code);
  if (o) return o;
  const env = (k: string) => process.env[`YIZHAN_EXCHANGE_${d.code.toUpperCase()}_${k}`];
  const url = env("URL");
  if (url) {
    return new HttpJsonConnector({
      baseUrl: url,
      providerName,
      keyId: env("KEY") ?? "yizhan",
      secret: env("SECRET") ?? "",
      timeoutMs: Number(env("TIMEOUT_MS") ?? 5_000),
    });
  }
  return new DirectoryConnector(ctx.database.db);
}
