import { safeErrorText } from "../adapters/logging";
import { DataDirLockedError } from "../db/dataDirLock";
import type { Command } from "./command";
import { calendarCommand } from "./commands/calendar";
import { exchangeCommand } from "./commands/exchange";
import { keysCommand, verifyCertificateCommand } from "./commands/keys";
import { migrateCommand, seedCommand } from "./commands/migrate";
import { startCommand } from "./commands/start";
import { userCommand } from "./commands/user";
import { UsageError } from "./output";

/** Every `yizhan` subcommand; features add theirs here. */
export const COMMANDS: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  userCommand,
  calendarCommand,
  keysCommand,
  verifyCertificateCommand,
  exchangeCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "yizhan — 一站 one-stop approval service platform",
    "",
    "Usage: yizhan <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `yizhan <command> --help` for a command's options.",
    "Environment: DATABASE_URL (PostgreSQL; default is embedded PGlite), YIZHAN_DATA_DIR, PORT,",
    "YIZHAN_WORKERS (app-server processes for `start`, PostgreSQL only).",
  ].join("\n");
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`yizhan: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    const usageLike = e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (usageLike) {
      process.stderr.write(`yizhan ${name}: ${(e as Error).message}\n\nUsage:\n${command.usage}\n`);
      return 2;
    }
    // The data directory is held by another process: one sentence, and exit 75 (EX_TEMPFAIL).
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`yizhan ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    // Never the parameters of a failed statement (ID numbers, phones): src/adapters/logging.ts.
    process.stderr.write(`yizhan ${name}: ${safeErrorText(e)}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== "start") process.exit(code);
