/**
 * `yizhan start --workers N`: several app-server processes on one machine sharing one port (node:cluster).
 * The primary migrates and seeds once, runs the background work (outbox, sweep) once, forks the
 * workers, restarts a worker that dies, and on SIGTERM stops them gracefully. Workers are stateless
 * HTTP servers: sessions live in PostgreSQL; calendars and organizations are cached per process
 * (ADR 0007 bounds the lag between them). PostgreSQL only: PGlite is one database in one process.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import pino from "pino";
import { logSerializers } from "../adapters/logging";
import type { AppContext } from "../app/context";
import {
  type BackgroundWork,
  closeYizhan,
  mergeDelayFrom,
  openYizhan,
  type StartOptions,
  startBackgroundWork,
  startYizhan,
} from "../http/start";
import type { CliEnv, CliIo, Sink } from "./io";
import { UsageError } from "./output";

/** The most workers `--workers` accepts (each holds up to 20 PostgreSQL connections). */
export const MAX_WORKERS = 64;
/** A worker that lived this long before dying is restarted after the shortest delay again. */
const STABLE_MS = 60_000;
/** Restart delays: 0.5 s, 1 s, 2 s … up to 30 s for a worker that keeps dying soon after starting. */
const RESTART_BASE_MS = 500;
const RESTART_MAX_MS = 30_000;
/** How long workers get to finish their requests on SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 30_000;

/** `--workers` / `YIZHAN_WORKERS`: a positive integer, or `auto` (one per CPU). Default 1. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === "") return 1;
  if (value === "auto") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new UsageError(`--workers: expected 1…${MAX_WORKERS} or auto, got ${value}`);
  return n;
}

/** Messages a worker sends to the primary. */
type WorkerMessage = { yizhan: "ready"; url: string };

const isReady = (m: unknown): m is WorkerMessage =>
  typeof m === "object" && m !== null && (m as { yizhan?: unknown }).yizhan === "ready";

/**
 * Runs in a forked worker: opens the database the primary prepared, serves HTTP on the shared port
 * without background work, tells the primary it is ready, and on SIGTERM finishes the requests in
 * flight and resolves 0, the worker's exit code (SIGINT is left to the primary, which sends SIGTERM).
 */
export async function runWorker(opts: StartOptions, io: CliIo): Promise<number> {
  const id = cluster.worker?.id;
  const yz = await startYizhan({ ...opts, prepared: true, background: false, workerId: id });
  const stopped = new Promise<number>((resolve, reject) => {
    let stopping = false;
    io.onStop((signal) => {
      // Ctrl-C reaches the whole process group: the primary answers it by sending SIGTERM to each worker.
      if (signal === "SIGINT" || stopping) return;
      stopping = true;
      yz.close().then(() => resolve(0), reject);
    });
  });
  process.send?.({ yizhan: "ready", url: yz.url } satisfies WorkerMessage);
  return stopped;
}

export type Primary = {
  url: string;
  ctx: AppContext;
  /** The pids of the workers running now. */
  pids(): number[];
  /** Stops the workers gracefully, then the background work and the database; resolves the exit code. */
  stop(): Promise<number>;
};

/**
 * Runs in the primary: migrates and seeds (through {@link openYizhan}), starts the background work
 * unless YIZHAN_BACKGROUND=0, forks `count` workers running the same command (`argv`) through the
 * same entry script and Node options as this process (so `bin/yizhan.js` registers tsx in each), and
 * resolves once every worker listens. A worker that dies before that fails the start; one that dies
 * later is restarted with a backoff.
 */
export async function startPrimary(
  opts: StartOptions & { workers: number; argv: string[]; env: CliEnv; logStream: Sink },
  log: (line: string) => void,
): Promise<Primary> {
  const ctx = await openYizhan({ ...opts, poolSize: 4 });
  const { env } = opts;
  const logger = pino(
    { level: opts.logLevel === "silent" ? "silent" : (opts.logLevel ?? "info"), serializers: logSerializers },
    opts.logStream,
  );
  const background: BackgroundWork | null =
    env.YIZHAN_BACKGROUND === "0" ? null : startBackgroundWork(ctx, logger, undefined, mergeDelayFrom(env));
  // Workers accept from the shared socket themselves (unless NODE_CLUSTER_SCHED_POLICY says otherwise).
  // With round-robin the primary accepts and hands each connection over IPC; at SIGTERM the ones still
  // queued in the primary were reset when the last worker closed (about 80 of 100 requests sent 20 ms
  // before SIGTERM, none with SCHED_NONE). The kernel's spread is less even (measured 60/40 on 2 workers).
  if (!env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({
    exec: process.argv[1],
    args: ["start", ...opts.argv],
    execArgv: process.execArgv,
  });

  type Slot = { worker: Worker | null; startedAt: number; failures: number; timer?: NodeJS.Timeout };
  const slots: Slot[] = Array.from({ length: opts.workers }, () => ({
    worker: null,
    startedAt: 0,
    failures: 0,
  }));
  let stopping = false;
  let started = false;
  let url = "";
  let failStart: (err: Error) => void = () => {};
  let readyCount = 0;
  let allReady: () => void = () => {};

  const fork = (slot: Slot) => {
    slot.timer = undefined;
    slot.startedAt = Date.now();
    // Workers get the command's environment (the same as the process's when run as `yizhan`).
    const worker = cluster.fork(env);
    slot.worker = worker;
    worker.on("message", (m: unknown) => {
      if (!isReady(m)) return;
      url = m.url;
      if (started) log(`Worker ${worker.id} (pid ${worker.process.pid}) ready.`);
      else if (++readyCount === slots.length) allReady();
    });
    worker.on("exit", (code, signal) => {
      slot.worker = null;
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!started) {
        failStart(
          new Error(`worker ${worker.id} (pid ${worker.process.pid}) exited with ${how} while starting`),
        );
        return;
      }
      slot.failures = Date.now() - slot.startedAt >= STABLE_MS ? 0 : slot.failures + 1;
      const delay = Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.max(0, slot.failures - 1));
      log(
        `Worker ${worker.id} (pid ${worker.process.pid}) exited unexpectedly with ${how}; restarting in ${(delay / 1000).toFixed(1)} s.`,
      );
      slot.timer = setTimeout(() => fork(slot), delay);
    });
  };

  const stopWorkers = async (): Promise<boolean> => {
    stopping = true;
    for (const slot of slots) clearTimeout(slot.timer);
    const running = slots.flatMap((s) => (s.worker && !s.worker.isDead() ? [s.worker] : []));
    let clean = true;
    await Promise.all(
      running.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              clean = false;
              log(
                `Worker ${w.id} (pid ${w.process.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s: killed.`,
              );
              w.process.kill("SIGKILL");
            }, STOP_TIMEOUT_MS);
            w.once("exit", (code) => {
              clearTimeout(timer);
              if (code !== 0) clean = false;
              resolve();
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
    return clean;
  };
  const closePrimary = async () => {
    await background?.stop();
    await closeYizhan(ctx);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      allReady = resolve;
      failStart = reject;
      for (const slot of slots) fork(slot);
    });
  } catch (err) {
    await stopWorkers();
    await closePrimary();
    throw err;
  }
  started = true;
  let stopped: Promise<number> | null = null;
  return {
    url,
    ctx,
    pids: () => slots.flatMap((s) => (s.worker?.process.pid ? [s.worker.process.pid] : [])),
    stop() {
      stopped ??= (async () => {
        const clean = await stopWorkers();
        await closePrimary();
        return clean ? 0 : 1;
      })();
      return stopped;
    },
  };
}
