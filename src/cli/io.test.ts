import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIo } from "./io";
import { main } from "./main";

const CLI_DIR = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

/** An io whose output is kept, with `env` as the whole environment. */
function memoryIo(env: Record<string, string>) {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    onStop: () => {},
  };
  return { io, out: () => out, err: () => err };
}

describe("the CLI's io", () => {
  it("is the only way commands reach the process: no process.env/stdout/stderr/stdin outside io.ts and run.ts", () => {
    const offenders = sources(CLI_DIR)
      .filter((f) => !["io.ts", "run.ts"].includes(relative(CLI_DIR, f)))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .flatMap((line, i) =>
            /process\.(env|stdout|stderr|stdin)\b/.test(line)
              ? [`${relative(CLI_DIR, f)}:${i + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  it("writes to the io it is given and reads the environment from it", async () => {
    const help = memoryIo({});
    expect(await main(["--help"], help.io)).toBe(0);
    expect(help.out()).toContain("Usage: yizhan <command> [options]");
    expect(help.err()).toBe("");
    // The keys directory comes from io.env, whatever this process's environment says.
    const missing = join(CLI_DIR, "no-such-keys-dir");
    const keys = memoryIo({ YIZHAN_KEYS_DIR: missing });
    expect(await main(["keys", "list"], keys.io)).toBe(1);
    expect(keys.out()).toBe("");
    expect(keys.err()).toContain(`No key store in ${missing} (no keys.json)`);
  });
});
