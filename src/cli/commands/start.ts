import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { isLocalUrl, normalizePublicUrl } from "../../app/context";
import { DEMO_PASSWORD, demoAccounts } from "../../app/seed/demo";
import { type StartOptions, startYizhan } from "../../http/start";
import { buildWebIfNeeded } from "../buildWeb";
import { parseWorkers, runWorker, startPrimary } from "../cluster";
import { type Command, databaseOptions } from "../command";
import { progressBar, UsageError } from "../output";

/** The history `start --demo` fills in the background (smaller than `demo history`'s default: ADR 0013). */
export const START_HISTORY = { months: 3, seed: 1, casesPerDay: [4, 10] as [number, number] };

export const startCommand: Command = {
  name: "start",
  summary: "Start the server (migrates; loads the demo bureau on first start with --demo)",
  usage: `yizhan start [--port N] [--host H] [--data-dir DIR] [--demo | --no-demo] [--build] [--workers N|auto]
             [--public-url URL]

  --port       HTTP port (default: $PORT or 3000)
  --public-url the address the public reaches this server at, e.g. https://yizhan.example.gov.cn
               (default: $YIZHAN_PUBLIC_URL or http://localhost:<port>). Every absolute link is built
               from it: QR codes, PDF footers, e-mail and SMS links, the keys document's issuer.
  --host       interface to bind (default: $HOST or 0.0.0.0)
  --data-dir   PGlite data directory (default: $YIZHAN_DATA_DIR or ./data); ignored with $DATABASE_URL
  --demo       load the demo county bureau and demo accounts on first start ($YIZHAN_DEMO=1), then
               generate a demo history in the background once the server is healthy (the pages show
               its progress; \`yizhan demo history\` makes a bigger one)
  --no-history with --demo: no background history ($YIZHAN_DEMO_HISTORY=0)
  --build      build the web application first if it is missing or stale
  --workers    app-server processes sharing the port (default: $YIZHAN_WORKERS or 1; auto = one per
               CPU). More than 1 needs PostgreSQL ($DATABASE_URL): the primary migrates and seeds once,
               runs the background work (outbox, sweep) once, restarts a worker that dies, and on
               SIGTERM lets the workers finish their requests. Each worker holds up to 20 PostgreSQL
               connections; login rate limits are counted per worker.`,
  async run(argv, io) {
    const { env } = io;
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "data-dir": { type: "string" },
        demo: { type: "boolean" },
        "no-demo": { type: "boolean" },
        "no-history": { type: "boolean" },
        build: { type: "boolean" },
        workers: { type: "string" },
        "log-level": { type: "string" },
        "public-url": { type: "string" },
      },
      strict: true,
    });
    const port = Number(values.port ?? env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: not a port number: ${values.port}`);
    const demo = values["no-demo"] ? false : (values.demo ?? env.YIZHAN_DEMO === "1");
    // The one place the public address is read from the environment (app code reads ctx.config).
    const givenUrl = values["public-url"] ?? (env.YIZHAN_PUBLIC_URL || undefined);
    let publicUrl: string | undefined;
    try {
      publicUrl = givenUrl === undefined ? undefined : normalizePublicUrl(givenUrl);
    } catch (e) {
      throw new UsageError(
        `${values["public-url"] ? "--public-url" : "YIZHAN_PUBLIC_URL"}: ${(e as Error).message}`,
      );
    }
    const options: StartOptions = {
      ...databaseOptions(values, env),
      port,
      host: values.host ?? env.HOST ?? "0.0.0.0",
      demo,
      logLevel: values["log-level"] ?? env.LOG_LEVEL ?? "info",
      publicUrl,
      env,
      logStream: io.stdout,
      // ADR 0013: the demo start fills in its history after it is healthy, not before.
      demoHistory:
        demo && !values["no-history"] && env.YIZHAN_DEMO_HISTORY !== "0" ? START_HISTORY : undefined,
    };
    // A forked worker of `--workers N` runs this same command: it only serves.
    if (cluster.isWorker) return runWorker(options, io);
    const workers = parseWorkers(values.workers ?? env.YIZHAN_WORKERS);
    if (workers > 1 && !options.databaseUrl)
      throw new UsageError(
        `--workers ${workers} needs PostgreSQL (set DATABASE_URL): PGlite is one embedded database in one process and cannot be shared by several workers`,
      );
    const started = Date.now();
    const log = (line: string) => io.stderr.write(`${line}\n`);
    if (values.build) await buildWebIfNeeded(log);
    const onProgress = progressBar("Loading demo data", io.stderr);
    const server =
      workers > 1
        ? await startPrimary({ ...options, onProgress, workers, argv, env, logStream: io.stdout }, log)
        : await startYizhan({ ...options, onProgress });
    const url = server.url.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
    const { database } = server.ctx;
    const lines = [
      "",
      `  一站 Yizhan is running at ${url}  (database: ${database.kind} ${database.location})`,
      `  API docs: ${url}/api/docs   ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  Public URL: ${server.ctx.config.publicUrl}  (QR codes, PDF footers, e-mail and SMS links)`,
    ];
    if (!demo && isLocalUrl(server.ctx.config.publicUrl))
      lines.push(
        `  WARNING: the public URL ${server.ctx.config.publicUrl} is a localhost address: QR codes, PDF footers and`,
        "  e-mail/SMS links will not work on any other machine. Set YIZHAN_PUBLIC_URL (or --public-url)",
        "  to the address the public uses, e.g. https://yizhan.example.gov.cn.",
      );
    if ("pids" in server)
      lines.push(
        `  ${workers} workers (pids ${server.pids().join(", ")}); primary pid ${process.pid}${env.YIZHAN_BACKGROUND === "0" ? "" : " runs the background work"}`,
      );
    if (options.demoHistory && !("pids" in server))
      lines.push(
        "  Demo history: generated in the background now (progress: /api/demo/history; the pages show it)",
      );
    if (demo) {
      lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts())
        lines.push(`    ${a.username.padEnd(18)} ${a.roles.join(", ").padEnd(28)} ${a.displayName}`);
    }
    io.stdout.write(`${lines.join("\n")}\n\n`);
    // Serves until asked to stop (SIGTERM or SIGINT for the process), then resolves the exit code.
    return new Promise<number>((resolve, reject) => {
      let stopping = false;
      io.onStop((signal) => {
        if (stopping) return;
        stopping = true;
        log(`${signal} received: finishing requests and closing the database…`);
        const stopped = "pids" in server ? server.stop() : server.close().then(() => 0);
        stopped.then((code) => {
          log(code === 0 ? "Stopped cleanly." : "Stopped; a worker had to be killed.");
          resolve(code);
        }, reject);
      });
    });
  },
};
