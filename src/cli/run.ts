/**
 * The `yizhan` process: `bin/yizhan.js` calls {@link runProcess}. Everything that belongs to the
 * process rather than to a command lives here — closed pipes, draining output before exiting, the exit
 * code. The commands themselves ({@link main}) write to the io they are given and never end the process.
 */
import { processIo } from "./io";
import { main } from "./main";

/**
 * Resolves once everything written to `stream` so far has been handed to the operating system. A pipe
 * (`yizhan … | wc -l`) is written asynchronously: exiting before this loses what is still buffered.
 */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    stream.write("", () => resolve());
  });
}

/**
 * Ends the process with `code` after stdout and stderr have drained — the one way every subcommand
 * ends (never `process.exit` straight after a write: piped output would be cut at 64 KiB).
 */
export async function exitWhenFlushed(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** A reader that stops early (`yizhan … | head`) closes the pipe: stop quietly instead of crashing on EPIPE. */
export function tolerateClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      stream.destroy();
    });
  }
}

/**
 * Runs `yizhan` with the process's arguments, streams, environment and signals, and exits with the
 * command's code once its output has drained (`start` returns when it has been stopped by a signal).
 */
export async function runProcess(): Promise<void> {
  tolerateClosedPipes();
  const code = await main(process.argv.slice(2), processIo());
  await exitWhenFlushed(code);
}
