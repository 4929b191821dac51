import { detectUploadType } from "../../adapters/storage/fileType";
import { invalid, YizhanError } from "../../domain/errors";

/** Largest accepted upload, in bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Checks an uploaded material before it is stored: not empty, at most 20 MB, and a document type
 * recognised by its content (PDF, JPEG, PNG, TIFF, WebP, OFD) — never by its name. Returns the type.
 */
export async function acceptedUploadType(bytes: Buffer): Promise<string> {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new YizhanError(
      "payload_too_large",
      413,
      { "zh-CN": "文件超过 20 MB", "en-US": "The file exceeds 20 MB" },
      { field: "file" },
    );
  }
  if (bytes.length === 0)
    throw invalid("file", "empty", { "zh-CN": "文件为空", "en-US": "The file is empty" });
  const type = await detectUploadType(bytes);
  if (!type) {
    throw new YizhanError(
      "unsupported_file_type",
      415,
      {
        "zh-CN": "只接受 PDF、JPEG、PNG、TIFF、WebP 或 OFD 文件（按文件内容识别）",
        "en-US": "Only PDF, JPEG, PNG, TIFF, WebP or OFD files are accepted (detected by content)",
      },
      { field: "file" },
    );
  }
  return type;
}
