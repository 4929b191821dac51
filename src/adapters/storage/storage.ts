import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** Where uploaded and generated files live: a small interface (the database: DatabaseStorage, ADR 0015). */
export interface FileStorage {
  /** Stores bytes under a new key and returns it with the SHA-256 checksum. */
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

/** The key of bytes with this SHA-256 (hex): `ab/cd/<sha256>`, the same in every store. */
export function checksumKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Files on local disk, addressed by checksum (content-addressed: the same bytes are stored once). */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const key = checksumKey(sha256);
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // A name of its own per write: two uploads of the same bytes at once must not share a temp file.
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return { key, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  private path(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(resolve(this.root), key);
  }
}

/**
 * The disk store of installations from before files moved into the database (ADR 0015), read only for
 * what is not in the database yet: `$YIZHAN_FILES_DIR`, else `files/` in the PGlite data directory,
 * else `./data/files`.
 */
export function legacyDiskStorage(
  dataDir?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): FileStorage {
  return new LocalDiskStorage(env.YIZHAN_FILES_DIR ?? join(dataDir ?? "./data", "files"));
}
