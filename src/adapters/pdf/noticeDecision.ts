import type { Content, TableCell } from "pdfmake/interfaces";
import { formatChineseDate } from "./format";
import {
  addressee,
  clause,
  headedTable,
  heading,
  noticeDocument,
  paragraph,
  remediesParagraph,
  sentence,
} from "./layout";
import type { PdfDocument } from "./render";
import type { ApprovalDecisionData, DenialDecisionData } from "./types";
import { itemLabel, LICENSING_LAW as LAW, you } from "./wording";

const NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Numbers a list of clauses （一）（二）… as Chinese documents do. */
export function numbered(items: string[]): Content[] {
  return items.map((t, i) => paragraph(`（${NUMBERS[i] ?? String(i + 1)}）${sentence(t)}`));
}

/**
 * 准予行政许可决定书: the application meets the statutory conditions and standards, so the licence is
 * granted; findings, legal basis, what is granted, conditions and delivery of the certificate
 * (行政许可法 Art. 38(1), 39; Art. 44: certificate within 10 days).
 */
export function approvalDecision(d: ApprovalDecisionData): PdfDocument {
  const who = you(d.applicant);
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `${who}于${formatChineseDate(d.acceptedOn)}经本机关受理的${itemLabel(d.item)}申请，经审查，情况如下：`,
    ),
    ...numbered(d.findings),
    paragraph(
      `${who}的申请符合法定条件、标准。根据${LAW}第三十八条第一款及${clause(d.legalBasis)}的规定，本机关决定准予行政许可，` +
        `颁发《${d.result.name}》${d.result.number ? `（编号：${d.result.number}）` : ""}。`,
    ),
  ];
  const rows: TableCell[][] = (d.particulars ?? []).map((p) => [{ text: p.label, bold: true }, p.value]);
  if (d.result.validUntil)
    rows.push([{ text: "有效期至", bold: true }, formatChineseDate(d.result.validUntil)]);
  if (rows.length > 0) body.push(headedTable("许可内容", ["项目", "内容"], rows, [110, "*"]));
  if (d.conditions && d.conditions.length > 0) body.push(heading("注意事项"), ...numbered(d.conditions));
  body.push(
    paragraph(
      d.delivery
        ? sentence(d.delivery)
        : `本机关将自作出本决定之日起十日内向${who}颁发、送达行政许可证件。准予行政许可的决定将依法予以公开。`,
    ),
    paragraph("特此决定。"),
  );
  return noticeDocument({
    org: d.org,
    title: "准予行政许可决定书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `准予行政许可决定：${d.item.name}`,
    body,
  });
}

/**
 * 不予行政许可决定书: the application is denied, with the reasons, the legal basis and the applicant's
 * right to administrative reconsideration or litigation (行政许可法 Art. 38(2)).
 */
export function denialDecision(d: DenialDecisionData): PdfDocument {
  const who = you(d.applicant);
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `${who}于${formatChineseDate(d.acceptedOn)}经本机关受理的${itemLabel(d.item)}申请，经审查，存在以下情形：`,
    ),
    ...numbered(d.reasons),
    paragraph(
      `${who}的申请不符合法定条件、标准。根据${LAW}第三十八条第二款及${clause(d.legalBasis)}的规定，本机关决定不予行政许可。`,
    ),
    remediesParagraph(d.remedies),
    paragraph("特此决定。"),
  ];
  return noticeDocument({
    org: d.org,
    title: "不予行政许可决定书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `不予行政许可决定：${d.item.name}`,
    body,
  });
}
