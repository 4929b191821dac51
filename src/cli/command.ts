/** One `yizhan` subcommand. `run` returns the process exit code. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
};

/** Database options shared by commands: `DATABASE_URL` wins, else PGlite in the data dir. */
export function databaseOptions(values: { "data-dir"?: string }): { databaseUrl?: string; dataDir?: string } {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return databaseUrl
    ? { databaseUrl }
    : { dataDir: values["data-dir"] ?? process.env.YIZHAN_DATA_DIR ?? "./data" };
}
