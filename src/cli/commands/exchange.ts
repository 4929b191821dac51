import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type AppContext, defaultConfig } from "../../app/context";
import { importSharedCsv } from "../../app/exchange/publish";
import { openDatabase } from "../../db/client";
import { systemClock } from "../../shared/clock";
import { type Command, databaseOptions } from "../command";
import { progressBar, UsageError } from "../output";

const USAGE = `yizhan exchange import FILE --dataset CODE [--json] [--data-dir DIR]

  import   offline shared data (共享数据) from a CSV file into the directory: columns subject_code,
           subject_name, optional valid_until (YYYY-MM-DD); every other column becomes a field.
           Subject codes are checked (GB 32100 / GB 11643); invalid rows are reported by line.
  --dataset  a dataset of seed/catalog/shared-datasets.yaml (business_licence, deed_tax_proof)`;

/** `yizhan exchange import FILE --dataset CODE`: CSV import of offline shared data, with progress. */
export const exchangeCommand: Command = {
  name: "exchange",
  summary: "Shared data: import offline records from CSV into the directory",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { dataset: { type: "string" }, json: { type: "boolean" }, "data-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, file] = positionals;
    if (sub !== "import" || !file) throw new UsageError("expected: import FILE");
    if (!values.dataset) throw new UsageError("--dataset is required");
    const csv = readFileSync(file, "utf8");
    const database = await openDatabase({ ...databaseOptions(values), poolSize: 1 });
    try {
      await database.migrate();
      const ctx: AppContext = { database, clock: systemClock, config: defaultConfig };
      const bar = values.json ? () => {} : progressBar(`Importing ${values.dataset}`);
      const report = await importSharedCsv(ctx, null, values.dataset, csv, (done, total) =>
        bar(done, total, `row ${done}`),
      );
      if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        process.stdout.write(`Imported ${report.imported} record(s) into ${values.dataset}.\n`);
        for (const r of report.rejected)
          process.stdout.write(`  line ${r.line}: ${r.field} ${r.code} (已跳过 skipped)\n`);
      }
      return report.rejected.length ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
