/**
 * Backup and restore of an embedded (PGlite) database: `yizhan backup FILE`, `yizhan restore FILE`
 * (ADR 0015, docs/operations.md). A backup is the data directory as a gzipped tar, taken by PGlite
 * itself (`dumpDataDir`) after a CHECKPOINT while no transaction is open, so it is consistent; since
 * the files are in the database (`stored_files`), it carries them. It never carries what lives beside
 * the database in the data directory: the signing keys (`keys/`), the lock, logs, an old disk file store.
 *
 * A PGlite data directory is one process's (dataDirLock.ts). When a server holds it, the backup is
 * taken by that server: it listens on a Unix socket of its user (backupSocketPath, mode 0600) and
 * answers each connection with one backup. When nobody holds it, `yizhan backup` opens the directory itself.
 */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, readdirSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  const m = (err as { message?: unknown })?.message;
  return typeof m === "string" ? m : JSON.stringify(err);
}

/**
 * The socket of the server holding `dataDir`: in the temporary directory, named after the data
 * directory's path (not inside it: PGlite's dump reads every file of the data directory, and a socket
 * cannot be read). Mode 0600, and a client uses it only when it is the same user's.
 */
export function backupSocketPath(dataDir: string): string {
  const id = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return join(tmpdir(), `yizhan-backup-${id}.sock`);
}

/** True when `path` is a socket of this process's user (never talk to another user's socket). */
function ownSocket(path: string): boolean {
  try {
    const st = lstatSync(path);
    return st.isSocket() && (process.getuid === undefined || st.uid === process.getuid());
  } catch {
    return false;
  }
}

/** What a backup reports while it runs (a phase, and bytes done of the total when known). */
export type BackupProgress = (phase: string, done?: number, total?: number) => void;

/** The entries of a PGlite data directory that are PostgreSQL's; everything else stays out of a backup. */
const POSTGRES_ENTRY =
  /^(PG_VERSION|base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|postmaster\.(pid|opts)|pg_hba\.conf|pg_ident\.conf)$/;

/** The first path component of a tar entry name (`/base/1/123` → `base`). */
function topName(name: string): string {
  return name.replace(/^\.?\/+/, "").split("/")[0] ?? "";
}

function readString(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString("utf8");
}

/**
 * Keeps only PostgreSQL's entries of a tar archive (ustar, as PGlite writes it): the signing keys, the
 * lock file and anything else Yizhan keeps in the data directory never go into a backup.
 */
export function onlyPostgresEntries(tar: Buffer): Buffer {
  const out: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(readString(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = readString(header, 345, 155);
    const name = prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100);
    const entry = tar.subarray(offset, offset + 512 + Math.ceil(size / 512) * 512);
    offset += entry.length;
    // Extended headers (pax `x`, GNU `L`) belong to the entry that follows them.
    if (type === "x" || type === "L" || type === "g") {
      pending.push(entry);
      continue;
    }
    if (POSTGRES_ENTRY.test(topName(name))) out.push(...pending, entry);
    pending = [];
  }
  out.push(Buffer.alloc(1024));
  return Buffer.concat(out);
}

/**
 * A consistent backup of an open PGlite database, gzipped: a CHECKPOINT, then the data directory dumped
 * while no transaction is open (PGlite's transaction lock is held, so a dump never falls inside one).
 */
export async function dumpPglite(pglite: PGlite, progress: BackupProgress = () => {}): Promise<Buffer> {
  progress("checkpoint");
  await pglite.exec("CHECKPOINT");
  progress("dump");
  const locked = pglite as unknown as { _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> };
  const blob = await locked._runExclusiveTransaction(() => pglite.dumpDataDir("none"));
  const tar = onlyPostgresEntries(Buffer.from(await blob.arrayBuffer()));
  progress("compress", 0, tar.length);
  const gz = gzipSync(tar, { level: 6 });
  progress("compress", tar.length, tar.length);
  return gz;
}

/** The tar of a backup file (gzipped or not), checked to be a PGlite data directory. */
export function backupArchive(bytes: Buffer): Blob {
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const names = new Set<string>();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    names.add(topName(readString(header, 0, 100)));
    const size = Number.parseInt(readString(header, 124, 12).trim() || "0", 8);
    if (Number.isNaN(size)) break;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  if (!names.has("PG_VERSION") || !names.has("base"))
    throw new Error("not a Yizhan backup (no PostgreSQL data directory in it) / 不是一站的备份文件");
  return new Blob([new Uint8Array(tar)]);
}

/** True when `dir` already holds a database (PostgreSQL's PG_VERSION). */
export function holdsDatabase(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

/** True when `dir` has nothing but what Yizhan may put there before a database (lock, keys, logs). */
export function emptyOfDatabase(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return !readdirSync(dir).some((n) => POSTGRES_ENTRY.test(n));
}

/**
 * Answers backup requests on {@link backupSocketPath} for the server holding the data directory.
 * One connection, one backup: a JSON line (`{"ok":true,"bytes":N}` or `{"ok":false,"error":…}`), then
 * the N bytes of the gzipped archive.
 */
export async function serveBackups(
  dataDir: string,
  pglite: PGlite,
  onError: (err: unknown) => void = () => {},
): Promise<{ close(): Promise<void> }> {
  const path = backupSocketPath(dataDir);
  // A socket left by a killed server: the data directory's lock is ours, so nobody else listens on it.
  if (existsSync(path)) {
    if (!ownSocket(path)) throw new Error(`${path} exists and is not this user's socket`);
    unlinkSync(path);
  }
  let running: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((socket) => {
    socket.on("error", onError);
    // One backup at a time: a second waits for the first.
    running = running.then(async () => {
      try {
        const gz = await dumpPglite(pglite);
        socket.write(`${JSON.stringify({ ok: true, bytes: gz.length })}\n`);
        socket.end(gz);
      } catch (err) {
        onError(err);
        socket.end(`${JSON.stringify({ ok: false, error: errorText(err) })}\n`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        running.finally(() => undefined);
      }),
  };
}

/** Asks the server holding `dataDir` for a backup (see {@link serveBackups}); resolves to its bytes. */
export function backupFromServer(dataDir: string, progress: BackupProgress = () => {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const path = backupSocketPath(dataDir);
    if (!ownSocket(path)) {
      reject(new Error(`the server holding ${dataDir} offers no backup socket (${path})`));
      return;
    }
    const socket = createConnection(path);
    const chunks: Buffer[] = [];
    let header: { ok: boolean; bytes?: number; error?: string } | null = null;
    let received = 0;
    let buffered = Buffer.alloc(0);
    progress("dump");
    socket.on("data", (chunk: Buffer) => {
      if (!header) {
        buffered = Buffer.concat([buffered, chunk]);
        const nl = buffered.indexOf(10);
        if (nl === -1) return;
        header = JSON.parse(buffered.subarray(0, nl).toString("utf8"));
        chunk = buffered.subarray(nl + 1);
        if (!header?.ok) {
          reject(
            new Error(`the server could not take the backup: ${String(header?.error ?? "unknown error")}`),
          );
          socket.destroy();
          return;
        }
      }
      chunks.push(chunk);
      received += chunk.length;
      progress("receive", received, header.bytes);
    });
    socket.on("error", reject);
    socket.on("end", () => {
      if (!header?.ok) return reject(new Error("the server closed the backup connection"));
      const bytes = Buffer.concat(chunks);
      if (bytes.length !== header.bytes)
        return reject(new Error(`backup cut short: ${bytes.length} of ${header.bytes} bytes`));
      resolve(bytes);
    });
  });
}
