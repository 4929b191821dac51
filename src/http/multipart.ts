import type { FastifyRequest } from "fastify";
import { invalid, YizhanError } from "../domain/errors";
import { assertText } from "./textGuard";

/** One uploaded file: its name as sent and its bytes. */
export type Upload = { fileName: string; bytes: Buffer };

// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the marks (U+200E, U+200F,
// U+061C): they make "申请表\u202Efdp.exe" show as "申请表exe.pdf". Control characters: C0, DEL, C1, and the
// line and paragraph separators U+2028, U+2029 (a name is one line).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * An uploaded file's name as it is stored and shown: bidi controls and control characters removed, no
 * directory part (`..\\a/b.pdf` → `b.pdf`), trimmed, at most 200 characters; `file` when nothing is
 * left.
 */
export function cleanFileName(name: string): string {
  const base = name.replace(UNSAFE_IN_NAMES, "").split(/[/\\]/).pop() ?? "";
  const clean = Array.from(base.trim()).slice(0, 200).join("").trim();
  return clean === "" || clean === "." || clean === ".." ? "file" : clean;
}

/**
 * Reads a multipart/form-data request: the file part (`file`), its name cleaned ({@link cleanFileName}:
 * no bidi overrides, no control characters, no directory), and the other fields as strings, held to the
 * text rule of JSON bodies (no control characters) — a 422 naming the field, never a note with U+0000
 * reaching the database. With `requireFile`, a request without a file is a 422 naming `file`.
 */
export async function readMultipart(
  req: FastifyRequest,
  opts: { requireFile?: boolean } = {},
): Promise<{ fields: Record<string, string>; file?: Upload }> {
  if (!req.isMultipart())
    throw invalid("file", "multipart_required", {
      "zh-CN": "请以 multipart/form-data 上传文件",
      "en-US": "Upload the file as multipart/form-data",
    });
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file")
        file = { fileName: cleanFileName(part.filename), bytes: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    // The parser's own refusals (too large: 413) stand; a body it cannot read at all (no boundary,
    // truncated parts) is the client's 400, not a 500 (test/integration/hostile.test.ts).
    if (e instanceof YizhanError || (e as { statusCode?: number }).statusCode) throw e;
    throw new YizhanError(
      "malformed_multipart",
      400,
      {
        "zh-CN": "上传内容无法读取（multipart 格式错误）",
        "en-US": "The upload cannot be read (malformed multipart body)",
      },
      { field: "file" },
    );
  }
  assertText(undefined, fields);
  if (opts.requireFile && !file)
    throw invalid("file", "required", { "zh-CN": "缺少文件", "en-US": "The file is missing" });
  return { fields, file };
}
