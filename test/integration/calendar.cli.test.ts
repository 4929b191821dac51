import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase, runCliInProcess } from "../helpers/cli";

type Official = {
  years: { year: number; rest: { from: string; to: string }[]; work: { date: string }[] }[];
};

const dir = mkdtempSync(join(tmpdir(), "yizhan-cal-"));
// Without any database: no DATABASE_URL, a data dir that does not exist.
const noDb = { DATABASE_URL: undefined, YIZHAN_DATA_DIR: join(dir, "none") };
// With a database: a copy of the migrated one (test/helpers/cli.ts).
let withDb: Record<string, string | undefined> = {};
let db: Awaited<ReturnType<typeof cliDatabase>>;

beforeAll(async () => {
  db = await cliDatabase();
  withDb = db.env;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

/** Re-derives each date's status from the data file alone: listed rest/work days, else the weekday rule. */
function expectedLines(): string[] {
  const data = JSON.parse(readFileSync("seed/calendar/cn-official.json", "utf8")) as Official;
  const rest = new Set<string>();
  const work = new Set<string>();
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  for (const y of data.years) {
    for (const r of y.rest) {
      for (let t = Date.parse(`${r.from}T00:00:00Z`); t <= Date.parse(`${r.to}T00:00:00Z`); t += 86_400_000) {
        rest.add(iso(t));
      }
    }
    for (const w of y.work) work.add(w.date);
  }
  const lines: string[] = [];
  for (let t = Date.parse("2007-01-01T00:00:00Z"); t <= Date.parse("2026-12-31T00:00:00Z"); t += 86_400_000) {
    const d = iso(t);
    const weekend = [0, 6].includes(new Date(t).getUTCDay());
    const working = work.has(d) || (!rest.has(d) && !weekend);
    lines.push(`${d} ${working ? "workday" : "restday"}`);
  }
  return lines;
}

// The CLI runs in this process (main with in-memory output): test/helpers/cli.ts.
describe("yizhan calendar without a database", { timeout: 120_000 }, () => {
  it("classifies every date 2007-01-01 … 2026-12-31 as the official data says", async () => {
    const res = await runCliInProcess(
      ["calendar", "days", "--from", "2007-01-01", "--to", "2026-12-31"],
      noDb,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split("\n");
    const expected = expectedLines();
    expect(lines).toHaveLength(7305);
    const diffs = lines.filter((l, i) => l !== expected[i]);
    expect(diffs).toEqual([]);
    // Spot checks against the notices themselves.
    expect(lines).toContain("2015-09-03 restday"); // 抗战胜利70周年纪念日
    expect(lines).toContain("2015-09-06 workday");
    expect(lines).toContain("2020-01-31 restday"); // 春节延长 (国办发明电〔2020〕1号)
    expect(lines).toContain("2026-10-10 workday");
    // As JSON (634 KB; test/integration/cli.process.test.ts sends the text form through a real pipe).
    const json = await runCliInProcess(
      ["calendar", "days", "--from", "2007-01-01", "--to", "2026-12-31", "--json"],
      noDb,
    );
    expect(json.stdout.length).toBeGreaterThan(600_000);
    expect(JSON.parse(json.stdout)).toHaveLength(7305);
  });

  it("marks 2027 provisional, with the law's holidays as rest days, in text and JSON", async () => {
    const res = await runCliInProcess(
      ["calendar", "days", "--from", "2026-12-31", "--to", "2027-01-04"],
      noDb,
    );
    expect(res.stdout).toBe(
      "2026-12-31 workday\n2027-01-01 restday provisional\n2027-01-02 restday provisional\n2027-01-03 restday provisional\n2027-01-04 workday provisional\n",
    );
    const json = await runCliInProcess(
      ["calendar", "days", "--from", "2027-01-01", "--to", "2027-01-01", "--json"],
      noDb,
    );
    expect(JSON.parse(json.stdout)).toEqual([
      { date: "2027-01-01", working: false, kind: "holiday", name: "元旦", provisional: true },
    ]);
    const spring = await runCliInProcess(
      ["calendar", "days", "--from", "2027-02-05", "--to", "2027-02-09"],
      noDb,
    );
    expect(spring.stdout).toBe(
      "2027-02-05 restday provisional\n2027-02-06 restday provisional\n2027-02-07 restday provisional\n2027-02-08 restday provisional\n2027-02-09 workday provisional\n",
    );
  });

  it("adds working days; provisional when the result is in 2027", async () => {
    expect(
      (await runCliInProcess(["calendar", "add", "--from", "2026-09-28", "--days", "20"], noDb)).stdout,
    ).toBe("2026-10-30\n");
    expect(
      (await runCliInProcess(["calendar", "add", "--from", "2026-12-28", "--days", "5"], noDb)).stdout,
    ).toBe("2027-01-05 provisional\n");
    const json = await runCliInProcess(
      ["calendar", "add", "--from", "2026-12-28", "--days", "5", "--json"],
      noDb,
    );
    expect(JSON.parse(json.stdout)).toEqual({
      from: "2026-12-28",
      days: 5,
      date: "2027-01-05",
      provisional: true,
    });
  });

  it("exits 2 with a clear message on bad arguments", async () => {
    const cases: [string[], string][] = [
      [["calendar", "days", "--from", "2026-02-30", "--to", "2026-03-01"], "--from: not a date: 2026-02-30"],
      [["calendar", "days", "--from", "2026-10-10", "--to", "2026-10-01"], "is before --from"],
      [["calendar", "days", "--from", "2026-10-10"], "--to is required"],
      [["calendar", "add", "--from", "2026-10-10", "--days", "1.5"], "--days: not a whole number"],
      [["calendar", "add", "--from", "2026-10-10", "--days", "-3"], "--days"],
      [["calendar", "add", "--from", "1999-01-01", "--days", "3"], "outside the calendar"],
      [["calendar", "frobnicate"], "unknown subcommand"],
      [["calendar", "import"], "exactly one FILE"],
      [["calendar", "import", join(dir, "missing.txt")], "no such file"],
    ];
    for (const [args, message] of cases) {
      const res = await runCliInProcess(args, noDb);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr).toContain(message);
    }
  });
});

describe("yizhan calendar with a database", { timeout: 120_000 }, () => {
  it("imports a year: 2027 stops being provisional; errors name their lines", async () => {
    expect((await runCliInProcess(["migrate"], withDb)).code).toBe(0);
    const before = await runCliInProcess(["calendar", "add", "--from", "2026-12-30", "--days", "2"], withDb);
    expect(before.stdout).toBe("2027-01-04 provisional\n");
    const bad = join(dir, "bad-2027.txt");
    writeFileSync(bad, "year: 2027\n2027-01-01~2027-01-03 休 元旦\n2027-01-06 班 元旦\n");
    const refused = await runCliInProcess(["calendar", "import", bad], withDb);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 3:");
    expect(refused.stderr).toContain("不是周末");

    const ok = await runCliInProcess(
      ["calendar", "import", "seed/calendar/example-2027.txt", "--json"],
      withDb,
    );
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toMatchObject({ year: 2027, replaced: false });
    const after = await runCliInProcess(
      ["calendar", "days", "--from", "2027-01-01", "--to", "2027-01-04"],
      withDb,
    );
    expect(after.stdout).toBe(
      "2027-01-01 restday\n2027-01-02 restday\n2027-01-03 restday\n2027-01-04 workday\n",
    );
    expect(
      (await runCliInProcess(["calendar", "add", "--from", "2026-12-30", "--days", "2"], withDb)).stdout,
    ).toBe("2027-01-04\n");
    // The shipped data alone still says provisional.
    expect(
      (
        await runCliInProcess(
          ["calendar", "add", "--from", "2026-12-30", "--days", "2", "--seed-only"],
          withDb,
        )
      ).stdout,
    ).toBe("2027-01-04 provisional\n");
    const again = await runCliInProcess(["calendar", "import", "seed/calendar/example-2027.txt"], withDb);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("replace");
    const replaced = await runCliInProcess(
      ["calendar", "import", "seed/calendar/example-2027.txt", "--replace"],
      withDb,
    );
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain("Imported 2027");
    expect(replaced.stdout).toContain("(replaced)");
  });
});

describe("yizhan calendar import: the State Council notice as published", { timeout: 120_000 }, () => {
  it("imports the older (2017) and the newer (2025) wording from files, listing the days read", async () => {
    for (const [year, file] of [
      [2017, "test/fixtures/calendar/notice-2017.txt"],
      [2025, "test/fixtures/calendar/notice-2025.txt"],
    ] as const) {
      const dry = await runCliInProcess(["calendar", "import", file, "--dry-run"], withDb);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(dry.stdout).toContain("国务院通知原文 / notice text");
      // The shipped year is read exactly: no day added, removed or changed.
      expect(dry.stdout).toContain(`differs from the seed ${year}: +0 −0 ~0`);
      const saved = await runCliInProcess(["calendar", "import", file, "--replace", "--json"], withDb);
      expect(saved.code, saved.stderr).toBe(0);
      expect(JSON.parse(saved.stdout)).toMatchObject({ year, replaced: true });
    }
    const dry = await runCliInProcess(
      ["calendar", "import", "test/fixtures/calendar/notice-2025.txt", "--dry-run"],
      withDb,
    );
    expect(dry.stdout).toContain("  2025-01-28 周二 休 春节");
    expect(dry.stdout).toContain("  2025-10-06 周一 休 中秋节");
    expect(dry.stdout).toContain("  2025-10-11 周六 班 国庆节");
    expect(dry.stdout).toContain("differs from the imported 2025: +0 −0 ~0");
    const days = await runCliInProcess(
      ["calendar", "days", "--from", "2017-01-01", "--to", "2017-01-02"],
      withDb,
    );
    expect(days.stdout).toBe("2017-01-01 restday\n2017-01-02 restday\n");
  });

  it("reports a sentence it cannot read with its line, and saves nothing", async () => {
    const file = join(dir, "bad-notice.txt");
    writeFileSync(
      file,
      "国务院办公厅关于2027年部分节假日安排的通知\n\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月5日至11日放假调休，共7天。2月20日（周六）照常上班吧。\n",
    );
    const probe = ["calendar", "days", "--from", "2027-02-05", "--to", "2027-02-11"];
    const before = (await runCliInProcess(probe, withDb)).stdout;
    const res = await runCliInProcess(["calendar", "import", file, "--replace"], withDb);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("line 4: 无法识别的句子：“2月20日（周六）照常上班吧”");
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect((await runCliInProcess(probe, withDb)).stdout).toBe(before);
  });
});
