import type { Content, TableCell } from "pdfmake/interfaces";
import { amountInCapitals, formatYuan } from "./format";
import { noticeDocument, paragraph } from "./layout";
import type { PdfDocument } from "./render";
import type { PaymentChannel, PaymentReceiptData } from "./types";

/** Chinese names of the payment channels. */
export const CHANNEL_LABEL: Record<PaymentChannel, string> = {
  cash: "窗口现金",
  pos: "窗口POS刷卡",
  online: "网上支付",
};

const label = (text: string): TableCell => ({ text, bold: true, fillColor: "#f4f4f4" });
const right = (text: string): TableCell => ({ text, alignment: "right" });
const center = (text: string): TableCell => ({ text, alignment: "center" });

/**
 * 缴费凭证: who paid what for which case, each line in yuan from integer fen, the total in figures and
 * in Chinese capitals (大写), the channel and the transaction number (行政许可法 Art. 58–59: only fees a
 * law provides for, paid over in full; a receipt for every payment).
 */
export function paymentReceipt(d: PaymentReceiptData): PdfDocument {
  const totalFen = d.lines.reduce((sum, l) => sum + l.amountFen, 0);
  const party: TableCell[][] = [
    [label("缴款人"), d.payer.name, label("证件号码"), d.payer.idNumber ?? "—"],
    [label("办件编号"), d.caseNumber, label("缴费时间"), d.paidAt],
    [
      label("办理事项"),
      { text: d.item.code ? `${d.item.name}（事项编码：${d.item.code}）` : d.item.name, colSpan: 3 },
      "",
      "",
    ],
    [label("缴费方式"), CHANNEL_LABEL[d.channel], label("交易流水号"), d.transactionNumber],
  ];
  const lines: TableCell[][] = d.lines.map((l, n) => [
    center(String(n + 1)),
    l.name,
    { text: l.basis ?? "—", fontSize: 9 },
    center(l.quantity ?? "1"),
    right(formatYuan(l.amountFen)),
  ]);
  const grid = { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4 };
  const body: Content[] = [
    {
      table: { widths: [64, "*", 64, "*"], body: party },
      layout: grid,
      fontSize: 10.5,
      margin: [0, 6, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        widths: [28, "*", 150, 36, 80],
        body: [
          ["序号", "收费项目", "收费依据", "数量", "金额（元）"].map((h) => ({
            text: h,
            bold: true,
            alignment: "center" as const,
            fillColor: "#eeeeee",
          })),
          ...lines,
          [
            { text: `合计（大写）：${amountInCapitals(totalFen)}`, colSpan: 4, bold: true },
            "",
            "",
            "",
            { text: `¥${formatYuan(totalFen)}`, alignment: "right", bold: true },
          ],
        ],
      },
      layout: grid,
      fontSize: 10.5,
      margin: [0, 0, 0, 10],
    },
    paragraph(`收款单位：${d.org.name}${d.cashier ? `　　经办人：${d.cashier}` : ""}`, false),
    paragraph(
      "本凭证为电子缴费凭证，与纸质凭证具有同等效力；如需开具财政票据，请凭本凭证向收款单位申请。",
      false,
    ),
  ];
  return noticeDocument({
    org: d.org,
    title: "缴费凭证",
    documentNumber: `凭证号：${d.receiptNumber}`,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `缴费凭证：${d.item.name}，合计${formatYuan(totalFen)}元`,
    body,
  });
}
