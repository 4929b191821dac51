import { createRequire } from "node:module";
import type { TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces";
import { applyFontFallback } from "./fallback";
import { type FontFamily, type FontProvider, fontBook, MAIN_FONT } from "./fonts";

/** Metadata every rendered document carries; the creation date comes from the input, never the clock. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Written as CreationDate/ModDate and hashed into the file ID: same input, same bytes. */
  creationDate: Date;
}

/** A pdfmake document definition whose `info` is complete (title, author, subject, creation date). */
export type PdfDocument = Omit<TDocumentDefinitions, "info"> & { info: PdfInfo };

/** The part of the pdfmake singleton (Node build) this adapter uses; the virtual fs is untyped upstream. */
interface PdfmakeRuntime {
  createPdf: typeof import("pdfmake").createPdf;
  setFonts: typeof import("pdfmake").setFonts;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  virtualfs: {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Buffer): void;
  };
}

let runtime: PdfmakeRuntime | undefined;

function pdfmake(): PdfmakeRuntime {
  if (runtime) return runtime;
  const loaded = createRequire(import.meta.url)("pdfmake") as PdfmakeRuntime;
  // Documents never fetch URLs or read local files: fonts come from the virtual fs only.
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy(() => false);
  runtime = loaded;
  return loaded;
}

/** Puts decoded font files into pdfmake's virtual fs (once) and builds the font dictionary. */
function fontDictionary(pm: PdfmakeRuntime, families: FontFamily[]): TFontDictionary {
  const dictionary: TFontDictionary = {};
  for (const f of families) {
    for (const file of [f.normal, f.bold]) {
      if (!pm.virtualfs.existsSync(file.name)) pm.virtualfs.writeFileSync(file.name, file.data);
    }
    dictionary[f.family] = {
      normal: f.normal.name,
      bold: f.bold.name,
      italics: f.normal.name,
      bolditalics: f.bold.name,
    };
  }
  return dictionary;
}

/**
 * Renders a document definition to PDF bytes with the embedded Noto Sans SC font (CID TrueType,
 * text extractable), rare characters taken from fallback subsets. Deterministic: metadata and the
 * file ID derive from `info`, so the same input gives the same bytes (documents are stored with the
 * case and must be reproducible; 行政许可法 Art. 32 requires written, dated notices).
 */
export async function renderPdf(doc: PdfDocument, book: FontProvider = fontBook()): Promise<Buffer> {
  const pm = pdfmake();
  const prepared = applyFontFallback(doc as TDocumentDefinitions, book);
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    ...prepared,
    defaultStyle: { font: MAIN_FONT, fontSize: 12, ...doc.defaultStyle },
    info: {
      ...doc.info,
      creator: "Yizhan 一站",
      producer: "Yizhan 一站 (pdfmake)",
      modDate: doc.info.creationDate,
    },
  };
  // Fallback families are loaded while the content is walked, so the dictionary is built after it.
  pm.setFonts(fontDictionary(pm, book.families()));
  return pm.createPdf(definition).getBuffer();
}
