import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { sharedRecords } from "../../db/schema";
import { piiHashes } from "../pii/keyring";
import type { ExchangeConnector, LookupResult } from "./types";

/**
 * The built-in directory: records a partner organization published into Yizhan (or an admin imported
 * from CSV), looked up by dataset and subject code. The document, if any, is already a Yizhan file.
 */
export class DirectoryConnector implements ExchangeConnector {
  readonly kind = "directory";
  constructor(private readonly db: Executor) {}

  async lookup(subjectCode: string, dataset: string): Promise<LookupResult | null> {
    const [row] = await this.db
      .select()
      .from(sharedRecords)
      .where(
        and(
          eq(sharedRecords.datasetCode, dataset),
          inArray(sharedRecords.subjectCodeHash, piiHashes(subjectCode)),
        ),
      );
    if (!row) return null;
    return {
      documents: [],
      fields: row.fields,
      subjectName: row.subjectName,
      validUntil: row.validUntil,
      fileId: row.fileId,
    };
  }
}
