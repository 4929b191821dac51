/**
 * CSV (RFC 4180) for offline shared data: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM.
 * The first row is the header.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  return rows;
}

/** One record of an import file, before it is checked. */
export type CsvRecord = {
  line: number;
  subjectCode: string;
  subjectName: string;
  validUntil: string | null;
  fields: Record<string, string>;
};

/**
 * Reads shared-data records from CSV: columns `subject_code`, `subject_name`, optional `valid_until`
 * (YYYY-MM-DD); every other column becomes a field. Throws when the header lacks a required column.
 */
export function csvRecords(text: string): CsvRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const cols = header.map((h) => h.trim());
  for (const need of ["subject_code", "subject_name"]) {
    if (!cols.includes(need)) throw new Error(`CSV header lacks the column ${need} (缺少列 ${need})`);
  }
  return rows.map((r, n) => {
    const fields: Record<string, string> = {};
    let subjectCode = "";
    let subjectName = "";
    let validUntil: string | null = null;
    cols.forEach((c, i) => {
      const v = (r[i] ?? "").trim();
      if (c === "subject_code") subjectCode = v;
      else if (c === "subject_name") subjectName = v;
      else if (c === "valid_until") validUntil = v || null;
      else if (v !== "") fields[c] = v;
    });
    return { line: n + 2, subjectCode, subjectName, validUntil, fields };
  });
}
