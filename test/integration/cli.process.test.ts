import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/processes";

// The real `yizhan` binary, as a shell runs it. Every other CLI test calls `main(argv, io)` in the test
// process (test/helpers/cli.ts); these two check what only a process has: the entry script, the exit
// code, and output that drains through a pipe (and a reader that closes it early).
const dir = mkdtempSync(join(tmpdir(), "yizhan-bin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sh = (cmd: string) =>
  spawnSync("sh", ["-c", cmd], {
    env: { ...process.env, YIZHAN_DATA_DIR: join(dir, "none"), DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
const yizhan = `"${process.execPath}" "${BIN}"`;

describe("the yizhan binary", { timeout: 120_000 }, () => {
  it("prints its help and exits 0", () => {
    const res = sh(`${yizhan} --help; echo "exit $?"`);
    expect(res.stdout).toContain("Usage: yizhan <command> [options]");
    expect(res.stdout).toMatch(/\nexit 0\n$/);
  });

  it("delivers all of a large output through a slow pipe, and stops quietly when the reader closes it", () => {
    // 20 years of days: 139 KB, more than a pipe buffers (64 KiB), to a reader that starts late.
    const all = sh(`${yizhan} calendar days --from 2007-01-01 --to 2026-12-31 | (sleep 1; wc -l)`);
    expect(all.stdout.trim()).toBe("7305");
    const first = sh(`${yizhan} calendar days --from 2007-01-01 --to 2026-12-31 | head -n 1`);
    expect(first.stdout).toBe("2007-01-01 restday\n");
    expect(first.stderr).toBe("");
  });
});
