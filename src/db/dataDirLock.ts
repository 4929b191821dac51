/**
 * The lock of an embedded (PGlite) data directory: one process at a time. PGlite is PostgreSQL
 * compiled to WebAssembly running inside the process that opened it; a second process opening the same
 * directory gets a second, private copy of the database in memory, and whichever closes last
 * overwrites the other's writes (two servers issued the same case number; one's cases vanished after a
 * restart). PostgreSQL refuses a second postmaster with `postmaster.pid`; this is Yizhan's equivalent.
 *
 * The lock is a file `yizhan.lock` in the data directory, created atomically (`O_EXCL`), holding the
 * pid of the process, its start time (Linux: `/proc/<pid>/stat`), the boot id and the host name. A lock
 * whose process is gone — killed, machine rebooted, pid reused by another program — is stale and is
 * taken over; a live holder's lock is refused with {@link DataDirLockedError}.
 */
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join, resolve } from "node:path";

export const LOCK_FILE = "yizhan.lock";
/** Exit code of a CLI command refused because the data directory is locked (sysexits EX_TEMPFAIL). */
export const EXIT_LOCKED = 75;

/** What a lock file says about its holder. */
export type LockHolder = {
  pid: number;
  host: string;
  /** Linux boot id: a lock written before the last reboot is stale whatever its pid. */
  bootId: string | null;
  /** Start time of the holder (clock ticks since boot, `/proc/<pid>/stat` field 22): detects pid reuse. */
  startTicks: number | null;
  /** What the holder runs (`yizhan start`, `yizhan user add` …). */
  command: string;
  startedAt: string;
  token: string;
};

/** A held lock; `release()` removes the file (idempotent; also done at process exit). */
export type DataDirLock = { dir: string; file: string; holder: LockHolder; release(): void };

/** The data directory is held by another live process. */
export class DataDirLockedError extends Error {
  readonly code = "data_dir_locked";
  readonly exitCode = EXIT_LOCKED;
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
    reason: "live" | "foreign_host" | "busy",
  ) {
    const who = holder
      ? `pid ${holder.pid}${holder.host !== hostname() ? ` on host ${holder.host}` : ""} (${holder.command}, since ${holder.startedAt})`
      : "another process";
    const whoZh = holder
      ? `进程 ${holder.pid}${holder.host !== hostname() ? `（主机 ${holder.host}）` : ""}（${holder.command}，${holder.startedAt} 起）`
      : "另一个进程";
    const hint =
      reason === "foreign_host"
        ? `It was locked on another host and cannot be checked from here; if no Yizhan runs there, delete ${join(dir, LOCK_FILE)}.`
        : "Stop that process first (a running server takes the change through its API or web pages), or use PostgreSQL (DATABASE_URL) to share one database between processes.";
    super(
      `数据目录 ${dir} 正被${whoZh}使用，已拒绝（同一数据目录只能由一个进程打开）。 / ` +
        `The data directory ${dir} is in use by ${who}; refused, since an embedded database can be open in one process only. ${hint}`,
    );
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The current boot id (Linux), or null. */
function bootId(): string | null {
  return readOrNull("/proc/sys/kernel/random/boot_id")?.trim() || null;
}

/** A process's start time in clock ticks since boot (Linux), or null when unknown. */
export function processStartTicks(pid: number): number | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 (the command) is in parentheses and may contain spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}

/** True when a process with `pid` exists (EPERM: it exists, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string | null): LockHolder | null {
  if (!text) return null;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === "number" && Number.isInteger(h.pid) && h.pid > 0 ? (h as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the holder of a lock is still running: `stale` when the machine rebooted since, the pid is
 * gone, or the pid now belongs to a process started at another time; `foreign_host` when it was
 * written on another host of the same boot (a container sharing the volume) and cannot be checked.
 */
export function holderState(h: LockHolder): "live" | "stale" | "foreign_host" {
  const boot = bootId();
  if (h.bootId && boot && h.bootId !== boot) return "stale";
  if (h.host !== hostname()) return "foreign_host";
  if (!alive(h.pid)) return "stale";
  const ticks = processStartTicks(h.pid);
  if (h.startTicks !== null && ticks !== null && ticks !== h.startTicks) return "stale";
  return "live";
}

/** Creates `path` exclusively with `text`; false when it exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** An unparsable lock file older than 2 s: its writer died before writing it. */
function unreadableAndOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 2000;
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock of the PGlite data directory `dir` for this process, or throws
 * {@link DataDirLockedError} naming the directory and the holder's pid. A stale lock (dead holder) is
 * taken over; two processes taking over the same stale lock at once are serialized by a second,
 * short-lived file (`yizhan.lock.takeover`), so exactly one of them wins.
 */
export async function lockDataDir(dir: string, command = processCommand()): Promise<DataDirLock> {
  const abs = resolve(dir);
  const file = join(abs, LOCK_FILE);
  const guard = `${file}.takeover`;
  mkdirSync(abs, { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    startTicks: processStartTicks(process.pid),
    command,
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, text)) return held(abs, file, holder);
    const current = parseHolder(readOrNull(file));
    if (current) {
      const state = holderState(current);
      if (state !== "stale") throw new DataDirLockedError(abs, current, state);
    } else if (!unreadableAndOld(file)) {
      // Just created by another process that has not written it yet: look again in a moment.
      await sleep(20);
      continue;
    }
    // Stale (or unreadable: a holder that died between creating and writing it). Take it over under
    // the guard, re-reading the lock so that one written meanwhile by a live process is respected.
    if (createExclusive(guard, text)) {
      try {
        const again = readOrNull(file);
        const h = parseHolder(again);
        if (again === null || (h ? holderState(h) === "stale" : unreadableAndOld(file))) {
          if (again !== null) unlinkQuietly(file);
          if (createExclusive(file, text)) return held(abs, file, holder);
        }
      } finally {
        unlinkQuietly(guard);
      }
    } else {
      // Someone else is taking over; a guard left by a process that died is stale after a while.
      const g = parseHolder(readOrNull(guard));
      if (g && holderState(g) === "stale") unlinkQuietly(guard);
      await sleep(20 + Math.random() * 30);
    }
  }
  throw new DataDirLockedError(abs, parseHolder(readOrNull(file)), "busy");
}

function held(dir: string, file: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    // Only our own lock: never remove one another process took over (after ours was judged stale).
    if (parseHolder(readOrNull(file))?.token === holder.token) unlinkQuietly(file);
  };
  process.on("exit", release);
  return { dir, file, holder, release };
}

/** `yizhan <command> <subcommand>` of this process, for the message another process shows. */
function processCommand(): string {
  const [, script = "", command, sub] = process.argv;
  if (!/yizhan(\.js)?$/.test(script)) return `node ${basename(script)}`.trim();
  return ["yizhan", command, sub && !sub.startsWith("-") ? sub : undefined].filter(Boolean).join(" ");
}
