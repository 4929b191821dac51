/**
 * CSV (RFC 4180) for offline shared data: quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF, a UTF-8 BOM. The first row is the header. Structural faults (a quote never closed, text
 * after a closing quote) refuse the file with the line they start on; nothing is guessed.
 * Files in GB18030/GBK (what Excel on Chinese Windows saves) are detected and decoded, never stored
 * as mojibake.
 */
import { decodeTextBytes, type TextEncodingName } from "../../shared/textDecoding";

/** A CSV file that cannot be read; `line` is 1-based. */
export class CsvError extends Error {
  constructor(
    readonly code: "unclosed_quote" | "text_after_quote" | "encoding_unknown" | "bad_header" | "empty",
    readonly line: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${en} (${zh})`);
  }
}

/** One parsed row and the physical line it starts on. */
export type CsvRow = { line: number; fields: string[] };

/**
 * Parses CSV text into rows with their starting line numbers (RFC 4180). Blank lines are skipped.
 * Throws CsvError for an unclosed quote (naming the line it opened on) or text after a closing quote.
 */
export function parseCsvRows(text: string): CsvRow[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push({ line: rowLine, fields: row });
    row = [];
    field = "";
    state = "start";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (state === "quoted") {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') state = "closed";
      else {
        if (ch === "\n" || (ch === "\r" && s[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === ",") {
      row.push(field);
      field = "";
      state = "start";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else if (ch === '"' && state === "start") {
      state = "quoted";
      quoteLine = line;
    } else if (state === "closed") {
      throw new CsvError(
        "text_after_quote",
        line,
        `第 ${line} 行：引号结束后还有字符（字段含引号时须整体加引号，引号写两次）`,
        `line ${line}: text after a closing quote (quote the whole field and double the quotes inside)`,
      );
    } else {
      field += ch;
      state = "plain";
    }
  }
  if (state === "quoted") {
    throw new CsvError(
      "unclosed_quote",
      quoteLine,
      `第 ${quoteLine} 行：引号未闭合`,
      `line ${quoteLine}: a quoted field is never closed`,
    );
  }
  if (state !== "start" || field !== "" || row.length > 0) endRow();
  return rows;
}

/** The rows of a CSV text, fields only (see {@link parseCsvRows}). */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.fields);
}

/**
 * Decodes the bytes of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (which
 * includes GBK and GB2312). Bytes that are none of these are refused, never decoded into mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decoded = decodeTextBytes(bytes);
  if (decoded) return decoded;
  throw new CsvError(
    "encoding_unknown",
    0,
    "文件编码无法识别：请另存为 UTF-8 或 GB18030（GBK）编码的 CSV",
    "unknown file encoding: save the CSV as UTF-8 or GB18030 (GBK)",
  );
}

/** One record of an import file, before it is checked. */
export type CsvRecord = {
  line: number;
  subjectCode: string;
  subjectName: string;
  validUntil: string | null;
  fields: Record<string, string>;
  /** Set when the row has more or fewer fields than the header. */
  fieldCount?: { expected: number; got: number };
};

/**
 * Reads shared-data records from CSV: columns `subject_code`, `subject_name`, optional `valid_until`
 * (YYYY-MM-DD); every other column becomes a field. Throws CsvError for an unreadable file or a header
 * that lacks a required column.
 */
export function csvRecords(text: string): CsvRecord[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) throw new CsvError("empty", 1, "文件为空", "the file is empty");
  const cols = header.fields.map((h) => h.trim());
  for (const need of ["subject_code", "subject_name"]) {
    if (!cols.includes(need)) {
      throw new CsvError(
        "bad_header",
        header.line,
        `第 ${header.line} 行（表头）缺少列 ${need}；表头应为 subject_code,subject_name[,valid_until][,其他字段…]，现为：${cols.join(",")}`,
        `the header (line ${header.line}) lacks the column ${need}; expected subject_code,subject_name[,valid_until][,other fields…], got: ${cols.join(",")}`,
      );
    }
  }
  return rows.map((r) => {
    const fields: Record<string, string> = {};
    let subjectCode = "";
    let subjectName = "";
    let validUntil: string | null = null;
    cols.forEach((c, i) => {
      const v = (r.fields[i] ?? "").trim();
      if (c === "subject_code") subjectCode = v;
      else if (c === "subject_name") subjectName = v;
      else if (c === "valid_until") validUntil = v || null;
      else if (v !== "") fields[c] = v;
    });
    const rec: CsvRecord = { line: r.line, subjectCode, subjectName, validUntil, fields };
    if (r.fields.length !== cols.length) rec.fieldCount = { expected: cols.length, got: r.fields.length };
    return rec;
  });
}
