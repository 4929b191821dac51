import { readFileSync } from "node:fs";

/** The authorization matrix's table (test/integration/authz/expected.md): operation → column → cell. */
export type AuthzTable = Record<string, Record<string, string>>;

export const AUTHZ_TABLE = new URL("../integration/authz/expected.md", import.meta.url);

/** Reads the Markdown table headed `| operation | …columns |`: one row per operation. */
export function loadAuthzTable(file: URL = AUTHZ_TABLE): AuthzTable {
  const lines = readFileSync(file, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("| operation |"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  const rows = lines.slice(start, end === -1 ? undefined : end).map((l) =>
    l
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim().replaceAll("`", "")),
  );
  const [head, , ...body] = rows;
  const table: AuthzTable = {};
  for (const [op, ...cells] of body) {
    if (table[op]) throw new Error(`${file.pathname}: ${op} twice`);
    table[op] = Object.fromEntries(head.slice(1).map((c, i) => [c, cells[i]]));
  }
  return table;
}

/** One row of the table as Markdown. */
export function authzRow(op: string, cells: string[]): string {
  return `| \`${op}\` | ${cells.join(" | ")} |`;
}
