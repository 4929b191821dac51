import type { CliEnv, CliIo } from "./io";

/** One `yizhan` subcommand. `run` writes to `io`, reads settings from `io.env`, and returns the exit code. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
};

/** Database options shared by commands: `DATABASE_URL` wins, else PGlite in the data dir. */
export function databaseOptions(
  values: { "data-dir"?: string },
  env: CliEnv,
): { databaseUrl?: string; dataDir?: string } {
  const databaseUrl = env.DATABASE_URL || undefined;
  return databaseUrl ? { databaseUrl } : { dataDir: values["data-dir"] ?? env.YIZHAN_DATA_DIR ?? "./data" };
}
