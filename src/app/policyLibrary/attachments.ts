/**
 * Attachments of a policy document: the published PDF, a Word file or plain text, stored like every
 * upload (adapters/storage, `files` rows). The text of a PDF (its text layer, read with pdf.js within
 * bounds: adapters/pdf/pdfText), a .docx (word/document.xml in the zip, read with fflate) or a .txt
 * (UTF-8, UTF-16 or GB18030) can become the document's full text. A scanned PDF has no text to give: its
 * text is pasted in the editor.
 */

import { eq } from "drizzle-orm";
import { PdfTextRefused, pdfText } from "../../adapters/pdf/pdfText";
import { inspectZip, ZipRefused } from "../../adapters/storage/zipArchive";
import { files, policyDocuments } from "../../db/schema";
import { invalid, notFound } from "../../domain/errors";
import type { TPolicyDocument } from "../../shared/api/policyLibrary";
import { decodeTextBytes } from "../../shared/textDecoding";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { fileStorage } from "../files/fileStorage";
import { recordFile } from "../files/recordFile";
import { compressedTooLarge, isCompressionBomb } from "../files/uploads";
import { authorize, can } from "../policies";
import { getPolicy, POLICY } from "./documents";
import { policySearchVector } from "./searchIndex";

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ATTACHMENTS = 20;

type Kind = { kind: "pdf" | "docx" | "txt"; contentType: string };

const TYPES: Record<Kind["kind"], string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
};

/** The kind of an upload by its content (and, for text, its name): PDF, Word (.docx) or plain text. */
function kindOf(fileName: string, bytes: Buffer): Kind | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return { kind: "pdf", contentType: TYPES.pdf };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(fileName))
    return { kind: "docx", contentType: TYPES.docx };
  if (/\.txt$/i.test(fileName) && decodeTextBytes(bytes)) return { kind: "txt", contentType: TYPES.txt };
  return null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The text of a .docx: its paragraphs (word/document.xml), one a line; null when it is no Word file. The
 * archive is inflated within the upload limits (a compression bomb is the 422 `compressed_too_large`).
 */
export function docxText(bytes: Uint8Array): string | null {
  let xml: Uint8Array | undefined;
  try {
    xml = inspectZip(bytes, ["word/document.xml"]).files.get("word/document.xml");
  } catch (err) {
    if (err instanceof ZipRefused && isCompressionBomb(err)) throw compressedTooLarge();
    return null;
  }
  if (!xml) return null;
  return new TextDecoder()
    .decode(xml)
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<w:br\/>|<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
      e.startsWith("#")
        ? String.fromCodePoint(
            e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
          )
        : (ENTITIES[e.toLowerCase()] ?? ""),
    )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Control characters other than tab and line breaks are dropped from extracted text (the text rule). */
const clean = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").slice(0, 500_000);

/**
 * The text layer of an uploaded PDF (pdf.js, at most 300 pages and 30 s); 422 `file` when the PDF is
 * encrypted, damaged, too slow to read, or has no text (a scan): its text is then pasted in the editor.
 */
async function textOfPdf(bytes: Buffer): Promise<string> {
  let text: string;
  try {
    text = await pdfText(bytes, { maxPages: 300, maxChars: 500_000, timeoutMs: 30_000 });
  } catch (err) {
    if (!(err instanceof PdfTextRefused)) throw err;
    throw invalid("file", `pdf_${err.reason}`, {
      "zh-CN":
        err.reason === "encrypted"
          ? "PDF 文件已加密，无法提取全文，请在编辑页粘贴全文"
          : err.reason === "timeout"
            ? "PDF 文件过于复杂，未能在限定时间内提取全文，请在编辑页粘贴全文"
            : "PDF 文件已损坏或无法读取，请在编辑页粘贴全文",
      "en-US":
        err.reason === "encrypted"
          ? "The PDF is encrypted; paste its text in the editor"
          : err.reason === "timeout"
            ? "The PDF took too long to read; paste its text in the editor"
            : "The PDF is damaged or cannot be read; paste its text in the editor",
    });
  }
  if (text.trim() === "")
    throw invalid("file", "pdf_without_text", {
      "zh-CN": "PDF 中没有可提取的文字（可能是扫描件），请在编辑页粘贴全文",
      "en-US": "The PDF has no text layer (a scan?); paste its text in the editor",
    });
  return text;
}

/**
 * Attaches a file to a document (supervisors and administrators). With `extractText`, the text of the
 * PDF, .docx or .txt replaces the full text (and the search index); 422 `file` for another type, for a
 * file whose text cannot be read (a scanned PDF), or past 20 attachments.
 */
export async function uploadPolicyAttachment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: { fileName: string; bytes: Buffer },
  extractText: boolean,
): Promise<TPolicyDocument> {
  authorize(actor, "update", "policyDocument", { status: "", linkedToItem: false });
  const kind = upload.bytes.length <= MAX_BYTES ? kindOf(upload.fileName, upload.bytes) : null;
  if (!kind)
    throw invalid("file", "unsupported_file", {
      "zh-CN": "只能上传 PDF、Word（.docx）或文本（.txt）文件，且不超过 20 MB",
      "en-US": "Only PDF, Word (.docx) or text (.txt) files up to 20 MB",
    });
  let text: string | null = null;
  if (extractText) {
    text =
      kind.kind === "pdf"
        ? await textOfPdf(upload.bytes)
        : kind.kind === "docx"
          ? docxText(upload.bytes)
          : (decodeTextBytes(upload.bytes)?.text ?? null);
    if (text === null)
      throw invalid("file", "unreadable_file", {
        "zh-CN": "无法读取文件内容",
        "en-US": "The file cannot be read",
      });
  }
  const stored = await fileStorage(ctx).put(upload.bytes);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(policyDocuments).where(eq(policyDocuments.id, id)).for("update");
    if (!row) throw notFound(POLICY);
    if (row.attachments.length >= MAX_ATTACHMENTS)
      throw invalid("file", "too_many_attachments", {
        "zh-CN": `附件最多 ${MAX_ATTACHMENTS} 个`,
        "en-US": `At most ${MAX_ATTACHMENTS} attachments`,
      });
    const file = await recordFile(tx, stored, {
      fileName: upload.fileName,
      contentType: kind.contentType,
      sizeBytes: upload.bytes.length,
      uploadedBy: actor.userId,
      at: now,
    });
    const attachments = [
      ...row.attachments,
      { fileId: file.id, fileName: file.fileName, contentType: kind.contentType, size: upload.bytes.length },
    ];
    const fullText = text === null ? row.fullText : clean(text);
    await tx
      .update(policyDocuments)
      .set({
        attachments,
        fullText,
        search: policySearchVector({ ...row, fullText }),
        updatedAt: now,
        version: row.version + 1,
      })
      .where(eq(policyDocuments.id, id));
  });
  return getPolicy(ctx, actor, id);
}

/** An attachment's bytes (staff; 404 for a file not attached to the document). */
export async function policyAttachment(ctx: AppContext, actor: Actor, id: string, fileId: string) {
  if (!can(actor, "markRead", "policyDocument", { status: "", linkedToItem: false })) throw notFound(POLICY);
  const db = ctx.database.db;
  const [row] = await db
    .select({ a: policyDocuments.attachments })
    .from(policyDocuments)
    .where(eq(policyDocuments.id, id));
  const att = row?.a.find((x) => x.fileId === fileId);
  if (!att) throw notFound({ "zh-CN": "附件", "en-US": "Attachment" });
  const [f] = await db.select().from(files).where(eq(files.id, fileId));
  if (!f) throw notFound({ "zh-CN": "附件", "en-US": "Attachment" });
  const bytes = await fileStorage(ctx).get(f.storageKey);
  return { bytes, fileName: att.fileName, contentType: att.contentType, sha256: f.sha256 };
}
