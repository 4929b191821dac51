import { parseArgs } from "node:util";
import { defaultKeysDir } from "../../adapters/signing";
import { defaultConfig } from "../../app/context";
import { seedDemoEvaluations } from "../../app/evaluations/demoRatings";
import { seedDemo } from "../../app/seed/demo";
import { openDatabase } from "../../db/client";
import { systemClock } from "../../shared/clock";
import { type Command, databaseOptions } from "../command";
import { progressBar } from "../output";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply database migrations",
  usage: "yizhan migrate [--data-dir DIR]   (uses $DATABASE_URL when set)",
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { "data-dir": { type: "string" } }, strict: true });
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      await database.migrate();
      io.stdout.write(`Migrations applied (${database.kind} ${database.location}).\n`);
    } finally {
      await database.close();
    }
    return 0;
  },
};

export const seedCommand: Command = {
  name: "seed",
  summary: "Load reference data; with --demo also the demo county bureau and demo accounts",
  usage: "yizhan seed [--demo] [--data-dir DIR]   (migrates first)",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { demo: { type: "boolean" }, "data-dir": { type: "string" } },
      strict: true,
    });
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      await database.migrate();
      if (values.demo) {
        const { created } = await seedDemo(database.db, progressBar("Loading demo data", io.stderr));
        // 好差评 on demo cases (completed through the app functions; idempotent).
        const rated = await seedDemoEvaluations({
          database,
          clock: systemClock,
          config: { ...defaultConfig, demo: true, keysDir: defaultKeysDir(io.env) },
        });
        io.stdout.write(`Demo data loaded (${created} new accounts, ${rated.created} rated demo cases).\n`);
      } else {
        io.stdout.write(
          "Reference data is read from seed/ files at run time; nothing to load. Use --demo for the demo bureau.\n",
        );
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
