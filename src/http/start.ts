import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { notifyChannelsFromEnv } from "../adapters/notify/fromEnv";
import { loadPiiKeyring, setPiiKeyring } from "../adapters/pii/keyring";
import { defaultKeysDir } from "../adapters/signing";
import { DatabaseStorage } from "../adapters/storage/databaseStorage";
import { type FileStorage, legacyDiskStorage } from "../adapters/storage/storage";
import { catalogSynonyms } from "../app/catalog/synonyms";
import {
  type AppContext,
  type Config,
  defaultConfig,
  normalizePublicUrl,
  parseTrustProxy,
  secureCookiesFor,
} from "../app/context";
import { seedDemoEvaluations } from "../app/evaluations/demoRatings";
import { defaultOutboxHandlers } from "../app/notifications/notify";
import { encryptPlaintextPersonalData } from "../app/pii/rewrite";
import { seedPolicyLibrary } from "../app/policyLibrary/seed";
import { isDemoSeeded, type Progress, seedDemo } from "../app/seed/demo";
import { generateHistory, type HistoryOptions, settleInterruptedHistory } from "../app/seed/history";
import { seedDemoStaff } from "../app/staff/demo";
import { runSweep } from "../app/sweep/runSweep";
import { seedDemoTraining } from "../app/training/demo";
import { DEFAULT_BATCH, integrateTransparencyLog } from "../app/transparency/sequencer";
import { serveBackups } from "../db/backup";
import { type Database, openDatabase } from "../db/client";
import { startOutboxWorker } from "../jobs/outbox";
import { startRepeating } from "../jobs/repeat";
import { startSweeper } from "../jobs/sweeper";
import { type Clock, systemClock } from "../shared/clock";
import { buildServer } from "./server";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

export type StartOptions = {
  port?: number;
  host?: string;
  /** PGlite data directory (default `./data`, or `YIZHAN_DATA_DIR`). Ignored with `databaseUrl`. */
  dataDir?: string;
  /** PostgreSQL URL: the production path. */
  databaseUrl?: string;
  /** Load the demo county bureau and demo accounts on first start. */
  demo?: boolean;
  /**
   * With `demo`: generate the demo history (src/app/seed/history.ts) in the background once the server
   * listens, when the database has none; the periodic sweep waits for it. Off unless given (tests and
   * the e2e setup never pay for it); `yizhan start --demo` turns it on (ADR 0013).
   */
  demoHistory?: Omit<HistoryOptions, "shouldStop" | "until">;
  logLevel?: string;
  webDir?: string;
  clock?: Clock;
  config?: Partial<Config>;
  onProgress?: Progress;
  /**
   * Run the outbox worker, the sweep and the transparency log's sequencer in this process (default: yes,
   * unless YIZHAN_BACKGROUND=0).
   */
  background?: boolean;
  /** The transparency log's maximum merge delay in ms (default `YIZHAN_LOG_MERGE_DELAY_MS`, else 2000). */
  logMergeDelayMs?: number;
  /**
   * The database was migrated and seeded by another process (the primary of `yizhan start --workers`):
   * open it, do not migrate or seed.
   */
  prepared?: boolean;
  /** PostgreSQL connections this process may hold (default 20). */
  poolSize?: number;
  /** A cluster worker's id: every response carries it as `x-yizhan-worker`. */
  workerId?: number;
  /**
   * The public address of the deployment (the CLI passes `--public-url` or `$YIZHAN_PUBLIC_URL`).
   * Default `http://localhost:<port>`, the port the server really listens on.
   */
  publicUrl?: string;
  /**
   * The environment the server's settings come from (YIZHAN_DATA_DIR, YIZHAN_FILES_DIR, YIZHAN_KEYS_DIR,
   * SMTP_URL …, YIZHAN_BACKGROUND). Default `process.env`; the CLI passes the environment of its io.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the request log goes (default: the process's stdout). */
  logStream?: { write(line: string): unknown };
};

export type RunningYizhan = {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
};

/**
 * Opens the database (PGlite or PostgreSQL), applies migrations and loads the demo data when asked
 * and not yet loaded (unless `prepared`), and returns the application context.
 */
export async function openYizhan(opts: StartOptions = {}): Promise<AppContext> {
  const env = opts.env ?? process.env;
  // The guide search's synonym list, read now: a broken file stops the start, not a search.
  catalogSynonyms();
  const dataDir = opts.databaseUrl ? undefined : (opts.dataDir ?? env.YIZHAN_DATA_DIR ?? "./data");
  if (dataDir && !dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir, poolSize: opts.poolSize });
  if (!opts.prepared) await database.migrate();
  const localDir = dataDir && !dataDir.startsWith("memory://") ? dataDir : (env.YIZHAN_DATA_DIR ?? "./data");
  const publicUrl = normalizePublicUrl(
    opts.publicUrl ?? opts.config?.publicUrl ?? `http://localhost:${opts.port || 3000}`,
  );
  const clock = opts.clock ?? systemClock;
  const ctx: AppContext = {
    database,
    clock,
    storage: serverFileStorage(database, localDir, env, clock),
    config: {
      ...defaultConfig,
      demo: !!opts.demo,
      keysDir: defaultKeysDir(env),
      secureCookies: secureCookiesFor(env.YIZHAN_COOKIE_SECURE, publicUrl),
      trustProxy: parseTrustProxy(env.YIZHAN_TRUST_PROXY),
      ...opts.config,
      publicUrl,
    },
    notify: notifyChannelsFromEnv(env, resolve(localDir)),
  };
  // Who this server is among those on the database: a killed server's claims (idempotency keys, outbox
  // messages) are taken over at once by the others, or by itself started again.
  ctx.instance = await database.instance();
  // Personal data at rest (ADR 0016): the keyring beside the signing keys (created on first start) or
  // from the environment; values an older version wrote in plaintext are encrypted now.
  setPiiKeyring(loadPiiKeyring(ctx.config.keysDir ?? defaultKeysDir(env), env));
  if (!opts.prepared) await encryptPlaintextPersonalData(database.db);
  if (!opts.prepared && opts.demo && !(await isDemoSeeded(database.db))) {
    await seedDemo(database.db, opts.onProgress);
    // A few months of 好差评 on demo cases, so the published figures are filled (docs/evaluations.md).
    await seedDemoEvaluations(ctx);
  }
  // Four past study sessions with attendance (教育培训, docs/training.md); idempotent, so a demo
  // database seeded before training existed gets them too.
  if (!opts.prepared && opts.demo) await seedDemoTraining(ctx);
  // The posts (岗位, AB岗) of the window and the reviewing sections (docs/staff.md); idempotent too.
  if (!opts.prepared && opts.demo) await seedDemoStaff(ctx);
  // The policy library's 50+ documents linked to the items' 设定依据 (docs/policies.md); idempotent.
  if (!opts.prepared && opts.demo) await seedPolicyLibrary(ctx);
  return ctx;
}

/**
 * The file store of a server: the database (every server reaches every file, a backup carries them:
 * ADR 0015), reading the disk store of an older installation (`localDir`/files, `$YIZHAN_FILES_DIR`)
 * for what has not been copied in yet.
 */
export function serverFileStorage(
  database: Database,
  localDir: string,
  env: Readonly<Record<string, string | undefined>>,
  clock: Clock,
): FileStorage {
  return new DatabaseStorage(database.db, legacyDiskStorage(localDir, env), () => clock.now());
}

/** The transparency log's default maximum merge delay: a new entry is in a signed checkpoint within it. */
export const DEFAULT_MERGE_DELAY_MS = 2_000;

/** `YIZHAN_LOG_MERGE_DELAY_MS` (milliseconds, 100 to 3,600,000), else the default. */
export function mergeDelayFrom(env: Readonly<Record<string, string | undefined>>): number {
  const v = Number(env.YIZHAN_LOG_MERGE_DELAY_MS);
  return Number.isInteger(v) && v >= 100 && v <= 3_600_000 ? v : DEFAULT_MERGE_DELAY_MS;
}

/** Background work of a server: the outbox worker, the periodic sweep and the transparency log's sequencer. */
export type BackgroundWork = { stop(): Promise<void> };

/**
 * Starts the outbox worker and the sweeper. Safe on several servers at once (row locks share the
 * work), but `yizhan start --workers N` runs it in its primary only, not in N workers.
 */
export function startBackgroundWork(
  ctx: AppContext,
  log: { error(obj: object, msg: string): void },
  /** The sweep starts once this settles (the demo history: its simulated days must not meet today's sweep). */
  sweepAfter?: Promise<unknown>,
  /** The transparency log's maximum merge delay (default 2 s; `YIZHAN_LOG_MERGE_DELAY_MS`). */
  mergeDelayMs = DEFAULT_MERGE_DELAY_MS,
): BackgroundWork {
  const worker = startOutboxWorker(ctx, defaultOutboxHandlers(), {
    onError: (err) => log.error({ err }, "outbox worker"),
  });
  // The transparency log's sequencer: integrates new entries within the maximum merge delay (it runs
  // every half of it; one server at a time integrates, docs/transparency.md).
  const sequencer = startRepeating(
    async () => (await integrateTransparencyLog(ctx)).integrated >= DEFAULT_BATCH,
    {
      intervalMs: Math.max(50, Math.floor(mergeDelayMs / 2)),
      onError: (err) => log.error({ err }, "transparency log"),
    },
  );
  let stopped = false;
  let sweeper: ReturnType<typeof startSweeper> | null = null;
  const startSweep = () => {
    if (!stopped)
      sweeper = startSweeper(() => runSweep(ctx), { onError: (err) => log.error({ err }, "sweeper") });
  };
  if (sweepAfter) sweepAfter.then(startSweep, startSweep);
  else startSweep();
  return {
    async stop() {
      stopped = true;
      await sweepAfter?.catch(() => {});
      await sweeper?.stop();
      await worker.stop();
      await sequencer.stop();
    },
  };
}

/**
 * The demo history generated in the background of a running server (ADR 0013): started when the
 * database has none, stopped between two actions on close. `done` settles when it ends either way.
 */
function startHistoryFill(
  ctx: AppContext,
  options: Omit<HistoryOptions, "shouldStop" | "until">,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
): { done: Promise<void>; stop(): Promise<void> } | null {
  let stopping = false;
  const done = (async () => {
    const status = await settleInterruptedHistory(ctx.database.db);
    if (status) return;
    const report = await generateHistory(ctx, { ...options, shouldStop: () => stopping });
    log.info(
      { cases: report.cases, seconds: report.seconds, failures: report.failures, stopped: report.stopped },
      "demo history generated",
    );
  })().catch((err) => log.error({ err }, "demo history"));
  return {
    done,
    async stop() {
      stopping = true;
      await done;
    },
  };
}

/** Closes what {@link openYizhan} opened: the mail transport and the database. */
export async function closeYizhan(ctx: AppContext): Promise<void> {
  await ctx.notify?.email.close?.();
  await ctx.database.close();
}

/**
 * On an embedded database in a directory, `yizhan backup` asks this server for a consistent backup
 * through a socket of its user (src/db/backup.ts). A socket that cannot be made (a path too
 * long for one) leaves the server running: the backup command then says it cannot reach it.
 */
async function backupSocket(
  ctx: AppContext,
  log: { error(obj: object, msg: string): void },
): Promise<{ close(): Promise<void> } | null> {
  const { pglite, location } = ctx.database;
  if (!pglite || location.includes("://")) return null;
  try {
    return await serveBackups(location, pglite, (err) => log.error({ err }, "backup"));
  } catch (err) {
    log.error({ err }, "backup socket");
    return null;
  }
}

/**
 * Opens the database (see {@link openYizhan}) and starts the HTTP server. `close()` stops accepting
 * requests, finishes the ones in flight and closes the database cleanly (PGlite data stays intact).
 */
export async function startYizhan(opts: StartOptions = {}): Promise<RunningYizhan> {
  const ctx = await openYizhan(opts);
  const app = await buildServer(ctx, {
    webDir: opts.webDir ?? DEFAULT_WEB_DIR,
    logger:
      opts.logLevel === "silent"
        ? false
        : { level: opts.logLevel ?? "info", ...(opts.logStream ? { stream: opts.logStream } : {}) },
  });
  if (opts.workerId !== undefined) {
    // Which worker answered (one header, set before Fastify writes the response).
    const id = String(opts.workerId);
    app.server.prependListener("request", (_req, res) => res.setHeader("x-yizhan-worker", id));
  }
  const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? "127.0.0.1" });
  // Port 0 (tests): the default public address is the port the server was given.
  if (!opts.publicUrl && !opts.config?.publicUrl && !opts.port)
    ctx.config.publicUrl = `http://localhost:${new URL(address).port}`;
  // Background work (outbox, sweep) runs on every server unless YIZHAN_BACKGROUND=0: a deployment can
  // keep API servers free of it and run it on others; row locks share the work between them.
  const background = (opts.background ?? (opts.env ?? process.env).YIZHAN_BACKGROUND !== "0") === true;
  // The demo history fills in after the server is healthy; the pages show its progress (ADR 0013).
  const fill =
    opts.demo && opts.demoHistory && !opts.prepared ? startHistoryFill(ctx, opts.demoHistory, app.log) : null;
  const work = background
    ? startBackgroundWork(
        ctx,
        app.log,
        fill?.done,
        opts.logMergeDelayMs ?? mergeDelayFrom(opts.env ?? process.env),
      )
    : null;
  const backups = await backupSocket(ctx, app.log);
  let closed: Promise<void> | null = null;
  return {
    url: address.replace("[::1]", "localhost"),
    app,
    ctx,
    close() {
      closed ??= (async () => {
        await app.close();
        await backups?.close();
        await fill?.stop();
        await work?.stop();
        await closeYizhan(ctx);
      })();
      return closed;
    },
  };
}
