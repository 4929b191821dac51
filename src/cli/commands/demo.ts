import { parseArgs } from "node:util";
import { type BulkReport, generateBulk } from "../../app/seed/bulk";
import { generateHistory, type HistoryReport } from "../../app/seed/history";
import { closeYizhan, openYizhan } from "../../http/start";
import { type Command, databaseOptions } from "../command";
import { progressBar, UsageError } from "../output";

const positive = (name: string, value: string | undefined, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name}: a whole number 1–${max}, not ${value}`);
  return n;
};

/** The summary `demo history` prints (stdout), one fact a line. */
export function historySummary(r: HistoryReport): string {
  const statuses = Object.entries(r.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  const alerts = Object.entries(r.alertsByRule)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  return [
    `Demo history ${r.stopped ? "stopped" : "generated"}: ${r.from} – ${r.to}, ${r.workingDays} working days, ${r.seconds} s`,
    `  cases         ${r.cases} (${statuses || "none"})`,
    `  review tasks  ${r.reviewTasks}; extended ${r.extended}; past their deadline ${r.overdue}`,
    `  ratings       ${r.ratings} (${r.badRatings} bad; rectifications ${r.rectifications.rectified} done, ${r.rectifications.open} open)`,
    `  inquiries     ${r.inquiries}; applicants registered ${r.applicants}`,
    `  alerts        ${alerts || "none"}`,
    ...(r.failures
      ? [
          `  refused       ${r.failures} actions the application refused, e.g.:`,
          ...r.errors.map((e) => `    ${e}`),
        ]
      : []),
  ].join("\n");
}

/** The summary `demo bulk` prints (stdout). */
export function bulkSummary(r: BulkReport): string {
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(", ") || "none";
  return [
    `Bulk history generated: ${r.from} – ${r.to}, ${r.workingDays} working days, ${r.orgs} bureaus, ${r.seconds} s`,
    `  cases         ${r.cases} (${list(r.byStatus)})`,
    `  events        ${r.events}; review tasks ${r.reviewTasks}`,
    `  ratings       ${r.ratings} of ${r.invitations} invitations; rectifications ${r.rectifications}`,
    `  alerts        ${list(r.alertsByRule)}`,
    `  applicants    ${r.applicants}; ${r.batches} batches${r.triggersOff ? " (foreign-key triggers off while inserting)" : ""}`,
  ].join("\n");
}

export const demoCommand: Command = {
  name: "demo",
  summary: "Demo data: `demo history` (months, through the commands), `demo bulk` (millions, by SQL)",
  usage: `yizhan demo history [--months N] [--seed S] [--per-day MIN-MAX] [--days N] [--data-dir DIR]
yizhan demo bulk [--cases N] [--orgs N] [--years N] [--days N] [--seed S] [--data-dir DIR]

  Generates months of a county window's work up to yesterday through the real commands (filing,
  acceptance, corrections, refusals, withdrawals, review, extensions, decisions, fees, issue, ratings
  with rectifications, inquiries) on a clock that moves over the working days and office hours, running
  the periodic sweep each simulated day so alerts appear. Loads the demo bureau first if it is missing.
  Once per database: a second run is refused. Uses $DATABASE_URL when set.

  --months   months of history before today (default 6)
  --seed     PRNG seed (default 1): the same seed tells the same story
  --per-day  new cases a working day, e.g. 10-30 (the default)
  --days     working days of history instead of months (a small demo)
  --data-dir PGlite data directory (default: $YIZHAN_DATA_DIR or ./data)

  demo bulk fills a database for load and query measurements (bench/scale.bench.ts): --cases cases
  (default 1000000) over --years years (default 3) or --days working days, across --orgs county
  bureaus (default 20: the demo bureau and copies of its tree and staff), with their events, review
  tasks, rating invitations, ratings, rectifications and alerts, by set-based SQL in batches. Once per
  database. On PostgreSQL, 1,000,000 cases take minutes (docs/performance.md §3).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        months: { type: "string" },
        seed: { type: "string" },
        "per-day": { type: "string" },
        days: { type: "string" },
        cases: { type: "string" },
        orgs: { type: "string" },
        years: { type: "string" },
        "data-dir": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (!["history", "bulk"].includes(positionals[0] ?? "") || positionals.length > 1)
      throw new UsageError(
        positionals[0] ? `unknown subcommand '${positionals.join(" ")}'` : "which? (history | bulk)",
      );
    if (positionals[0] === "bulk") {
      const options = {
        cases: positive("--cases", values.cases, 1_000_000, 20_000_000),
        orgs: positive("--orgs", values.orgs, 20, 99),
        years: positive("--years", values.years, 3, 20),
        days: values.days === undefined ? undefined : positive("--days", values.days, 1, 5000),
        seed: positive("--seed", values.seed, 1, 2 ** 31 - 1),
      };
      const ctx = await openYizhan({
        ...databaseOptions(values, io.env),
        env: io.env,
        demo: true,
        onProgress: progressBar("Loading demo data", io.stderr),
      });
      try {
        // YIZHAN_BULK_PROFILE=1: the seconds spent in each kind of statement, on stderr at the end.
        const spent = new Map<string, number>();
        const report = await generateBulk(ctx, {
          ...options,
          onProgress: progressBar("Generating bulk history", io.stderr),
          keepWorkTables: !!io.env.YIZHAN_BULK_KEEP,
          onStatement: io.env.YIZHAN_BULK_PROFILE
            ? (name, ms) => spent.set(name, (spent.get(name) ?? 0) + ms)
            : undefined,
        });
        for (const [name, ms] of spent)
          io.stderr.write(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}\n`);
        io.stdout.write(`${bulkSummary(report)}\n`);
        return 0;
      } finally {
        await closeYizhan(ctx);
      }
    }
    const months = positive("--months", values.months, 6, 60);
    const seed = positive("--seed", values.seed, 1, 2 ** 31 - 1);
    const days = values.days === undefined ? undefined : positive("--days", values.days, 1, 1500);
    let perDay: [number, number] = [10, 30];
    if (values["per-day"] !== undefined) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(values["per-day"]);
      const lo = Number(m?.[1]);
      const hi = Number(m?.[2] ?? m?.[1]);
      if (!m || lo > hi || hi > 500)
        throw new UsageError(`--per-day: MIN-MAX (e.g. 10-30), not ${values["per-day"]}`);
      perDay = [lo, hi];
    }
    const ctx = await openYizhan({
      ...databaseOptions(values, io.env),
      env: io.env,
      demo: true,
      onProgress: progressBar("Loading demo data", io.stderr),
    });
    try {
      const report = await generateHistory(ctx, {
        months,
        seed,
        days,
        casesPerDay: perDay,
        onProgress: progressBar("Generating demo history", io.stderr),
      });
      io.stdout.write(`${historySummary(report)}\n`);
      return report.failures > 0 ? 1 : 0;
    } finally {
      await closeYizhan(ctx);
    }
  },
};
