import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { inject } from "vitest";
import type { CliEnv, CliIo, Sink, StopSignal } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { openDatabase } from "../../src/db/client";
import { adminQuery, withDatabase } from "../setup/testDatabase";

/**
 * The environment a command sees: this process's, with `env` laid over it (`undefined` removes a
 * variable) — what a spawned `yizhan` would have inherited.
 */
function environment(env: Record<string, string | undefined>): CliEnv {
  const merged: Record<string, string | undefined> = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

/** A sink that keeps what is written to it. */
function memorySink(): Sink & { text(): string } {
  const chunks: string[] = [];
  return {
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(""),
  };
}

/**
 * Runs `yizhan ARGV` in this process — `main(argv, io)` with in-memory stdout and stderr, `env` over
 * this process's environment, and `input` as standard input — and returns the exit code and output,
 * as a spawned `yizhan` would. A `start` that gets as far as serving is stopped at once (as by SIGTERM);
 * use {@link startServerInProcess} for a server that keeps running.
 */
export async function runCliInProcess(
  argv: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = memorySink();
  const stderr = memorySink();
  const io: CliIo = {
    stdout,
    stderr,
    env: environment(env),
    stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
    onStop: (handler) => queueMicrotask(() => handler("SIGTERM")),
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs `yizhan start ARGS` in this process and resolves once it prints its URL. `stop()` asks it to
 * stop as SIGTERM would and resolves the code `start` returns (what the process would exit with).
 */
export async function startServerInProcess(args: string[], env: Record<string, string | undefined> = {}) {
  let output = "";
  let onUrl: (url: string) => void = () => {};
  const sink: Sink = {
    write(chunk: string) {
      output += chunk;
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) onUrl(m[1]);
      return true;
    },
  };
  let stopHandler: ((signal: StopSignal) => void) | null = null;
  const io: CliIo = {
    stdout: sink,
    stderr: sink,
    env: environment(env),
    onStop: (handler) => {
      stopHandler = handler;
    },
  };
  const ended = main(["start", ...args], io);
  const url = await new Promise<string>((resolve, reject) => {
    onUrl = resolve;
    ended.then((code) => reject(new Error(`yizhan start ended with ${code}:\n${output}`)), reject);
  });
  return {
    url,
    output: () => output,
    /** Stops the server as SIGTERM does; resolves the exit code. */
    stop: (): Promise<number> => {
      (stopHandler as ((signal: StopSignal) => void) | null)?.("SIGTERM");
      return ended;
    },
  };
}

/**
 * A database for CLI tests that are not about migrating a fresh one, as the environment that points a
 * command at it: a copy of the run's migrated demo database (test/setup/globalSetup.ts) — a PGlite data
 * directory loaded from its snapshot (YIZHAN_DATA_DIR), or, with DATABASE_URL, a PostgreSQL database
 * created from its template. `drop()` removes it.
 */
export async function cliDatabase(): Promise<{
  env: Record<string, string | undefined>;
  drop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `yz_cli_${randomBytes(6).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    return {
      env: { DATABASE_URL: withDatabase(url, name), YIZHAN_DATA_DIR: undefined },
      drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "yizhan-cli-db-"));
  const dataDir = join(dir, "data");
  await loadSnapshotInto(dataDir);
  return {
    env: { DATABASE_URL: undefined, YIZHAN_DATA_DIR: dataDir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Makes `dataDir` a PGlite data directory holding a copy of the run's migrated demo database. A run on
 * PostgreSQL has no snapshot (globalSetup makes a template instead): `dataDir` is left for the
 * command to create and migrate.
 */
export async function loadSnapshotInto(dataDir: string): Promise<void> {
  const file = inject("pgliteSnapshot");
  if (!file) return;
  await (await openDatabase({ dataDir, loadDataDir: new Blob([await readFile(file)]) })).close();
}
