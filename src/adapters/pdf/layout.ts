import type { Content, ContentTable, Margins, Node, NodeQueries, TableCell } from "pdfmake/interfaces";
import { clause } from "../../shared/wording";
import { formatChineseDate } from "./format";

export { clause } from "../../shared/wording";

import type { PdfDocument } from "./render";
import {
  type IsoDate,
  type LogReference,
  logReferenceLine,
  type NoticeOrg,
  type Remedies,
  type Verification,
} from "./types";

/** Red of the 版头 and the seal placeholder (GB/T 9704 uses red for the issuer line). */
export const OFFICIAL_RED = "#c8102e";
/** A4 width (595.28 pt) less the left and right page margins. */
export const CONTENT_WIDTH = 595.28 - 2 * 64;
const INDENT = 24; // two characters at 12 pt: 首行缩进两字

/** What every notice needs to be framed as an official document. */
export interface NoticeFrame {
  org: NoticeOrg;
  title: string;
  /** a line under the title, e.g. （一次性告知） or the item name */
  subtitle?: string;
  /** 文号, right-aligned under the title; omitted on sheets that have none */
  documentNumber?: string;
  /** printed in the footer of every page */
  caseNumber?: string;
  issuedOn: IsoDate;
  verification?: Verification;
  /** The recorded event's place in the transparency log, printed in the footer. */
  transparency?: LogReference;
  /** PDF subject metadata */
  subject: string;
  body: Content[];
  /** default true: the organization, the date and the seal placeholder bottom-right */
  signature?: boolean;
}

/** A body paragraph: first line indented two characters, 1.5 line spacing. */
export function paragraph(text: string | Content[], indent = true): Content {
  return {
    text: text as string,
    leadingIndent: indent ? INDENT : 0,
    lineHeight: 1.4,
    margin: [0, 0, 0, 3],
    alignment: "justify",
  };
}

/** Ends a free-text clause supplied by a clerk with exactly one 。 (they type with or without it). */
export function sentence(text: string): string {
  return `${clause(text)}。`;
}

/** The addressee line (主送), flush left, ending with a full-width colon. */
export function addressee(name: string): Content {
  return { text: `${name}：`, margin: [0, 6, 0, 4], lineHeight: 1.4 };
}

/**
 * A small bold heading inside a notice body (一、二、…). Marked `headlineLevel: 1` so that
 * {@link keepHeadingsWithNext} moves it to the next page rather than leave it alone at the foot.
 */
export function heading(text: string): Content {
  return { text, bold: true, margin: [0, 6, 0, 4], headlineLevel: 1 };
}

/**
 * pdfmake's `pageBreakBefore`: a heading (headlineLevel 1) starts a new page when nothing of what
 * follows it fits on its page — no heading alone at the foot of a page (GB/T 9704-2012 layout
 * practice: a title is never separated from its text).
 */
export function keepHeadingsWithNext(node: Node, q: NodeQueries): boolean {
  if (node.headlineLevel !== 1) return false;
  // pdfmake lists the page footer's nodes too: only body content counts as "what follows".
  return !q.getFollowingNodesOnPage().some((n) => n.style !== FOOTER_STYLE);
}

/** Style name carried by every node of the page footer (so page-break rules can tell it apart). */
const FOOTER_STYLE = "yizhanFooter";

/** A bordered table with a shaded header row; cells are plain text. */
export function table(headers: string[], rows: TableCell[][], widths: Array<number | "*" | "auto">): Content {
  const head: TableCell[] = headers.map((h) => ({
    text: h,
    bold: true,
    alignment: "center",
    fillColor: "#eeeeee",
  }));
  const content: ContentTable = {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [head, ...rows], dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 10.5,
    margin: [0, 4, 0, 8],
  };
  return content;
}

/**
 * A heading and its table as one table: the heading is a borderless first header row, so pdfmake
 * keeps it with the column headers and the first data row (`keepWithHeaderRows`) and repeats both on
 * every page the table continues on — a heading never stands alone at the foot of a page.
 */
export function headedTable(
  title: string,
  headers: string[],
  rows: TableCell[][],
  widths: Array<number | "*" | "auto">,
): Content {
  const t = table(headers, rows, widths) as ContentTable;
  const none = [false, false, false, false] as [boolean, boolean, boolean, boolean];
  const titleRow: TableCell[] = headers.map((_, i) =>
    i === 0
      ? {
          text: title,
          bold: true,
          colSpan: headers.length,
          border: none,
          fontSize: 12,
          margin: [-4, 3, 0, 1],
        }
      : { text: "", border: none },
  );
  return {
    ...t,
    table: { ...t.table, headerRows: 2, keepWithHeaderRows: 1, body: [titleRow, ...t.table.body] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : 0.6),
      vLineWidth: () => 0.6,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 8],
  };
}

/** The sentence telling the applicant how to challenge a decision (行政复议法 Art. 20, 行政诉讼法 Art. 46). */
export function remediesParagraph(r: Remedies, document = "本决定书"): Content {
  return paragraph(
    `如不服本决定，可以自收到${document}之日起六十日内向${r.reconsiderationBody}申请行政复议，` +
      `也可以自收到${document}之日起六个月内直接向${r.court}提起行政诉讼。`,
  );
}

function letterhead(f: NoticeFrame): Content[] {
  const parts: Content[] = [
    {
      text: f.org.name,
      fontSize: 22,
      bold: true,
      color: OFFICIAL_RED,
      alignment: "center",
      characterSpacing: 2,
    },
    {
      canvas: [
        { type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: OFFICIAL_RED },
      ],
      margin: [0, 4, 0, 12],
    },
    {
      text: f.title,
      fontSize: 20,
      bold: true,
      alignment: "center",
      characterSpacing: 1,
      margin: [0, 0, 0, 6],
    },
  ];
  if (f.subtitle) parts.push({ text: f.subtitle, alignment: "center", fontSize: 13, margin: [0, -2, 0, 6] });
  if (f.documentNumber) parts.push({ text: f.documentNumber, alignment: "right", margin: [0, 0, 0, 6] });
  return parts;
}

function signature(f: NoticeFrame): Content {
  return {
    columns: [
      { width: "*", text: "" },
      {
        width: "auto",
        stack: [
          { text: "【电子印章】", color: OFFICIAL_RED, bold: true, fontSize: 13 },
          { text: f.org.name, margin: [0, 4, 0, 0] },
          { text: formatChineseDate(f.issuedOn), margin: [0, 2, 0, 0] },
        ],
        alignment: "center",
      },
      { width: 24, text: "" },
    ],
    margin: [0, 20, 0, 0],
  };
}

/**
 * The closing line (特此通知) and the signature kept on one page: a signature alone on the last page
 * is not allowed (GB/T 9704-2012 §7.3.5.1 — no page holding only the issuer and date).
 */
function closing(f: NoticeFrame): Content[] {
  if (f.signature === false) return f.body;
  const last = f.body[f.body.length - 1];
  return [...f.body.slice(0, -1), { stack: [last, signature(f)], unbreakable: true }];
}

/**
 * The verification line printed in the footer: the absolute link (built on the deployment's public
 * address) and, for typing it in by hand, the 查询码.
 */
export function verificationLine(v: Verification | undefined, org: NoticeOrg): string {
  if (!v) return `核验：可凭办件编号向${org.name}核验本文书真伪。`;
  const code = v.queryCode ? `（查询码 ${v.queryCode}）` : "";
  return `核验：访问 ${v.url} ${code}，可核验本文书真伪并查询办理进度。`;
}

/**
 * Frames a notice body as a Chinese official document: red letterhead and rule, centred title,
 * 文号 right-aligned, body, issuing organization and date bottom-right under the seal placeholder,
 * and a footer with the case number, page numbers and the verification line on every page.
 */
export function noticeDocument(f: NoticeFrame): PdfDocument {
  const footerLine = verificationLine(f.verification, f.org);
  return {
    pageSize: "A4",
    // The transparency line takes up to two more lines of the footer.
    pageMargins: [64, 48, 64, f.transparency ? 96 : 72],
    info: {
      title: f.documentNumber ? `${f.title}（${f.documentNumber}）` : f.title,
      author: f.org.name,
      subject: f.subject,
      keywords: [f.caseNumber, f.documentNumber].filter(Boolean).join(" "),
      creationDate: new Date(`${f.issuedOn}T00:00:00+08:00`),
    },
    defaultStyle: { fontSize: 12 },
    content: [...letterhead(f), ...closing(f)],
    pageBreakBefore: keepHeadingsWithNext,
    styles: { [FOOTER_STYLE]: {} },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [64, 16, 64, 0],
      fontSize: 8.5,
      color: "#555555",
      style: FOOTER_STYLE,
      stack: [
        {
          canvas: [
            { type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.4, lineColor: "#999999" },
          ],
          margin: [0, 0, 0, 4],
          style: FOOTER_STYLE,
        },
        {
          columns: [
            {
              text: f.caseNumber ? `办件编号：${f.caseNumber}` : f.org.name,
              width: "*",
              style: FOOTER_STYLE,
            },
            { text: `第 ${currentPage} 页 共 ${pageCount} 页`, width: "auto", style: FOOTER_STYLE },
          ],
          style: FOOTER_STYLE,
        },
        { text: footerLine, margin: [0, 2, 0, 0], style: FOOTER_STYLE },
        ...(f.transparency
          ? [{ text: logReferenceLine(f.transparency), margin: [0, 1, 0, 0] as Margins, style: FOOTER_STYLE }]
          : []),
      ],
    }),
  };
}
