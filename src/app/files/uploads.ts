import { detectUploadType, ZipRefused } from "../../adapters/storage/fileType";
import { UPLOAD_ZIP_LIMITS } from "../../adapters/storage/zipArchive";
import { invalid, YizhanError } from "../../domain/errors";

/** Largest accepted upload, in bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const UNSUPPORTED = {
  "zh-CN": "只接受 PDF、JPEG、PNG、TIFF、WebP 或 OFD 文件（按文件内容识别）",
  "en-US": "Only PDF, JPEG, PNG, TIFF, WebP or OFD files are accepted (detected by content)",
};

const MB = (n: number) => Math.round(n / 1024 / 1024);

/** Whether a refused zip was refused for inflating too far (a compression bomb), not for being malformed. */
export function isCompressionBomb(err: ZipRefused): boolean {
  return err.reason === "too_large" || err.reason === "ratio" || err.reason === "too_many_entries";
}

/** The 422 naming `file` for a zip container that inflates past the limits. */
export function compressedTooLarge(): YizhanError {
  return invalid("file", "compressed_too_large", {
    "zh-CN": `压缩文件解压后过大（超过 ${MB(UPLOAD_ZIP_LIMITS.maxTotalBytes)} MB、压缩比超过 ${UPLOAD_ZIP_LIMITS.maxRatio}:1 或条目超过 ${UPLOAD_ZIP_LIMITS.maxEntries} 个），已拒收`,
    "en-US": `The compressed file inflates too far (over ${MB(UPLOAD_ZIP_LIMITS.maxTotalBytes)} MB, a ratio over ${UPLOAD_ZIP_LIMITS.maxRatio}:1 or over ${UPLOAD_ZIP_LIMITS.maxEntries} entries); refused`,
  });
}

/**
 * Checks an uploaded file before it is stored — the one gate of every upload (case materials, deferred
 * materials, project files, a partner's answer, a shared-data document): not empty, at most 20 MB, and
 * a document type recognised by its content (PDF, JPEG, PNG, TIFF, WebP, OFD by its structure) — never
 * by its name. A zip container that inflates past the limits (a compression bomb) is a 422 `compressed_too_large`;
 * one that cannot be read is a 415. Returns the type.
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
  let type: string | null;
  try {
    type = await detectUploadType(bytes);
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    if (isCompressionBomb(err)) throw compressedTooLarge();
    type = null;
  }
  if (!type) throw new YizhanError("unsupported_file_type", 415, UNSUPPORTED, { field: "file" });
  return type;
}
