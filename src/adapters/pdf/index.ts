export { type CodeRanges, readCmapCoverage } from "./cmap";
export { applyFontFallback, type GlyphSource, missingCharacters, splitRuns } from "./fallback";
export { fontCacheDir, loadDecodedFont } from "./fontCache";
export {
  FontBook,
  type FontBookOptions,
  type FontProvider,
  fontBook,
  MAIN_FONT,
  parseFontFaces,
  parseUnicodeRange,
} from "./fonts";
export {
  amountInCapitals,
  formatChineseDate,
  formatDocumentNumber,
  formatWorkingDays,
  formatYuan,
} from "./format";
export {
  buildNotice,
  NOTICE_TITLE,
  type NoticeDataByKind,
  type NoticeKind,
  renderNotice,
} from "./notices";
export { type PdfDocument, type PdfInfo, renderPdf } from "./render";
export type * from "./types";
export { decodeWoff } from "./woff";
