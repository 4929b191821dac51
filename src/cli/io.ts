/**
 * What a `yizhan` command talks to: where it writes, the environment it reads, its standard input and
 * how it is asked to stop. `bin/yizhan.js` passes the process's own ({@link processIo}); tests pass
 * in-memory sinks and an environment of their own (test/helpers/cli.ts), so a command runs in the test
 * process exactly as it runs from a shell, without spawning one.
 */

/** Somewhere a command writes text: a stream (`process.stdout`) or anything with `write`. */
export type Sink = {
  write(chunk: string): unknown;
  /** True on a terminal: progress bars redraw in place, `calendar import` asks before saving. */
  isTTY?: boolean;
};

/** The environment a command reads (DATABASE_URL, YIZHAN_DATA_DIR, PORT, YIZHAN_KEYS_DIR …). */
export type CliEnv = Readonly<Record<string, string | undefined>>;

/** How a long-running command is asked to stop. */
export type StopSignal = "SIGTERM" | "SIGINT";

export type CliIo = {
  stdout: Sink;
  stderr: Sink;
  env: CliEnv;
  /** Standard input (`--password -`, the confirmation of `calendar import`); absent: empty, not a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Registers what `start` does when asked to stop. The process's io calls it on SIGTERM and SIGINT;
   * registering replaces the default (the process is not killed by the signal any more).
   */
  onStop(handler: (signal: StopSignal) => void): void;
};

/** The io of the `yizhan` process itself: its stdout, stderr, stdin, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
    onStop(handler) {
      process.on("SIGTERM", () => handler("SIGTERM"));
      process.on("SIGINT", () => handler("SIGINT"));
    },
  };
}

/** Reads all of standard input as UTF-8 (nothing when there is none). */
export async function readAll(stdin: CliIo["stdin"]): Promise<string> {
  if (!stdin) return "";
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
