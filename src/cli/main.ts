import type { Command } from "./command";
import { backupCommand, restoreCommand } from "./commands/backup";
import { calendarCommand } from "./commands/calendar";
import { demoCommand } from "./commands/demo";
import { exchangeCommand } from "./commands/exchange";
import { keysCommand, verifyCertificateCommand } from "./commands/keys";
import { migrateCommand, seedCommand } from "./commands/migrate";
import { piiCommand } from "./commands/pii";
import { startCommand } from "./commands/start";
import { userCommand } from "./commands/user";
import { verifyLogCommand } from "./commands/verifyLog";
import type { CliIo } from "./io";
import { describeError, UsageError } from "./output";

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
  demoCommand,
  backupCommand,
  restoreCommand,
  piiCommand,
  verifyLogCommand,
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

/**
 * Runs the CLI with `argv` (without node and script) against `io` and returns the exit code. Nothing
 * here touches the process: output goes to `io.stdout`/`io.stderr`, settings come from `io.env`, and
 * `start` resolves once `io` has asked it to stop. `src/cli/run.ts` runs it as the `yizhan` process.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`yizhan: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const usageLike = e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (usageLike) {
      io.stderr.write(`yizhan ${name}: ${(e as Error).message}\n\nUsage:\n${command.usage}\n`);
      return 2;
    }
    const { message, code } = describeError(e);
    io.stderr.write(`yizhan ${name}: ${message}\n`);
    return code;
  }
}
