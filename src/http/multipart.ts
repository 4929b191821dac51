import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { invalid, YizhanError } from "../domain/errors";
import { assertText } from "./textGuard";

/** One uploaded file: its name as sent and its bytes. */
export type Upload = { fileName: string; bytes: Buffer };

// A file name is one line: the text rule of every other field (src/shared/text.ts), strictly.
const ZFileName = z.object({ file: z.string() });

/**
 * Reads a multipart/form-data request: the file part (`file`) and the other fields as strings, held to
 * the text rule of JSON bodies (no control characters; the file name on one line) — a 422 naming the
 * field, never a file name or note with U+0000 reaching the database. With `requireFile`, a request
 * without a file is a 422 naming `file`.
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
      if (part.type === "file") file = { fileName: part.filename, bytes: await part.toBuffer() };
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
  if (file) assertText(ZFileName, { file: file.fileName });
  if (opts.requireFile && !file)
    throw invalid("file", "required", { "zh-CN": "缺少文件", "en-US": "The file is missing" });
  return { fields, file };
}
