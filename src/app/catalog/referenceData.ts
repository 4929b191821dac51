/**
 * Reference data of the catalog kept as files (reviewed like code): certificate types and the datasets
 * other departments share. Read once from seed/catalog and cached.
 */
import { join } from "node:path";
import { z } from "zod";
import { readYaml, type TSharedDataset, ZSharedDataset } from "../../../seed/catalog/load";
import { type TCertificateType, ZCertificateType } from "../../shared/catalog";
import { SEED_DIR } from "../seed/files";

let cache: { certificateTypes: TCertificateType[]; sharedDatasets: TSharedDataset[] } | undefined;

/** Certificate types (证照类型) and shared datasets (共享数据), from seed/catalog/*.yaml. */
export function catalogReferenceData(): {
  certificateTypes: TCertificateType[];
  sharedDatasets: TSharedDataset[];
} {
  cache ??= {
    certificateTypes: z
      .array(ZCertificateType)
      .parse(readYaml(join(SEED_DIR, "catalog/certificate-types.yaml"))),
    sharedDatasets: z.array(ZSharedDataset).parse(readYaml(join(SEED_DIR, "catalog/shared-datasets.yaml"))),
  };
  return cache;
}
