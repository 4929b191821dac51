import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** The one module allowed to write `cases` and `case_events` (issue 12: one path for every case change). */
const RUNNER = "src/app/cases/commands/runner/";

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
    // The one exception: the bulk history for load measurements writes by set-based SQL (ADR 0017d).
    const exceptions = new Set(["src/app/seed/bulkSql.ts"]);
    expect(
      outside()
        .filter((f) => !exceptions.has(f.path))
        .flatMap((f) => caseWrites(f.path, f.text)),
    ).toEqual([]);
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

/** The relative imports of a source file (values and types), resolved to repository paths. */
function importsOf(path: string, text: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const re = /^\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms;
  for (const m of text.matchAll(re)) {
    const base = relative(ROOT, resolve(dirname(join(ROOT, path)), m[1] ?? "")).replaceAll("\\", "/");
    const hit = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => known.has(c));
    if (hit) found.push(hit);
  }
  return found;
}

/** Every import cycle (strongly connected component of more than one file) of a graph (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("layers", () => {
  const files = sourceFiles(join(ROOT, "src")).map((p) => relative(ROOT, p).replaceAll("\\", "/"));
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), "utf8"), known)]));
  /** "from → to" for every import of a file under `from` into a file under one of `to`. */
  const crossing = (from: string, to: string[]) =>
    [...graph].flatMap(([f, deps]) =>
      f.startsWith(from) ? deps.filter((d) => to.some((t) => d.startsWith(t))).map((d) => `${f} → ${d}`) : [],
    );

  it("reads the imports it is meant to read", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"]]);
    expect(importsOf("src/app/x.ts", 'import type { T } from "../domain/errors";', known)).toEqual([
      "src/domain/errors.ts",
    ]);
  });

  it("has no circular import (values or types)", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("domain/ imports nothing of ours but domain/ and shared/", () => {
    expect(
      crossing("src/domain/", ["src/app/", "src/db/", "src/http/", "src/jobs/", "src/adapters/", "src/cli/"]),
    ).toEqual([]);
  });

  it("shared/ (the wire contract the web bundles) imports nothing of ours but shared/ and domain/, and no node: module", () => {
    expect(
      crossing("src/shared/", ["src/app/", "src/db/", "src/http/", "src/jobs/", "src/adapters/", "src/cli/"]),
    ).toEqual([]);
    const nodeOnly = files
      .filter((f) => (f.startsWith("src/shared/") || f.startsWith("src/domain/")) && !f.endsWith(".test.ts"))
      .filter((f) => /from\s+"node:/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(nodeOnly).toEqual([]);
  });

  it("app/ and jobs/ do not import each other; app/ never imports http/ or cli/", () => {
    expect(crossing("src/jobs/", ["src/app/", "src/http/", "src/cli/"])).toEqual([]);
    expect(crossing("src/app/", ["src/jobs/", "src/http/", "src/cli/"])).toEqual([]);
  });

  it("db/schema holds tables, not the domain's enumerations", () => {
    const lists = files
      .filter((f) => f.startsWith("src/db/schema/"))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), "utf8")
          .split("\n")
          .flatMap((line, i) =>
            /^export const [A-Z_]+\s*=/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(lists).toEqual([]);
  });
});
