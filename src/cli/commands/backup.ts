import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type BackupProgress,
  backupArchive,
  backupFromServer,
  dumpPglite,
  emptyOfDatabase,
  holdsDatabase,
} from "../../db/backup";
import { openDatabase } from "../../db/client";
import { DataDirLockedError } from "../../db/dataDirLock";
import type { Command } from "../command";
import type { CliIo, Sink } from "../io";
import { UsageError } from "../output";

const PG_HINT =
  "With PostgreSQL (DATABASE_URL) use pg_dump / pg_restore: the files are in the database, so the dump carries them " +
  "(docs/operations.md). / 使用 PostgreSQL 时请用 pg_dump / pg_restore 备份与恢复（文件在数据库中）。";

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Progress lines on stderr: each phase once, transfers every 25%. */
function progressLines(stderr: Sink, started: number): BackupProgress {
  const seen = new Set<string>();
  const words: Record<string, string> = {
    checkpoint: "checkpoint (写入检查点)",
    dump: "dumping the data directory (导出数据目录)",
    compress: "compressing (压缩)",
    receive: "receiving from the running server (从运行中的服务接收)",
    load: "loading into the data directory (载入数据目录)",
    migrate: "applying migrations (应用迁移)",
  };
  return (phase, done, total) => {
    const quarter = total ? Math.floor(((done ?? 0) / total) * 4) : 0;
    const key = `${phase}:${quarter}`;
    if (seen.has(key)) return;
    seen.add(key);
    const t = ((Date.now() - started) / 1000).toFixed(1);
    const amount = total ? ` ${MB(done ?? 0)}/${MB(total)}` : "";
    stderr.write(`[${t}s] ${words[phase] ?? phase}${amount}\n`);
  };
}

/** FILE and the data directory of an embedded-database command; null (after saying why) on PostgreSQL. */
function parseEmbedded(argv: string[], name: string, io: CliIo): { file: string; dataDir: string } | null {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { "data-dir": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`yizhan ${name}: give one FILE`);
  if (io.env.DATABASE_URL) {
    io.stderr.write(`${PG_HINT}\n`);
    return null;
  }
  return {
    file: resolve(positionals[0] as string),
    dataDir: resolve(values["data-dir"] ?? io.env.YIZHAN_DATA_DIR ?? "./data"),
  };
}

/** Writes `bytes` to `file` through a temporary name: a cut-short backup never looks like a whole one. */
function writeWhole(file: string, bytes: Buffer) {
  const tmp = `${file}.${process.pid}.part`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
}

export const backupCommand: Command = {
  name: "backup",
  summary: "Back up the embedded database (with its files) to FILE, also while the server runs",
  usage: [
    "yizhan backup FILE [--data-dir DIR]",
    "",
    "Writes a consistent backup of the embedded (PGlite) database in DIR ($YIZHAN_DATA_DIR, default ./data)",
    "to FILE (a gzipped tar). Uploaded files and rendered documents are in the database, so they are in",
    "the backup; the signing keys are not (back up $YIZHAN_KEYS_DIR separately, docs/operations.md).",
    "While `yizhan start` runs on DIR, the running server takes the backup (through a socket of its user).",
    "With DATABASE_URL (PostgreSQL) use pg_dump instead.",
  ].join("\n"),
  async run(argv, io) {
    const args = parseEmbedded(argv, "backup", io);
    if (!args) return 2;
    const { file, dataDir } = args;
    const started = Date.now();
    const progress = progressLines(io.stderr, started);
    if (!holdsDatabase(dataDir)) {
      io.stderr.write(`${dataDir}: 没有数据库 / holds no database; nothing backed up.\n`);
      return 1;
    }
    let bytes: Buffer;
    let how: string;
    try {
      const database = await openDatabase({ dataDir });
      try {
        if (!database.pglite) throw new Error("not an embedded database");
        bytes = await dumpPglite(database.pglite, progress);
      } finally {
        await database.close();
      }
      how = "the data directory was not in use";
    } catch (e) {
      if (!(e instanceof DataDirLockedError) || !e.holder) throw e;
      bytes = await backupFromServer(dataDir, progress);
      how = `taken by the running server, pid ${e.holder.pid}`;
    }
    writeWhole(file, bytes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stdout.write(`Backup written: ${file} (${MB(bytes.length)}, ${seconds} s; ${how}).\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "Restore a backup of the embedded database into an empty data directory",
  usage: [
    "yizhan restore FILE [--data-dir DIR]",
    "",
    "Loads a backup made by `yizhan backup` into DIR ($YIZHAN_DATA_DIR, default ./data), which must hold no",
    "database yet (move an old one aside first) and must not be in use; then applies this version's",
    "migrations. Put the signing keys back in $YIZHAN_KEYS_DIR (default DIR/keys) to issue certificates;",
    "certificates already issued verify without them. With DATABASE_URL (PostgreSQL) use pg_restore.",
  ].join("\n"),
  async run(argv, io) {
    const args = parseEmbedded(argv, "restore", io);
    if (!args) return 2;
    const { file, dataDir } = args;
    if (!emptyOfDatabase(dataDir)) {
      io.stderr.write(
        `数据目录 ${dataDir} 已有数据库，未恢复；请先移走旧目录。 / ${dataDir} already holds a database; nothing restored. Move it aside first.\n`,
      );
      return 1;
    }
    const started = Date.now();
    const progress = progressLines(io.stderr, started);
    const size = statSync(file).size;
    progress("load", 0, size);
    const archive = backupArchive(readFileSync(file));
    mkdirSync(dataDir, { recursive: true });
    const database = await openDatabase({ dataDir, loadDataDir: archive });
    try {
      progress("load", size, size);
      progress("migrate");
      await database.migrate();
    } finally {
      await database.close();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stdout.write(`Restored ${file} into ${dataDir} (${MB(size)}, ${seconds} s).\n`);
    return 0;
  },
};
