import { eq } from "drizzle-orm";
import { z } from "zod";
import { piiHash } from "../../adapters/pii/keyring";
import type { Executor } from "../../db/client";
import { sharedRecords, users } from "../../db/schema";
import { readSeedYaml } from "../seed/files";
import { datasetByCode, providerOf } from "./datasets";

const ZSeedRecord = z.object({
  dataset: z.string(),
  publishedBy: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  validUntil: z.string().nullable().optional(),
  fields: z.record(z.string(), z.coerce.string()),
});

/** Number of demo shared-data records (for seed progress). */
export function demoSharedRecordCount(): number {
  return readSeedYaml<unknown[]>("demo/shared-records.yaml").length;
}

/**
 * Demo step: the outside departments publish their records into the directory (business licences by
 * market regulation, deed-tax proofs by the tax bureau). Idempotent: existing records are kept.
 */
export async function seedDemoSharedRecords(
  ex: Executor,
  now: Date,
  progress: (label: string) => void,
): Promise<number> {
  const list = z.array(ZSeedRecord).parse(readSeedYaml<unknown>("demo/shared-records.yaml"));
  let created = 0;
  for (const r of list) {
    const d = datasetByCode(r.dataset);
    const provider = await providerOf(ex, d);
    const [by] = await ex.select({ id: users.id }).from(users).where(eq(users.username, r.publishedBy));
    const inserted = await ex
      .insert(sharedRecords)
      .values({
        datasetCode: d.code,
        subjectCode: r.subjectCode,
        subjectCodeHash: piiHash(r.subjectCode),
        subjectName: r.subjectName,
        fields: r.fields,
        validUntil: r.validUntil ?? null,
        source: "directory",
        providerOrgId: provider?.id ?? null,
        publishedBy: by?.id ?? null,
        publishedAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: sharedRecords.id });
    created += inserted.length;
    progress(`shared ${d.code} ${r.subjectName}`);
  }
  return created;
}
