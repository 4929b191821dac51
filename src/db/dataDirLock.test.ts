import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir } from "./dataDirLock";

const root = mkdtempSync(join(tmpdir(), "yizhan-lock-unit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deadPid = () =>
  Number(
    spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" })
      .stdout,
  );

describe("lockDataDir", () => {
  it("holds the directory until released; a second opener is refused with the holder's pid", async () => {
    const dir = join(root, "a");
    const lock = await lockDataDir(dir, "yizhan start");
    const err = await lockDataDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).holder?.pid).toBe(process.pid);
    expect((err as DataDirLockedError).exitCode).toBe(75);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    (await lockDataDir(dir)).release();
  });

  it("two openers taking over one stale lock at once: exactly one wins", async () => {
    const dir = join(root, "b");
    (await lockDataDir(dir)).release();
    const stale = {
      pid: deadPid(),
      host: hostname(),
      bootId: null,
      startTicks: null,
      command: "x",
      startedAt: "",
      token: "t",
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir), lockDataDir(dir)]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual([expect.any(DataDirLockedError), expect.any(DataDirLockedError)]);
    expect(existsSync(join(dir, `${LOCK_FILE}.takeover`))).toBe(false);
    (won[0] as PromiseFulfilledResult<{ release(): void }>).value.release();
  });

  it("a released lock never removes the lock another process took over meanwhile", async () => {
    const dir = join(root, "c");
    const mine = await lockDataDir(dir);
    const theirs = {
      pid: 1,
      host: "h",
      bootId: null,
      startTicks: null,
      command: "x",
      startedAt: "",
      token: "other",
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(theirs));
    mine.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).token).toBe("other");
  });
});
