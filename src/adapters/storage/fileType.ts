import { fileTypeFromBuffer } from "file-type";
import { inspectZip, looksLikeZip, ZipRefused } from "./zipArchive";

/** Upload types accepted for application materials, checked by content (magic bytes), not by name. */
export const ACCEPTED_UPLOADS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/tiff": "TIFF",
  "image/webp": "WebP",
  "application/ofd": "OFD",
};

/** The OFD main entry (GB/T 33190 §7.1): at the root of the container, its root element `ofd:OFD`. */
const OFD_MAIN = "OFD.xml";
// After an optional XML declaration, comments and processing instructions: the element OFD in any prefix.
const OFD_ROOT = /^\uFEFF?\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?OFD[\s>/]/;

/**
 * True when a zip archive is an OFD document by its structure: an `OFD.xml` entry at the root whose
 * root element is `OFD` (`<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" …>`), and at least one more
 * entry (the document it points at). Inflates within {@link UPLOAD_ZIP_LIMITS}; throws
 * {@link ZipRefused} for a compression bomb or an archive that cannot be read.
 */
export function isOfd(bytes: Buffer): boolean {
  const zip = inspectZip(bytes, [OFD_MAIN]);
  const main = zip.files.get(OFD_MAIN);
  if (!main || zip.entries.length < 2) return false;
  return OFD_ROOT.test(Buffer.from(main.subarray(0, 4096)).toString("utf8"));
}

/**
 * The content type of uploaded bytes as detected from their content, or null when not accepted. A zip
 * container (OFD, or a zip, docx or xlsx sent instead) is inflated within the limits first — before
 * file-type looks into it — so a compression bomb is refused ({@link ZipRefused}) whatever its name;
 * it is OFD when its structure says so. Gzip is never an accepted material and is not looked into.
 */
export async function detectUploadType(bytes: Buffer): Promise<string | null> {
  if (looksLikeZip(bytes)) return isOfd(bytes) ? "application/ofd" : null;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return null;
  const t = await fileTypeFromBuffer(bytes);
  if (!t) return null;
  return t.mime in ACCEPTED_UPLOADS ? t.mime : null;
}

export { ZipRefused };
