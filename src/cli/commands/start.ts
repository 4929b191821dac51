import { parseArgs } from "node:util";
import { DEMO_PASSWORD, demoAccounts } from "../../app/seed/demo";
import { startYizhan } from "../../http/start";
import { buildWebIfNeeded } from "../buildWeb";
import { type Command, databaseOptions } from "../command";
import { progressBar, UsageError } from "../output";

export const startCommand: Command = {
  name: "start",
  summary: "Start the server (migrates; loads the demo bureau on first start with --demo)",
  usage: `yizhan start [--port N] [--host H] [--data-dir DIR] [--demo | --no-demo] [--build]

  --port       HTTP port (default: $PORT or 3000)
  --host       interface to bind (default: $HOST or 0.0.0.0)
  --data-dir   PGlite data directory (default: $YIZHAN_DATA_DIR or ./data); ignored with $DATABASE_URL
  --demo       load the demo county bureau and demo accounts on first start ($YIZHAN_DEMO=1)
  --build      build the web application first if it is missing or stale`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "data-dir": { type: "string" },
        demo: { type: "boolean" },
        "no-demo": { type: "boolean" },
        build: { type: "boolean" },
        "log-level": { type: "string" },
      },
      strict: true,
    });
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: not a port number: ${values.port}`);
    const demo = values["no-demo"] ? false : (values.demo ?? process.env.YIZHAN_DEMO === "1");
    const started = Date.now();
    const log = (line: string) => process.stderr.write(`${line}\n`);
    if (values.build) await buildWebIfNeeded(log);
    const yz = await startYizhan({
      ...databaseOptions(values),
      port,
      host: values.host ?? process.env.HOST ?? "0.0.0.0",
      demo,
      logLevel: values["log-level"] ?? process.env.LOG_LEVEL ?? "info",
      onProgress: progressBar("Loading demo data"),
    });
    const url = yz.url.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
    const lines = [
      "",
      `  一站 Yizhan is running at ${url}  (database: ${yz.ctx.database.kind} ${yz.ctx.database.location})`,
      `  API docs: ${url}/api/docs   ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ];
    if (demo) {
      lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts())
        lines.push(`    ${a.username.padEnd(18)} ${a.roles.join(", ").padEnd(28)} ${a.displayName}`);
    }
    process.stdout.write(`${lines.join("\n")}\n\n`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal} received: finishing requests and closing the database…`);
      await yz.close();
      log("Stopped cleanly.");
      process.exit(0);
    };
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGINT", () => void stop("SIGINT"));
    return new Promise<number>(() => {});
  },
};
