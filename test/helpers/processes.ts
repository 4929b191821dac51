import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The `yizhan` entry script (tsx). Tests run the CLI in-process (./cli.ts); these helpers spawn it. */
export const BIN = fileURLToPath(new URL("../../bin/yizhan.js", import.meta.url));

/** Starts `yizhan start` as a child process and resolves once it prints its URL. */
export async function startServerProcess(args: string[], env: Record<string, string | undefined> = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, "start", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    // A spawned server compiles the app with tsx and opens its database: on 2 loaded cores that has
    // taken over a minute (the data-directory lock test on CI-like load), so two minutes.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    /** The server's process id. */
    pid: child.pid as number,
    output: () => output,
    /** Sends SIGTERM and resolves with the exit code. */
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}
