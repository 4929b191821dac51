import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** What a test reads back from a rendered PDF. */
export interface ExtractedPdf {
  /** all text runs joined, whitespace removed (CJK lines come back split into many runs) */
  text: string;
  pages: number;
  info: Record<string, unknown>;
}

/** Extracts text and metadata with pdf.js, as an outside reader would (tests only). */
export async function extractPdf(pdf: Buffer): Promise<ExtractedPdf> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str;
  }
  const meta = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  return { text: text.replace(/\s+/g, ""), pages, info: meta.info as Record<string, unknown> };
}
