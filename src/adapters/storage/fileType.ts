import { fileTypeFromBuffer } from "file-type";

/** Upload types accepted for application materials, checked by content (magic bytes), not by name. */
export const ACCEPTED_UPLOADS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/tiff": "TIFF",
  "image/webp": "WebP",
  "application/ofd": "OFD",
};

/** The content type of uploaded bytes as detected from their content, or null when not accepted. */
export async function detectUploadType(bytes: Buffer): Promise<string | null> {
  const t = await fileTypeFromBuffer(bytes);
  if (!t) return null;
  // OFD (GB/T 33190) is a zip container; accept it only when it carries an OFD.xml entry.
  if (t.mime === "application/zip") return bytes.includes(Buffer.from("OFD.xml")) ? "application/ofd" : null;
  return t.mime in ACCEPTED_UPLOADS ? t.mime : null;
}
