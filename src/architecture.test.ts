import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** The one module allowed to write `cases` and `case_events` (issue 12: one path for every case change). */
const RUNNER = "src/app/cases/runner/";

const ROOT = join(import.meta.dirname, "..");

/** Every source file of the server: tests and migrations are exempt. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "migrations" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Writes to the case tables: Drizzle builders and raw SQL (by table name or by the Drizzle table). */
const WRITES: RegExp[] = [
  /\.\s*(insert|update|delete)\s*\(\s*(cases|caseEvents)\s*\)/,
  /\b(insert\s+into|update|delete\s+from)\s+"?(cases|case_events)\b"?/i,
  /\b(insert\s+into|update|delete\s+from)\s+\$\{\s*(cases|caseEvents)\s*\}/i,
];

/** The lines of `text` that write a case table, as "path:line: code". */
function caseWrites(path: string, text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, i) => (WRITES.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
}

describe("architecture", () => {
  it("finds the writes it is meant to find", () => {
    const samples = [
      "await tx.update(cases).set({ status })",
      "tx.insert(caseEvents).values(rows)",
      "db.delete(cases).where(x)",
      "sql`update cases set number = 1`",
      "sql`insert into case_events (case_id) values (1)`",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a raw SQL write
      "sql`delete from ${caseEvents} where true`",
    ];
    for (const s of samples) expect(caseWrites("x.ts", s), s).toHaveLength(1);
    expect(caseWrites("x.ts", "tx.update(caseMaterials).set({})")).toEqual([]);
    expect(caseWrites("x.ts", "select id from cases where number like 'pending:%'")).toEqual([]);
  });

  const outside = () =>
    sourceFiles(join(ROOT, "src"))
      .map((p) => relative(ROOT, p).replaceAll("\\", "/"))
      .filter((p) => !p.startsWith(RUNNER))
      .map((p) => ({ path: p, text: readFileSync(join(ROOT, p), "utf8") }));

  it("no module outside the case runner writes cases or case_events", () => {
    expect(outside().flatMap((f) => caseWrites(f.path, f.text))).toEqual([]);
  });

  it("other modules reach the runner through its entry points only (not its writes)", () => {
    const deep = /from\s+"[^"]*\/cases\/runner\/[^"]+"|from\s+"\.\/runner\/[^"]+"/;
    const found = outside().flatMap((f) =>
      f.text
        .split("\n")
        .flatMap((line, i) => (deep.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
