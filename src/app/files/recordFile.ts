import type { Executor } from "../../db/client";
import { files } from "../../db/schema";

/** What is known of stored bytes: where they are and their checksum (from FileStorage.put). */
export type StoredBytes = { key: string; sha256: string };

/**
 * Records a stored file (uploads, generated notices, shared-data documents): the one place that writes
 * `files` rows, so every file keeps its name, type, size, SHA-256, uploader and case.
 */
export async function recordFile(
  ex: Executor,
  stored: StoredBytes,
  meta: {
    fileName: string;
    contentType: string;
    sizeBytes: number;
    uploadedBy?: string | null;
    caseId?: string | null;
    at: Date;
  },
) {
  const [row] = await ex
    .insert(files)
    .values({
      storageKey: stored.key,
      fileName: meta.fileName.slice(0, 200),
      contentType: meta.contentType,
      sizeBytes: meta.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: meta.uploadedBy ?? null,
      caseId: meta.caseId ?? null,
      createdAt: meta.at,
    })
    .returning();
  return row;
}
