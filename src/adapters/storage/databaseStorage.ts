import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { storedFiles } from "../../db/schema";
import { checksumKey, type FileStorage } from "./storage";

/**
 * Files in the database (`stored_files`, bytea), content-addressed like the disk store: every app server
 * on the same database reaches every file, and a backup of the database carries them (ADR 0015).
 * `legacy`: the disk store of an installation from before, read when a key is not in the table yet
 * (its bytes are then copied into the table, so the disk is needed at most once per file).
 */
export class DatabaseStorage implements FileStorage {
  constructor(
    private readonly db: Executor,
    private readonly legacy?: FileStorage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The same store writing and reading through `ex` (a transaction's executor). */
  on(ex: Executor): DatabaseStorage {
    return new DatabaseStorage(ex, this.legacy, this.now);
  }

  async put(bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const key = checksumKey(sha256);
    await this.db
      .insert(storedFiles)
      .values({ key, sha256, sizeBytes: bytes.length, content: bytes, createdAt: this.now() })
      .onConflictDoNothing();
    return { key, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    const [row] = await this.db
      .select({ content: storedFiles.content, sha256: storedFiles.sha256 })
      .from(storedFiles)
      .where(eq(storedFiles.key, key));
    if (row) return row.content;
    if (!this.legacy) throw new Error(`stored file ${key} not found`);
    const bytes = await this.legacy.get(key);
    await this.put(bytes);
    return bytes;
  }
}
