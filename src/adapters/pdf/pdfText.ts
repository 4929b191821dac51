/**
 * The text layer of an uploaded PDF, read with pdf.js (pdfjs-dist 4, its legacy Node build), for the
 * policy library's full text. Loaded lazily (the module is large and most processes never need it),
 * bounded: at most `maxPages` pages, `maxChars` characters and `timeoutMs` of work; no eval, no system
 * fonts, no network. A scanned PDF (no text layer) gives "" — the caller decides what that means.
 */

export interface PdfTextOptions {
  maxPages?: number;
  maxChars?: number;
  timeoutMs?: number;
}

/** Why a PDF's text could not be read: encrypted, damaged, or too slow to read. */
export class PdfTextRefused extends Error {
  constructor(readonly reason: "unreadable" | "encrypted" | "timeout") {
    super(`PDF text not extracted: ${reason}`);
  }
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let loading: Promise<PdfJs> | undefined;
const pdfjs = () => {
  loading ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return loading;
};

/**
 * Extracts the text of a PDF: each page's text runs in reading order, a line break where pdf.js sees
 * the end of a line, pages separated by a blank line; whitespace runs inside a line collapsed.
 */
export async function pdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  const { maxPages = 300, maxChars = 500_000, timeoutMs = 30_000 } = options;
  const { getDocument } = await pdfjs();
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTextRefused("timeout")), timeoutMs);
  });
  const read = async () => {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      throw new PdfTextRefused(name === "PasswordException" ? "encrypted" : "unreadable");
    }
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages) && length < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      page.cleanup();
      const tidy = text
        .split("\n")
        .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, " ").trim())
        .filter((line) => line !== "")
        .join("\n");
      pages.push(tidy);
      length += tidy.length;
    }
    return pages
      .filter((p) => p !== "")
      .join("\n\n")
      .slice(0, maxChars);
  };
  try {
    return await Promise.race([read(), deadline]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
