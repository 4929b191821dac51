import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../helpers/cli";
import { startServerProcess } from "../helpers/processes";
import { adminQuery, withDatabase } from "../setup/testDatabase";

// `yizhan start --workers N`: several processes on one PostgreSQL database. PGlite is one embedded
// database in one process, so on PGlite only the refusal is tested.
const serverUrl = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "yizhan-workers-"));
const dbName = `yz_workers_${process.pid}`;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * How many new connections to try before concluding that one worker never gets any: the kernel deals
 * connections out unevenly (SCHED_NONE), more so on a loaded machine; the loops stop at both seen.
 */
const ATTEMPTS = 200;

/**
 * One request on a connection of its own (no keep-alive), so the cluster may hand it to any worker.
 * `onSent` is called once the request is written to its connected socket.
 */
function get(url: string, headers: Record<string, string> = {}, onSent?: () => void) {
  return new Promise<{ status: number; worker: string; body: string }>((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, worker: String(res.headers["x-yizhan-worker"]), body }),
      );
    });
    req.on("error", reject);
    if (onSent) req.on("finish", onSent);
    req.end();
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("yizhan start --workers without PostgreSQL", () => {
  it("refuses with exit code 2 and says why", async () => {
    const env = { DATABASE_URL: undefined, YIZHAN_DATA_DIR: join(dir, "data") };
    const flag = await runCliInProcess(["start", "--workers", "2", "--port", "0"], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--workers 2 needs PostgreSQL (set DATABASE_URL)");
    const fromEnv = await runCliInProcess(["start", "--port", "0"], { ...env, YIZHAN_WORKERS: "3" });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain("--workers 3 needs PostgreSQL");
    const bad = await runCliInProcess(["start", "--workers", "0"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--workers: expected 1…64 or auto, got 0");
  });
});

describe.skipIf(!serverUrl)(
  "yizhan start --workers 2 on PostgreSQL (skipped on PGlite: one process only)",
  () => {
    const env = {
      DATABASE_URL: serverUrl ? withDatabase(serverUrl, dbName) : undefined,
      YIZHAN_WORKERS: undefined,
    };
    beforeAll(async () => {
      if (serverUrl) await adminQuery(serverUrl, `CREATE DATABASE ${dbName}`);
    });
    afterAll(async () => {
      if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    });

    it("serves from two workers sharing sessions, restarts a dead worker, and stops on SIGTERM", async () => {
      const server = await startServerProcess(
        ["--workers", "2", "--port", "0", "--host", "127.0.0.1", "--demo", "--log-level", "warn"],
        env,
      );
      let stopped = false;
      try {
        const banner = server.output();
        expect(banner.match(/running at/g)).toHaveLength(1);
        expect(banner.match(/Demo accounts/g)).toHaveLength(1);
        const pids = /2 workers \(pids (\d+), (\d+)\); primary pid (\d+) runs the background work/.exec(
          banner,
        );
        expect(pids).not.toBeNull();
        const [workerA, workerB] = [Number(pids?.[1]), Number(pids?.[2])];

        // New connections are dealt out to both workers.
        const seen = new Set<string>();
        for (let i = 0; i < ATTEMPTS && seen.size < 2; i++) {
          const res = await get(`${server.url}/healthz`);
          expect(res.status).toBe(200);
          seen.add(res.worker);
        }
        expect(seen.size).toBe(2);

        // A session made through one worker works on the other: sessions live in the database.
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "clerk", password: "demo1234" }),
        });
        expect(login.status).toBe(200);
        const loggedInBy = login.headers.get("x-yizhan-worker");
        const cookie = login.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const answeredBy = new Set<string>();
        for (let i = 0; i < ATTEMPTS && answeredBy.size < 2; i++) {
          const me = await get(`${server.url}/api/auth/me`, { cookie });
          expect(me.status).toBe(200);
          expect(JSON.parse(me.body).username).toBe("clerk");
          answeredBy.add(me.worker);
        }
        expect(answeredBy.size).toBe(2);
        expect(answeredBy.has(String(loggedInBy))).toBe(true);

        // ADR 0007 across workers: a calendar change is exact at once in the worker that made it, and
        // reaches the other worker within CALENDAR_RECHECK_MS (1 s).
        const addDays = `${server.url}/api/calendar/add?from=2026-12-01&days=3&org=HY-ZRZY-GH`;
        const dateBy = async () => {
          const by = new Map<string, string>();
          for (let i = 0; i < ATTEMPTS && by.size < 2; i++) {
            const res = await get(addDays);
            by.set(res.worker, JSON.parse(res.body).date);
          }
          return by;
        };
        expect([...(await dateBy()).values()]).toEqual(["2026-12-04", "2026-12-04"]);
        const admin = await fetch(`${server.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "admin", password: "demo1234" }),
        });
        const { user } = (await admin.json()) as { user: { csrfToken: string } };
        const closure = await fetch(`${server.url}/api/calendar/overrides`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-csrf-token": user.csrfToken,
            cookie: admin.headers
              .getSetCookie()
              .map((c) => c.split(";")[0])
              .join("; "),
          },
          body: JSON.stringify({
            org: "HY-ZRZY",
            date: "2026-12-03",
            kind: "closed",
            reason: "暴雪停止办公",
          }),
        });
        expect(closure.status).toBe(201);
        const writer = String(closure.headers.get("x-yizhan-worker"));
        expect((await dateBy()).get(writer)).toBe("2026-12-07");
        await new Promise((r) => setTimeout(r, 1_100));
        expect([...(await dateBy()).values()]).toEqual(["2026-12-07", "2026-12-07"]);

        // A worker that dies is replaced; the service keeps answering.
        process.kill(workerA, "SIGKILL");
        const deadline = Date.now() + 20_000;
        while (!/Worker \d+ \(pid \d+\) ready/.test(server.output()) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 100));
        expect(server.output()).toMatch(/exited unexpectedly with signal SIGKILL; restarting in 0\.5 s/);
        const replaced = /Worker (\d+) \(pid (\d+)\) ready/.exec(server.output());
        expect(replaced).not.toBeNull();
        const workerC = Number(replaced?.[2]);
        const after = new Set<string>();
        for (let i = 0; i < ATTEMPTS && after.size < 2; i++)
          after.add((await get(`${server.url}/healthz`)).worker);
        expect(after.size).toBe(2);
        expect(after.has(String(replaced?.[1]))).toBe(true);

        // SIGTERM: requests in flight are answered, then every process ends.
        // In flight means sent: SIGTERM goes once every request is on its connection (a fixed wait
        // was too short on a loaded machine, and requests not yet sent were refused, rightly).
        const sent: Promise<void>[] = [];
        const inFlight = Array.from({ length: 40 }, () => {
          let markSent = () => {};
          sent.push(new Promise<void>((r) => (markSent = r)));
          return get(
            `${server.url}/api/calendar/days?from=2026-01-01&to=2027-01-31&org=HY-ZRZY-GH`,
            {},
            markSent,
          ).then(
            (r) => r.status,
            (e: Error) => e.message,
          );
        });
        await Promise.all(sent);
        // Sent is not yet received: give the workers time to read the requests off their sockets
        // (40 at once on 2 loaded cores), so SIGTERM finds them in flight, not waiting to be read.
        await new Promise((r) => setTimeout(r, 1000));
        stopped = true;
        expect(await server.stop()).toBe(0);
        expect(new Set(await Promise.all(inFlight))).toEqual(new Set([200]));
        expect(server.output()).toContain("Stopped cleanly.");
        expect(alive(workerB)).toBe(false);
        expect(alive(workerC)).toBe(false);
      } finally {
        if (!stopped) await server.stop();
      }
    }, 90_000);
  },
);
