import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { invalid } from "../domain/errors";
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
  for await (const part of req.parts()) {
    if (part.type === "file") file = { fileName: part.filename, bytes: await part.toBuffer() };
    else fields[part.fieldname] = String(part.value);
  }
  assertText(undefined, fields);
  if (file) assertText(ZFileName, { file: file.fileName });
  if (opts.requireFile && !file)
    throw invalid("file", "required", { "zh-CN": "缺少文件", "en-US": "The file is missing" });
  return { fields, file };
}
