import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { notifyChannelsFromEnv } from "../adapters/notify/fromEnv";
import { defaultStorage } from "../adapters/storage/storage";
import { type AppContext, type Config, defaultConfig } from "../app/context";
import { isDemoSeeded, type Progress, seedDemo } from "../app/seed/demo";
import { openDatabase } from "../db/client";
import { defaultOutboxHandlers } from "../jobs/notify";
import { startOutboxWorker } from "../jobs/outbox";
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
  logLevel?: string;
  webDir?: string;
  clock?: Clock;
  config?: Partial<Config>;
  onProgress?: Progress;
  /** Run the outbox worker and the sweep in this process (default: yes, unless YIZHAN_BACKGROUND=0). */
  background?: boolean;
};

export type RunningYizhan = {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
};

/**
 * Opens the database (PGlite or PostgreSQL), applies migrations, loads the demo data when asked
 * and not yet loaded, and starts the HTTP server. `close()` stops accepting requests, finishes the
 * ones in flight and closes the database cleanly (PGlite data stays intact).
 */
export async function startYizhan(opts: StartOptions = {}): Promise<RunningYizhan> {
  const dataDir = opts.databaseUrl ? undefined : (opts.dataDir ?? process.env.YIZHAN_DATA_DIR ?? "./data");
  if (dataDir && !dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir });
  await database.migrate();
  const localDir =
    dataDir && !dataDir.startsWith("memory://") ? dataDir : (process.env.YIZHAN_DATA_DIR ?? "./data");
  const ctx: AppContext = {
    database,
    clock: opts.clock ?? systemClock,
    storage: defaultStorage(localDir),
    config: { ...defaultConfig, demo: !!opts.demo, ...opts.config },
    notify: notifyChannelsFromEnv(
      process.env,
      resolve(
        dataDir && !dataDir.startsWith("memory://") ? dataDir : (process.env.YIZHAN_DATA_DIR ?? "./data"),
      ),
    ),
  };
  if (opts.demo && !(await isDemoSeeded(database.db))) {
    await seedDemo(database.db, opts.onProgress);
  }
  const app = await buildServer(ctx, {
    webDir: opts.webDir ?? DEFAULT_WEB_DIR,
    logger: opts.logLevel === "silent" ? false : { level: opts.logLevel ?? "info" },
  });
  const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? "127.0.0.1" });
  // Background work (outbox, sweep) runs on every server unless YIZHAN_BACKGROUND=0: a deployment can
  // keep API servers free of it and run it on others; row locks share the work between them.
  const background = (opts.background ?? process.env.YIZHAN_BACKGROUND !== "0") === true;
  const worker = background
    ? startOutboxWorker(ctx, defaultOutboxHandlers({ publicUrl: process.env.YIZHAN_PUBLIC_URL }), {
        onError: (err) => app.log.error({ err }, "outbox worker"),
      })
    : null;
  const sweeper = background
    ? startSweeper(ctx, { onError: (err) => app.log.error({ err }, "sweeper") })
    : null;
  let closed: Promise<void> | null = null;
  return {
    url: address.replace("[::1]", "localhost"),
    app,
    ctx,
    close() {
      closed ??= (async () => {
        await app.close();
        await sweeper?.stop();
        await worker?.stop();
        await ctx.notify?.email.close?.();
        await database.close();
      })();
      return closed;
    },
  };
}
