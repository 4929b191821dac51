import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { CsvError, decodeCsvBytes } from "../../adapters/exchange/csv";
import { type AppContext, defaultConfig } from "../../app/context";
import { datasetByCode, sharedDatasets } from "../../app/sharedData/datasets";
import { csvProblem, importSharedCsv } from "../../app/sharedData/publish";
import { openDatabase } from "../../db/client";
import { systemClock } from "../../shared/clock";
import { type Command, databaseOptions } from "../command";
import { progressBar, UsageError } from "../output";

const USAGE = `yizhan exchange import FILE --dataset CODE [--json] [--data-dir DIR]

  import   offline shared data (共享数据) from a CSV file into the directory: columns subject_code,
           subject_name, optional valid_until (YYYY-MM-DD); every other column becomes a field.
           RFC 4180 CSV (quotes, line breaks in quotes, CRLF, BOM); UTF-8 or GB18030/GBK (detected).
           Subject codes (GB 32100 / GB 11643) and dates are checked; bad rows are reported by line and
           skipped, the others imported. Exit code 1 when a row was rejected or the file refused.
  --dataset  a dataset of seed/catalog/shared-datasets.yaml (business_licence, deed_tax_proof)`;

/** `yizhan exchange import FILE --dataset CODE`: CSV import of offline shared data, with progress. */
export const exchangeCommand: Command = {
  name: "exchange",
  summary: "Shared data: import offline records from CSV into the directory",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { dataset: { type: "string" }, json: { type: "boolean" }, "data-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, file, ...extra] = positionals;
    if (sub !== "import" || !file) throw new UsageError("expected: import FILE");
    if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
    if (!values.dataset) {
      throw new UsageError(
        `--dataset is required (one of: ${sharedDatasets()
          .map((d) => d.code)
          .join(", ")})`,
      );
    }
    // Ordinary mistakes are found before the database is opened: unknown dataset, missing file, encoding.
    try {
      datasetByCode(values.dataset);
    } catch {
      throw new UsageError(
        `--dataset: no shared dataset ${values.dataset} (known: ${sharedDatasets()
          .map((d) => d.code)
          .join(", ")})`,
      );
    }
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory, not a CSV file`);
    let csv: string;
    let encoding: string;
    try {
      ({ text: csv, encoding } = decodeCsvBytes(readFileSync(file)));
    } catch (e) {
      if (e instanceof CsvError) throw csvProblem(e);
      throw e;
    }
    const database = await openDatabase({ ...databaseOptions(values, io.env), poolSize: 1 });
    try {
      await database.migrate();
      const ctx: AppContext = { database, clock: systemClock, config: defaultConfig };
      const bar = values.json ? () => {} : progressBar(`Importing ${values.dataset}`, io.stderr);
      const report = await importSharedCsv(ctx, null, values.dataset, csv, (done, total) =>
        bar(done, total, `row ${done}`),
      );
      if (values.json) io.stdout.write(`${JSON.stringify({ ...report, encoding })}\n`);
      else {
        const decoded = encoding === "utf-8" ? "" : ` (decoded from ${encoding.toUpperCase()})`;
        io.stdout.write(
          `Imported ${report.imported} record(s) into ${values.dataset}; ${report.rejected.length} rejected${decoded}.\n`,
        );
        for (const r of report.rejected) {
          io.stdout.write(
            `  line ${r.line}: ${r.field}: ${r.message["zh-CN"]} / ${r.message["en-US"]} (已跳过 skipped)\n`,
          );
        }
      }
      return report.rejected.length ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
