import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CalendarDay, presentDay } from "../../app/calendar/days";
import { getWorkingCalendar } from "../../app/calendar/getWorkingCalendar";
import {
  type ArrangementPreview,
  arrangementProblem,
  previewArrangement,
  saveArrangement,
  type TArrangementInput,
} from "../../app/calendar/importArrangement";
import { type AppContext, defaultConfig } from "../../app/context";
import { type Database, openDatabase } from "../../db/client";
import {
  type ArrangementError,
  addResultJson,
  classifyRange,
  formatAddLine,
  formatDayLine,
  tryIsoToDay,
  type WorkingCalendar,
} from "../../domain/calendar";
import { officialCalendar } from "../../domain/calendar/officialData";
import { YizhanError } from "../../domain/errors";
import { systemClock } from "../../shared/clock";
import { decodeTextBytes } from "../../shared/textDecoding";
import { type Command, databaseOptions } from "../command";
import type { CliEnv, CliIo } from "../io";
import { UsageError } from "../output";

const USAGE = `yizhan calendar days --from YYYY-MM-DD --to YYYY-MM-DD [--org CODE] [--json] [--seed-only] [--data-dir DIR]
yizhan calendar add --from YYYY-MM-DD --days N [--org CODE] [--json] [--seed-only] [--data-dir DIR]
yizhan calendar import FILE [--replace] [--dry-run] [--yes] [--json] [--data-dir DIR]

  days     one line per date: 'YYYY-MM-DD workday' or 'YYYY-MM-DD restday', ' provisional' appended
           for a year without an official arrangement (待国务院公布)
  add      the N-th working day after --from (the start date is day 0), ' provisional' when so
  import   a year's arrangement into the database: the State Council notice as published
           (国务院办公厅关于××年部分节假日安排的通知, pasted into a text file), the line format, or JSON
           (docs/calendar.md). Prints the days read; on a terminal asks before saving.
  --org        apply that organization's local overrides (needs the database)
  --seed-only  use the shipped data only (2007–2026), never the database
  --replace    overwrite a year that is already official
  --dry-run    show the days read, save nothing
  --yes        save without asking (the default when not on a terminal)

days/add read imported years from the database when there is one ($DATABASE_URL, or an existing PGlite
data dir: --data-dir, $YIZHAN_DATA_DIR or ./data); without one they use the shipped data.`;

const ctxOf = (database: Database): AppContext => ({ database, clock: systemClock, config: defaultConfig });

/** Opens the database for reading when one exists (never creates a PGlite data dir). */
async function existingDatabase(values: { "data-dir"?: string }, env: CliEnv): Promise<Database | null> {
  const opts = databaseOptions(values, env);
  if (!opts.databaseUrl && !existsSync(join(opts.dataDir ?? "", "PG_VERSION"))) return null;
  return openDatabase({ ...opts, poolSize: 1 });
}

/** The calendar for days/add: seed + imported years (+ the organization's overrides) when a database is there. */
async function loadCalendar(
  values: { "data-dir"?: string; org?: string; "seed-only"?: boolean },
  io: CliIo,
): Promise<{
  cal: WorkingCalendar;
  close(): Promise<void>;
}> {
  const seedOnly = { cal: officialCalendar(), close: async () => undefined };
  if (values["seed-only"]) {
    if (values.org) throw new UsageError("--org needs the database; it cannot be combined with --seed-only");
    return seedOnly;
  }
  const database = await existingDatabase(values, io.env);
  if (!database) {
    if (values.org) throw new UsageError("--org needs the database, and none was found");
    return seedOnly;
  }
  try {
    return {
      cal: await getWorkingCalendar(ctxOf(database), values.org ?? null),
      close: () => database.close(),
    };
  } catch (e) {
    await database.close();
    if (e instanceof YizhanError || values.org) throw e;
    io.stderr.write(
      `yizhan calendar: database not usable (${(e as Error).message.split("\n")[0]}); using the shipped data only\n`,
    );
    return seedOnly;
  }
}

function date(cal: WorkingCalendar, flag: string, value: string | undefined): string {
  if (!value) throw new UsageError(`--${flag} is required (YYYY-MM-DD)`);
  const day = tryIsoToDay(value);
  if (Number.isNaN(day)) throw new UsageError(`--${flag}: not a date: ${value} (expected YYYY-MM-DD)`);
  if (day < cal.minDay || day > cal.maxDay) {
    throw new UsageError(
      `--${flag}: ${value} is outside the calendar (${cal.firstOfficialYear}-01-01 … 2100-12-31)`,
    );
  }
  return value;
}

const COMMON = {
  org: { type: "string" },
  json: { type: "boolean" },
  "seed-only": { type: "boolean" },
  "data-dir": { type: "string" },
} as const;

async function days(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: "string" }, to: { type: "string" }, ...COMMON },
    strict: true,
  });
  // Arguments are checked against the shipped calendar first, so a typo never waits for a database.
  const from = date(officialCalendar(), "from", values.from);
  const to = date(officialCalendar(), "to", values.to);
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from})`);
  const { cal, close } = await loadCalendar(values, io);
  try {
    const infos = classifyRange(cal, from, to);
    const out = values.json
      ? `${JSON.stringify(infos.map((i): CalendarDay => presentDay(i)))}\n`
      : `${infos.map(formatDayLine).join("\n")}\n`;
    io.stdout.write(out);
    return 0;
  } finally {
    await close();
  }
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: "string" }, days: { type: "string" }, ...COMMON },
    strict: true,
  });
  const from = date(officialCalendar(), "from", values.from);
  if (values.days === undefined) throw new UsageError("--days is required (a whole number ≥ 0)");
  if (!/^\d{1,5}$/.test(values.days)) throw new UsageError(`--days: not a whole number ≥ 0: ${values.days}`);
  const n = Number(values.days);
  const { cal, close } = await loadCalendar(values, io);
  try {
    let line: string;
    try {
      line = values.json ? JSON.stringify(addResultJson(cal, from, n)) : formatAddLine(cal, from, n);
    } catch (e) {
      throw new UsageError(`--days: ${(e as Error).message}`);
    }
    io.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await close();
  }
}

function printArrangementErrors(e: YizhanError, io: CliIo): void {
  const lines = (e.details?.lines as ArrangementError[] | undefined) ?? [];
  if (lines.length === 0) {
    io.stderr.write(`yizhan calendar import: ${e.messages["zh-CN"]} / ${e.messages["en-US"]}\n`);
    return;
  }
  for (const l of lines) {
    const where = l.line > 0 ? `line ${l.line}` : (l.path ?? "json");
    io.stderr.write(`yizhan calendar import: ${where}: ${l.zh} / ${l.en}\n`);
  }
}

const WEEKDAY = ["日", "一", "二", "三", "四", "五", "六"];

/** The days read from an arrangement, one line each, for the operator to confirm. */
function printPreview(p: ArrangementPreview, out: (s: string) => void): void {
  const form = { notice: "国务院通知原文 / notice text", lines: "行格式 / line format", json: "JSON" }[
    p.format
  ];
  out(`${p.title ?? ""}${p.docNo ? `（${p.docNo}）` : ""} — ${form}\n`);
  for (const d of p.days) {
    const wd = WEEKDAY[new Date(`${d.date}T00:00:00Z`).getUTCDay()];
    out(`  ${d.date} 周${wd} ${d.kind === "rest" ? "休" : "班"} ${d.name}\n`);
  }
  const { added, removed, changed } = p.diff;
  out(
    `${p.days.length} days; ${p.existing ? `differs from the ${p.existing.source} ${p.year}: +${added.length} −${removed.length} ~${changed.length}` : `new year ${p.year}`}\n`,
  );
}

/** Asks on the terminal (the question on stderr, the answer from stdin); anything but y/yes declines. */
async function confirm(question: string, io: CliIo): Promise<boolean> {
  if (!io.stdin) return false;
  const { createInterface } = await import("node:readline/promises");
  io.stderr.write(question);
  const rl = createInterface({ input: io.stdin });
  try {
    return /^(y|yes|是)$/i.test((await rl.question("")).trim());
  } finally {
    rl.close();
  }
}

async function importFile(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      replace: { type: "boolean" },
      json: { type: "boolean" },
      "dry-run": { type: "boolean" },
      yes: { type: "boolean" },
      "data-dir": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError("import needs exactly one FILE");
  const file = positionals[0];
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const decoded = decodeTextBytes(readFileSync(file));
  if (!decoded) {
    io.stderr.write(
      `yizhan calendar import: ${file}: 文件编码无法识别（应为 UTF-8 或 GB18030/GBK） / unknown encoding (expected UTF-8 or GB18030/GBK)\n`,
    );
    return 1;
  }
  const content = decoded.text;
  let input: TArrangementInput;
  if (file.endsWith(".json") || content.trimStart().startsWith("{")) {
    try {
      input = { json: JSON.parse(content), replace: values.replace ?? false };
    } catch (e) {
      io.stderr.write(
        `yizhan calendar import: ${file}: JSON 格式错误 / invalid JSON: ${(e as Error).message}\n`,
      );
      return 1;
    }
  } else input = { text: content, replace: values.replace ?? false };
  const database = await openDatabase(databaseOptions(values, io.env));
  try {
    await database.migrate();
    const preview = await previewArrangement(ctxOf(database), input);
    if (!preview.ok) throw arrangementProblem(preview.errors);
    // With --json, stdout carries only JSON (a --dry-run listing goes to stderr).
    const show = (s: string) => (values.json ? io.stderr : io.stdout).write(s);
    if (!values.json || values["dry-run"]) printPreview(preview, show);
    if (values["dry-run"]) {
      if (values.json) io.stdout.write(`${JSON.stringify(preview)}\n`);
      return 0;
    }
    if (!values.yes && io.stdin?.isTTY && io.stderr.isTTY) {
      if (!(await confirm(`Save ${preview.year}? 确认导入？[y/N] `, io))) {
        io.stderr.write("Nothing saved. 未导入。\n");
        return 1;
      }
    }
    const result = await saveArrangement(database.db, null, input, new Date());
    io.stdout.write(
      values.json
        ? `${JSON.stringify(result)}\n`
        : `Imported ${result.year}: ${result.days} days${result.replaced ? " (replaced)" : ""} — ${result.title}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof YizhanError) {
      printArrangementErrors(e, io);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

export const calendarCommand: Command = {
  name: "calendar",
  summary: "Working-day calendar: calendar days | add | import",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === "days") return days(rest, io);
    if (sub === "add") return add(rest, io);
    if (sub === "import") return importFile(rest, io);
    throw new UsageError(
      sub ? `unknown subcommand: calendar ${sub}` : "missing subcommand: calendar days|add|import",
    );
  },
};
