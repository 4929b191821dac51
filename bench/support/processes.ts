/**
 * What the HTTP benchmarks share: a server started as its own process (the load generator must not share
 * its event loop), its CPU and resident memory read from /proc (Linux), a signed-in session, percentiles,
 * and a fresh PostgreSQL database per run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

export const PG_BASE =
  process.env.PGURL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of database `name` on the benchmark's PostgreSQL server. */
export function withDb(name: string): string {
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function adminSql(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The p-th percentile (nearest rank) of `xs`. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The median of `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The fields of `/proc/<pid>/stat` after the command name (state [0], ppid [1], utime [11], stime [12]). */
function procStat(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
}

/** The children of `pid` running now (the workers of `--workers N`). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(procStat(entry)[1]) === pid) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU seconds (user + system) used so far by `pid` and its running children. */
export function processCpuSeconds(pid: number): number {
  const cpu = (f: string[]) => (Number(f[11]) + Number(f[12])) / 100;
  let total = cpu(procStat(pid));
  for (const child of childPids(pid)) {
    try {
      total += cpu(procStat(child));
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/** Resident memory (VmRSS) of one process, in bytes. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

export type Spawned = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** performance.now() when it was spawned. */
  spawnedAt: number;
  stop(): Promise<void>;
};

/**
 * Spawns `node args…` and resolves when its stdout says `running at <url>` (what `yizhan start` and
 * bench/support/bpmnServer.ts print).
 */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Promise<Spawned> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid as number,
    child,
    spawnedAt,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        if (child.exitCode !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * `yizhan start` on `databaseUrl` as an API server (background work elsewhere unless
 * BENCH_BACKGROUND=1), `workers` processes. BENCH_SERVER_PROFILE=DIR writes a V8 CPU profile of the
 * server process there when it stops (open it in Chrome DevTools, or sum it by module). `dir`: the
 * checkout to run (another one measured in the same run: BENCH_BASELINE_DIR).
 */
export function startYizhanProcess(databaseUrl: string, workers = 1, dir = process.cwd()): Promise<Spawned> {
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  return spawnServer(
    [
      ...profile,
      "bin/yizhan.js",
      "start",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--log-level",
      "warn",
      ...(workers > 1 ? ["--workers", String(workers)] : []),
    ],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      YIZHAN_DEMO: "0",
      YIZHAN_WORKERS: undefined,
      YIZHAN_BACKGROUND: process.env.BENCH_BACKGROUND === "1" ? "1" : "0",
    },
    dir,
  );
}

export type Session = { cookie: string; csrf: string };

/** Signs in a demo account (password demo1234). */
export async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo1234" }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { csrfToken: string } };
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrf: body.user.csrfToken };
}

/** Runs `count` jobs on `concurrency` clients; each job is given its index. Returns elapsed seconds. */
export async function runClients(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}
