import type { Content, Margins, TableCell } from "pdfmake/interfaces";
import { formatChineseDate } from "./format";
import { OFFICIAL_RED } from "./layout";
import type { PdfDocument } from "./render";
import { type LogReference, logReferenceLine } from "./types";

/** The data printed on an e-certificate (GB/T 36903 metadata and the type's fields). */
export interface CertificatePdfData {
  name: string;
  nameEn?: string;
  number: string;
  identifier: string;
  typeCode: string;
  issuerName: string;
  issuerCode: string;
  jurisdictionCode: string;
  issuedOn: string;
  holderName: string;
  holderCodeTypeName: string;
  holderCode: string;
  validFrom: string;
  validUntil: string | null;
  fields: Array<{ name: string; value: string }>;
  /** PNG data URL of the QR code (docs/pdf.md: images are data URLs). */
  qrDataUrl: string;
  verifyUrl: string;
  keyId: string;
  algorithm: string;
  /** The issuing event's place in the transparency log (docs/transparency.md). */
  transparency?: LogReference;
  /** GeoJSON Polygon / MultiPolygon coordinates of the red-line map annex, when the parcel has one. */
  boundary?: { type: string; coordinates: unknown } | null;
}

const WIDTH = 595.28 - 2 * 56;
const label = (text: string): TableCell => ({ text, bold: true, alignment: "center", fillColor: "#fbeeee" });

/** Outer rings of a Polygon / MultiPolygon as [x, y] lists. */
function rings(b: NonNullable<CertificatePdfData["boundary"]>): number[][][] {
  const c = b.coordinates as unknown;
  const polys = (b.type === "Polygon" ? [c] : (c as unknown[])) as number[][][][];
  return polys.map((p) => p[0]).filter((r) => Array.isArray(r) && r.length >= 3);
}

/** The red-line map (红线图): the parcel boundary scaled into a box, north up, with its vertices listed. */
function redLineMap(b: NonNullable<CertificatePdfData["boundary"]>): Content[] {
  const rs = rings(b);
  if (!rs.length) return [];
  const pts = rs.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const box = { w: WIDTH - 40, h: 360 };
  const scale = Math.min(box.w / (maxX - minX || 1), box.h / (maxY - minY || 1)) * 0.9;
  const ox = (box.w - (maxX - minX) * scale) / 2;
  const oy = (box.h - (maxY - minY) * scale) / 2;
  const canvas = [
    { type: "rect" as const, x: 0, y: 0, w: box.w, h: box.h, lineWidth: 0.6, lineColor: "#888888" },
    ...rs.map((r) => ({
      type: "polyline" as const,
      closePath: true,
      lineWidth: 2,
      lineColor: OFFICIAL_RED,
      points: r.map((p) => ({ x: ox + (p[0] - minX) * scale, y: box.h - (oy + (p[1] - minY) * scale) })),
    })),
    {
      type: "line" as const,
      x1: box.w - 20,
      y1: 40,
      x2: box.w - 20,
      y2: 12,
      lineWidth: 1.2,
      lineColor: "#333333",
    },
  ];
  const vertices: TableCell[][] = rs[0].slice(0, 12).map((p, i) => [
    { text: `J${i + 1}`, alignment: "center" },
    { text: String(p[0]), alignment: "right" },
    { text: String(p[1]), alignment: "right" },
  ]);
  return [
    {
      text: "附图：宗地红线图",
      fontSize: 18,
      bold: true,
      alignment: "center",
      color: OFFICIAL_RED,
      pageBreak: "before",
      margin: [0, 0, 0, 10],
    },
    {
      stack: [{ canvas }, { text: "北", absolutePosition: { x: 56 + 20 + box.w - 26, y: 100 }, fontSize: 9 }],
      margin: [20, 0, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        widths: [40, "*", "*"],
        body: [[label("界址点"), label("X（经度/东坐标）"), label("Y（纬度/北坐标）")], ...vertices],
      },
      fontSize: 9,
    },
    { text: "红线范围以登记簿和宗地图为准。", fontSize: 9, color: "#555555", margin: [0, 6, 0, 0] },
  ];
}

/**
 * An e-certificate laid out like the paper one (GB/T 36905 file requirements: the certificate's fields,
 * the issuer's seal, a 2-D code for verification): red frame, title, 编号, the official two-column table
 * of the holder and the type's fields (不动产权证书: 坐落, 不动产单元号, 权利类型 …), the QR code to the public
 * verification page, issuer and date under the seal placeholder; the red-line map annex when a boundary exists.
 */
export function certificateDocument(d: CertificatePdfData): PdfDocument {
  const rows: TableCell[][] = [
    [label("持证主体"), d.holderName],
    [label(d.holderCodeTypeName), d.holderCode],
    ...d.fields.map((f) => [label(f.name), f.value]),
    [
      label("有效期限"),
      d.validUntil
        ? `${formatChineseDate(d.validFrom)}至${formatChineseDate(d.validUntil)}`
        : `自${formatChineseDate(d.validFrom)}起长期有效`,
    ],
  ];
  const content: Content[] = [
    {
      text: "中华人民共和国",
      alignment: "center",
      fontSize: 14,
      color: OFFICIAL_RED,
      characterSpacing: 4,
      margin: [0, 8, 0, 2],
    },
    { text: d.name, alignment: "center", fontSize: 26, bold: true, color: OFFICIAL_RED, characterSpacing: 3 },
    ...(d.nameEn
      ? [
          {
            text: d.nameEn,
            alignment: "center" as const,
            fontSize: 10,
            color: "#777777",
            margin: [0, 2, 0, 0] as [number, number, number, number],
          },
        ]
      : []),
    { text: `编号：${d.number}`, alignment: "right", fontSize: 11, margin: [0, 14, 0, 6] },
    {
      table: { widths: [110, "*"], body: rows },
      fontSize: 11,
      layout: {
        hLineColor: () => OFFICIAL_RED,
        vLineColor: () => OFFICIAL_RED,
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
    },
    {
      columns: [
        {
          width: 110,
          stack: [
            { image: d.qrDataUrl, width: 100 },
            { text: "扫码核验真伪", fontSize: 9, alignment: "center", margin: [0, 2, 10, 0] },
          ],
        },
        { width: "*", text: "" },
        {
          width: "auto",
          alignment: "center",
          stack: [
            { text: "【电子印章】", color: OFFICIAL_RED, bold: true, fontSize: 14 },
            { text: `发证机关：${d.issuerName}`, margin: [0, 6, 0, 0] },
            { text: formatChineseDate(d.issuedOn), margin: [0, 2, 0, 0] },
          ],
        },
      ],
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
    // The issuing event's place in the transparency log, under the seal (the footer is full).
    ...(d.transparency
      ? [
          {
            text: logReferenceLine(d.transparency),
            fontSize: 8,
            color: "#555555",
            margin: [0, 10, 0, 0] as Margins,
          },
        ]
      : []),
    ...(d.boundary ? redLineMap(d.boundary) : []),
  ];
  return {
    pageSize: "A4",
    pageMargins: [56, 56, 56, 96],
    info: {
      title: `${d.name}（${d.number}）`,
      author: d.issuerName,
      subject: `电子证照 ${d.identifier}`,
      keywords: [d.identifier, d.number, d.typeCode].join(" "),
      creationDate: new Date(`${d.issuedOn}T00:00:00+08:00`),
    },
    background: () => ({
      canvas: [
        { type: "rect", x: 24, y: 24, w: 595.28 - 48, h: 841.89 - 48, lineWidth: 3, lineColor: OFFICIAL_RED },
        {
          type: "rect",
          x: 30,
          y: 30,
          w: 595.28 - 60,
          h: 841.89 - 60,
          lineWidth: 0.8,
          lineColor: OFFICIAL_RED,
        },
      ],
    }),
    content,
    footer: (page: number, pages: number) => ({
      margin: [56, 10, 56, 0],
      fontSize: 7,
      color: "#555555",
      stack: [
        { text: `证照标识：${d.identifier}　类型代码：${d.typeCode}` },
        {
          text: `颁发机构代码：${d.issuerCode}　管辖属地编码：${d.jurisdictionCode}　电子签名：${d.algorithm}（${d.keyId}）`,
        },
        {
          columns: [
            { text: `核验：${d.verifyUrl}`, width: "*" },
            { text: `第 ${page} 页 共 ${pages} 页`, width: "auto" },
          ],
        },
      ],
    }),
  };
}
