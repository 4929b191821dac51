import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/db/dataDirLock";
import { loadSnapshotInto, runCliInProcess } from "../helpers/cli";
import { startServerProcess } from "../helpers/processes";

// The embedded database's data directory is one process's at a time (issue 11, point 12). The holder
// is a real `yizhan start` process (the one spawned process here: the lock is between processes); the
// commands it refuses run in the test process, which is a second process on the same directory.
// PostgreSQL needs no lock (it is a server), so these tests always run on PGlite, whatever
// DATABASE_URL says.
const dir = mkdtempSync(join(tmpdir(), "yizhan-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const envFor = (dataDir: string) => ({ DATABASE_URL: undefined, YIZHAN_DATA_DIR: dataDir });
const bootId = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();

/** The pid of a process that has exited (nothing runs under it now). */
function deadPid(): number {
  const res = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(res.stdout);
}

describe("the PGlite data directory lock", () => {
  it("refuses a second server, `user add` and `migrate` while a server holds the directory, naming it and the pid", async () => {
    const data = join(dir, "two-servers");
    await loadSnapshotInto(data);
    const env = envFor(data);
    const first = await startServerProcess(["--port", "0", "--host", "127.0.0.1", "--no-demo"], env);
    try {
      const second = await runCliInProcess(["start", "--port", "0", "--host", "127.0.0.1", "--no-demo"], env);
      expect(second.code).toBe(75);
      expect(second.stderr).toContain(`The data directory ${data} is in use by pid ${first.pid}`);
      expect(second.stderr).toContain(`数据目录 ${data} 正被进程 ${first.pid}`);
      expect(second.stderr).toContain("yizhan start");
      expect(second.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(second.stdout).not.toContain("running at");

      const add = await runCliInProcess(
        [
          "user",
          "add",
          "--username",
          "clerk-lock",
          "--name",
          "窗口",
          "--password",
          "-",
          "--role",
          "clerk@HY-ZRZY-WIN",
        ],
        env,
        "secret-pass-1\n",
      );
      expect(add.code).toBe(75);
      expect(add.stderr).toContain(`pid ${first.pid}`);
      expect((await runCliInProcess(["migrate"], env)).code).toBe(75);
      expect(
        (await runCliInProcess(["calendar", "import", "seed/calendar/example-2027.txt"], env)).code,
      ).toBe(75);
      // The running server is unharmed: it still answers.
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // Stopped cleanly, the server released the directory: the same commands now go through.
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
    expect((await runCliInProcess(["migrate"], env)).code).toBe(0);
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
  }, 240_000);

  it("takes over the stale lock of a process that died (and one whose pid now belongs to another process)", async () => {
    const data = join(dir, "stale");
    await loadSnapshotInto(data);
    mkdirSync(data, { recursive: true });
    const lock = join(data, LOCK_FILE);
    const stale = (pid: number, startTicks: number | null) =>
      writeFileSync(
        lock,
        JSON.stringify({
          pid,
          host: hostname(),
          bootId: bootId(),
          startTicks,
          command: "yizhan start",
          startedAt: "2026-11-24T01:00:00.000Z",
          token: "dead",
        }),
      );
    stale(deadPid(), null);
    const migrated = await runCliInProcess(["migrate"], envFor(data));
    expect(migrated.stderr).toBe("");
    expect(migrated.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // A live pid started at another time than the lock says: the pid was reused, the holder is gone.
    stale(process.pid, 1);
    expect((await runCliInProcess(["migrate"], envFor(data))).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 180_000);

  it("refuses a lock held by a live process, and one written on another host it cannot check", async () => {
    const data = join(dir, "held");
    mkdirSync(data, { recursive: true });
    const lock = join(data, LOCK_FILE);
    const holder = {
      bootId: bootId(),
      startTicks: null,
      command: "yizhan start",
      startedAt: "2026-11-24T01:00:00.000Z",
      token: "x",
    };
    writeFileSync(lock, JSON.stringify({ ...holder, pid: process.pid, host: hostname() }));
    const live = await runCliInProcess(["migrate"], envFor(data));
    expect(live.code).toBe(75);
    expect(live.stderr).toContain(`pid ${process.pid}`);
    writeFileSync(lock, JSON.stringify({ ...holder, pid: 4_000_000, host: "other-host" }));
    const foreign = await runCliInProcess(["migrate"], envFor(data));
    expect(foreign.code).toBe(75);
    expect(foreign.stderr).toContain("pid 4000000 on host other-host");
    expect(foreign.stderr).toContain(`delete ${lock}`);
    // Refused commands leave the holder's lock as it was.
    expect(JSON.parse(readFileSync(lock, "utf8")).host).toBe("other-host");
  }, 60_000);
});
